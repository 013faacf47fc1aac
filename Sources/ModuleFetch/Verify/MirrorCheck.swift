import Foundation
import GoModConfig
import Redaction

/// Downloads module files from every configured mirror and hashes them the way the go
/// command does before it trusts them (cmd/go/internal/modfetch/fetch.go downloadZip +
/// checkModSum): the zip with its rules and `dirhash.HashZip`, the go.mod with `Hash1`.
/// A mirror whose hash differs from go.sum or the database is named.
public struct MirrorCheck: Sendable {
    /// One file to check, with the hashes it must have (either may be unknown).
    public struct Item: Sendable {
        public var path: String
        public var version: String
        public var isGoMod: Bool
        public var goSumHash: String?
        public var databaseHash: String?

        public init(path: String, version: String, isGoMod: Bool, goSumHash: String?, databaseHash: String?) {
            self.path = path
            self.version = version
            self.isGoMod = isGoMod
            self.goSumHash = goSumHash
            self.databaseHash = databaseHash
        }
    }

    public var getter: ModuleHTTPGetter
    public var concurrency: Int

    /// `getter` should allow zip-sized bodies (the go command's limit is 500 MiB).
    public init(getter: ModuleHTTPGetter, concurrency: Int = 8) {
        self.getter = getter
        self.concurrency = concurrency
    }

    /// Every item from every mirror, mirror by mirror in order.
    public func run(mirrors: [String], items: [Item]) async -> [MirrorFileCheck] {
        let jobs = mirrors.flatMap { mirror in items.map { (mirror, $0) } }
        var results = [MirrorFileCheck?](repeating: nil, count: jobs.count)
        await withTaskGroup(of: (Int, MirrorFileCheck).self) { group in
            var next = 0
            func add() {
                guard next < jobs.count else { return }
                let index = next
                let (mirror, item) = jobs[index]
                next += 1
                group.addTask { (index, await check(mirror: mirror, item: item)) }
            }
            for _ in 0..<max(1, concurrency) { add() }
            while let (index, result) = await group.next() {
                results[index] = result
                add()
            }
        }
        return results.compactMap { $0 }
    }

    /// Downloads and hashes one file from one mirror.
    public func check(mirror: String, item: Item) async -> MirrorFileCheck {
        var result = MirrorFileCheck(mirror: SecretRedactor.redact(mirror), path: item.path, version: item.version,
                                     file: item.isGoMod ? "mod" : "zip", goSumHash: item.goSumHash,
                                     databaseHash: item.databaseHash, status: .failed)
        let url: String
        do {
            // cmd/go/internal/modfetch/proxy.go: <proxy>/<escaped path>/@v/<escaped version>.zip|.mod
            url = Self.trimmed(mirror) + "/" + (try ModulePath.escape(item.path)) + "/@v/"
                + (try ModulePath.escapeVersion(item.version)) + (item.isGoMod ? ".mod" : ".zip")
        } catch {
            result.detail = error.message
            return result
        }
        let body: [UInt8]
        switch await getter.get(url) {
        case .success(let bytes): body = bytes
        case .failure(let error):
            result.status = error.code == "not-found" ? .notFound : .failed
            result.detail = error.message
            return result
        }
        do {
            result.hash = item.isGoMod ? DirHash.hashGoMod(body) : try Self.hashZip(body, path: item.path, version: item.version)
        } catch {
            result.detail = error.message
            return result
        }
        let expected = [item.goSumHash, item.databaseHash].compactMap { $0 }
        guard !expected.isEmpty else {
            // Nothing vouches for these bytes: not verified is not "matches".
            result.detail = "no hash to compare with: neither go.sum nor the checksum database holds one"
            return result
        }
        result.status = expected.allSatisfy { $0 == result.hash } ? .matches : .differs
        return result
    }

    static func hashZip(_ body: [UInt8], path: String, version: String) throws(ModuleFetchError) -> String {
        let file = URL(fileURLWithPath: NSTemporaryDirectory())
            .appendingPathComponent("gomod-doctor-\(getpid())-\(UUID().uuidString).zip")
        guard FileManager.default.createFile(atPath: file.path, contents: Data(body)) else {
            throw ModuleFetchError("transport", "cannot write a temporary file in \(NSTemporaryDirectory())")
        }
        defer { try? FileManager.default.removeItem(at: file) }
        return try ModuleZipHasher.checkAndHash(at: file, path: path, version: version)
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
