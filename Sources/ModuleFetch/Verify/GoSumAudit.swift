import GoModConfig

/// Checks go.sum against the checksum database and go.mod's requirements against go.sum.
/// Lookups run concurrently through one `SumDBClient`, so lines of one module version share
/// one record and all lookups share tile fetches.
public enum GoSumAudit {
    /// Why the go command would not consult the database for `path`, nil when it would.
    // cmd/go/internal/modfetch/fetch.go useSumDB (GONOSUMDB defaults to GOPRIVATE)
    public static func skipReason(path: String, gosumdbOff: Bool, gonosumdb: String) -> String? {
        if gosumdbOff { return "checksum database disabled by GOSUMDB=off" }
        if PrefixPatterns.match(gonosumdb, path) { return "matched by GONOSUMDB" }
        return nil
    }

    /// One check per go.sum line, in go.sum order. `client` nil means every line not skipped
    /// is reported failed with `unavailable` (the database could not be configured).
    public static func run(lines: [GoSumLine], skip: @Sendable (String) -> String?, client: SumDBClient?,
                           unavailable: String = "no checksum database", concurrency: Int = 16) async -> [GoSumCheck] {
        var results = [GoSumCheck?](repeating: nil, count: lines.count)
        var pending: [Int] = []
        for (index, line) in lines.enumerated() {
            if let reason = skip(line.path) {
                results[index] = check(line, status: .skipped, detail: reason)
            } else if client == nil {
                results[index] = check(line, status: .failed, detail: unavailable)
            } else {
                pending.append(index)
            }
        }
        if let client {
            await withTaskGroup(of: (Int, GoSumCheck).self) { group in
                var next = 0
                func add() {
                    guard next < pending.count else { return }
                    let index = pending[next]
                    let line = lines[index]
                    next += 1
                    group.addTask { (index, await lookUp(line, client: client)) }
                }
                for _ in 0..<max(1, concurrency) { add() }
                while let (index, result) = await group.next() {
                    results[index] = result
                    add()
                }
            }
        }
        return results.compactMap { $0 }
    }

    static func lookUp(_ line: GoSumLine, client: SumDBClient) async -> GoSumCheck {
        let version = line.isGoMod ? line.version + "/go.mod" : line.version
        do {
            let records = try await client.lookup(path: line.path, version: version)
            let hashes = records.compactMap { $0.split(separator: " ").last.map(String.init) }
            guard let first = hashes.first else {
                return check(line, status: .notInDatabase, detail: "the database record has no line for \(line.path) \(version)")
            }
            let database = hashes.contains(line.hash) ? line.hash : first
            return check(line, status: database == line.hash ? .verified : .mismatch, database: database)
        } catch {
            return check(line, status: error.code == "not-found" ? .notInDatabase : .failed, detail: error.message)
        }
    }

    static func check(_ line: GoSumLine, status: GoSumCheck.Status, database: String? = nil, detail: String? = nil) -> GoSumCheck {
        GoSumCheck(path: line.path, version: line.version, isGoMod: line.isGoMod, line: line.line, goSumHash: line.hash,
                   databaseHash: database, status: status, detail: detail)
    }

    /// Downloaded requirements (after replace) whose go.sum lines are missing.
    public static func missing(routes: [ModuleRoute], goSum: GoSumFile) -> [MissingGoSumEntry] {
        routes.filter { $0.disposition == .download }.compactMap { route in
            let goMod = goSum.hashes(path: route.path, version: route.version, goMod: true).isEmpty
            let zip = goSum.hashes(path: route.path, version: route.version, goMod: false).isEmpty
            guard goMod || zip else { return nil }
            return MissingGoSumEntry(path: route.path, version: route.version, missingGoMod: goMod, missingZip: zip)
        }
    }
}
