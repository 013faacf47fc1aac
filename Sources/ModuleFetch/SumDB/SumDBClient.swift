import GoModConfig

/// A checksum-database client (golang.org/x/mod `sumdb.Client`): looks records up, checks
/// each signed tree head against the last one seen (a server that forks its log or rewrites
/// history is caught with proof), and authenticates every record through tiles up to the
/// signed root. All I/O goes through `SumDBOps`; lookups may run concurrently and share tiles.
public actor SumDBClient {
    public nonisolated let name: String
    let verifiers: NoteVerifiers
    let ops: any SumDBOps
    public nonisolated let tiles: SumDBTileFetcher
    /// Tiles authenticated against the newest tree, shared by the lookups in it.
    let authenticatedTiles = AuthenticatedTiles()
    var latest = LogTree.empty
    var latestNote: [UInt8] = []
    private var initialized: Result<Void, ModuleFetchError>?
    private var records = InFlightResults<String, Result<[UInt8], ModuleFetchError>>()

    public init(key: VerifierKey, ops: any SumDBOps, tileHeight: Int = 8) {
        self.name = key.name
        self.verifiers = NoteVerifiers([key])
        self.ops = ops
        self.tiles = SumDBTileFetcher(name: key.name, ops: ops, tileHeight: tileHeight)
    }

    /// The newest tree head verified so far (size 0 before the first lookup).
    public var latestTree: LogTree { latest }

    /// The go.sum lines the database holds for `path` at `version` (a `/go.mod` suffix
    /// selects the go.mod line; one record serves both).
    /// - Throws: `<path>@<version>: <reason>` with the go command's texts.
    // golang.org/x/mod/sumdb/client.go Client.Lookup
    public func lookup(path: String, version: String) async throws(ModuleFetchError) -> [String] {
        let data: [UInt8]
        do throws(ModuleFetchError) {
            data = try await lookupRecord(path: path, version: version)
        } catch {
            throw ModuleFetchError(error.code, "\(path)@\(version): \(error.message)")
        }
        let prefix = path + " " + version + " "
        return String(decoding: data, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
            .filter { $0.hasPrefix(prefix) }.map(String.init)
    }

    private func lookupRecord(path: String, version: String) async throws(ModuleFetchError) -> [UInt8] {
        try await initialize()
        let escapedPath: String
        let escapedVersion: String
        do {
            escapedPath = try ModulePath.escape(path)
            let trimmed = version.hasSuffix("/go.mod") ? String(version.dropLast("/go.mod".count)) : version
            escapedVersion = try ModulePath.escapeVersion(trimmed)
        } catch {
            throw ModuleFetchError("invalid-response", error.message)
        }
        let remotePath = "/lookup/" + escapedPath + "@" + escapedVersion
        let file = name + remotePath
        switch records.claim(file) {
        case .ready(let result):
            return try result.get()
        case .pending:
            return try await withCheckedContinuation { records.addWaiter(file, $0) }.get()
        case .claimed:
            let result = await fetchRecord(file: file, remotePath: remotePath)
            records.finish(file, with: result)
            return try result.get()
        }
    }

    private func fetchRecord(file: String, remotePath: String) async -> Result<[UInt8], ModuleFetchError> {
        do throws(ModuleFetchError) {
            var data = await ops.readCache(file)
            let fromCache = data != nil
            if data == nil { data = try await ops.readRemote(remotePath).get() }
            let response = data ?? []
            let (record, treeNote) = try LogRecord.parse(response)
            try await mergeLatest(treeNote)
            try await checkRecord(record)
            if !fromCache { await ops.writeCache(file, data: response) }
            return .success(response)
        } catch {
            return .failure(error)
        }
    }

    /// Reads the cached latest tree head once, before the first lookup.
    // golang.org/x/mod/sumdb/client.go initWork
    func initialize() async throws(ModuleFetchError) {
        if let initialized { return try initialized.get() }
        let outcome: Result<Void, ModuleFetchError>
        do throws(ModuleFetchError) {
            let cached = try await ops.readConfig(name + "/latest").get()
            try await mergeLatest(cached)
            outcome = .success(())
        } catch {
            outcome = .failure(ModuleFetchError(error.code, "initializing sumdb.Client: \(error.message)"))
        }
        if initialized == nil { initialized = outcome }
        try initialized?.get()
    }

    /// Checks that the record's hash is the one the signed tree holds at its id.
    // golang.org/x/mod/sumdb/client.go checkRecord
    func checkRecord(_ record: LogRecord) async throws(ModuleFetchError) {
        let tree = latest
        guard record.id < tree.size else {
            throw ModuleFetchError("sumdb-misbehavior", "cannot validate record \(record.id) in tree of size \(tree.size)")
        }
        let reader = TileHashReader(tree: tree, tileReader: tiles, authenticated: authenticatedTiles)
        let hashes = try await reader.readHashes([TransparencyLog.storedHashIndex(level: 0, n: record.id)])
        guard hashes.first == LogHash.record(record.text) else {
            throw ModuleFetchError("sumdb-misbehavior", "cannot authenticate record data in server response")
        }
    }
}
