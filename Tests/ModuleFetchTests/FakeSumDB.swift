import GoModConfig
@testable import ModuleFetch

/// A checksum database in memory, built with our own log and signer, that can misbehave on
/// request. Serves the client through `SumDBOps`, and stores its config and cache in memory.
actor FakeSumDB: SumDBOps {
    enum Misbehaviour: Sendable {
        case none
        /// Serve the record with its text changed.
        case alterRecord
        /// Flip a bit in every level-0 tile.
        case badTile
    }

    let signer: NoteSigner
    private(set) var records: [[UInt8]] = []
    private var ids: [String: Int64] = [:]
    private var storage = StoredHashList()
    var misbehaviour = Misbehaviour.none
    private(set) var requests: [String] = []
    private(set) var securityErrors: [String] = []
    var config: [String: [UInt8]] = [:]
    var cache: [String: [UInt8]] = [:]

    init(signer: NoteSigner) {
        self.signer = signer
    }

    /// Adds the go.sum lines of a module as the next record.
    func add(path: String, version: String, hash: String, goModHash: String) async throws {
        let text = "\(path) \(version) \(hash)\n\(path) \(version)/go.mod \(goModHash)\n"
        ids["\(try ModulePath.escape(path))@\(try ModulePath.escapeVersion(version))"] = Int64(records.count)
        records.append(Array(text.utf8))
        var updated = storage
        try await updated.append(record: Array(text.utf8))
        storage = updated
    }

    func setMisbehaviour(_ value: Misbehaviour) { misbehaviour = value }
    func requestCount(prefix: String) -> Int { requests.filter { $0.hasPrefix(prefix) }.count }
    func resetRequests() { requests = [] }

    func signedTree() async throws(ModuleFetchError) -> [UInt8] {
        let size = Int64(records.count)
        let tree = LogTree(size: size, hash: try await TransparencyLog.treeHash(size, reader: storage))
        return try NoteSigner.sign(tree.text, with: [signer])
    }

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        requests.append(path)
        do throws(ModuleFetchError) {
            if path == "/latest" { return .success(try await signedTree()) }
            if path.hasPrefix("/lookup/") {
                guard let id = ids[String(path.dropFirst("/lookup/".count))] else {
                    return .failure(ModuleFetchError("not-found", "not found"))
                }
                var text = records[Int(id)]
                if misbehaviour == .alterRecord { text[text.count - 3] ^= 1 }
                return .success(Array("\(id)\n".utf8) + text + [10] + (try await signedTree()))
            }
            let tile = try LogTile.parse(path: String(path.dropFirst()))
            guard tile.level >= 0, (tile.number << tile.height) + Int64(tile.width) <= storage.recordCount >> (tile.level * tile.height)
            else { return .failure(ModuleFetchError("not-found", "no such tile")) }
            var data = try await tile.readData(from: storage)
            if misbehaviour == .badTile && tile.level == 0 { data[5] ^= 1 }
            return .success(data)
        } catch {
            return .failure(error)
        }
    }

    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { .success(config[file] ?? []) }

    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        guard (config[file] ?? []) == old else { return .success(false) }
        config[file] = new
        return .success(true)
    }

    func readCache(_ file: String) async -> [UInt8]? { cache[file] }
    func writeCache(_ file: String, data: [UInt8]) async { cache[file] = data }
    func log(_ message: String) async {}
    func securityError(_ message: String) async { securityErrors.append(message) }
    func clearLookups() { cache = cache.filter { !$0.key.contains("/lookup/") } }
}
