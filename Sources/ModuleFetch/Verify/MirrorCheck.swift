import Foundation
import GoModConfig
import NetProbes
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
        // One deadline bounds the transfer and the hashing of a zip.
        let deadline = ProbeDeadline.after(seconds: getter.timeoutSeconds)
        let fetched: Result<String, ModuleFetchError>
        if item.isGoMod {
            fetched = await getter.get(url).map(DirHash.hashGoMod)
        } else {
            fetched = await getter.download(url, deadline: deadline).flatMap { file in
                Result { () throws(ModuleFetchError) in try Self.hashZip(file, path: item.path, version: item.version, deadline: deadline) }
            }
        }
        switch fetched {
        case .success(let hash): result.hash = hash
        case .failure(let error):
            result.status = error.code == "not-found" ? .notFound : .failed
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

    /// The zip's h1 from the nameless file it was streamed to, after the go command's download checks.
    static func hashZip(_ file: HTTPBodyFile, path: String, version: String, deadline: ProbeDeadline) throws(ModuleFetchError) -> String {
        try ModuleZipHasher.checkAndHash(at: URL(fileURLWithPath: file.path), path: path, version: version, deadline: deadline)
    }

    static func trimmed(_ url: String) -> String {
        var url = url
        while url.hasSuffix("/") { url.removeLast() }
        return url
    }
}
