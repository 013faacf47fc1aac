import GoModConfig
import Testing
@testable import ModuleFetch

/// The client's lookup flow against an in-memory database that can misbehave.
@Suite struct SumDBClientTests {
    static func database(modules: Int, signer: NoteSigner) async throws -> FakeSumDB {
        let db = FakeSumDB(signer: signer)
        for i in 0..<modules {
            try await db.add(path: "example.com/Mod\(i)", version: "v1.0.\(i)", hash: "h1:\(i)=", goModHash: "h1:gomod\(i)=")
        }
        return db
    }

    static func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return (error as? ModuleFetchError)?.message
        }
    }

    @Test func lookupsVerifyAndShareTiles() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let db = try await Self.database(modules: 300, signer: signer)
        let client = SumDBClient(key: key, ops: db, tileHeight: 2)
        let lines = try await client.lookup(path: "example.com/Mod7", version: "v1.0.7")
        #expect(lines == ["example.com/Mod7 v1.0.7 h1:7="])
        #expect(try await client.lookup(path: "example.com/Mod7", version: "v1.0.7/go.mod") == ["example.com/Mod7 v1.0.7/go.mod h1:gomod7="])
        #expect(await db.requestCount(prefix: "/lookup/") == 1)
        await db.resetRequests()
        try await withThrowingTaskGroup(of: [String].self) { group in
            for i in 0..<300 {
                group.addTask { try await client.lookup(path: "example.com/Mod\(i)", version: "v1.0.\(i)") }
            }
            for try await result in group { #expect(result.count == 1) }
        }
        let tileRequests = await db.requests.filter { $0.hasPrefix("/tile/") }
        #expect(Set(tileRequests).count == tileRequests.count, "a tile was fetched twice")
        #expect(await db.config["sum.test/latest"] == (try await db.signedTree()))
        #expect(await client.latestTree.size == 300)
    }

    @Test func alteredRecordIsCaught() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let db = try await Self.database(modules: 20, signer: signer)
        await db.setMisbehaviour(.alterRecord)
        let client = SumDBClient(key: key, ops: db, tileHeight: 2)
        let message = await Self.message { _ = try await client.lookup(path: "example.com/Mod3", version: "v1.0.3") }
        #expect(message == "example.com/Mod3@v1.0.3: cannot authenticate record data in server response")
        #expect(await db.cache.keys.contains { $0.contains("/lookup/") } == false)
    }

    @Test func badTileIsCaught() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let db = try await Self.database(modules: 20, signer: signer)
        await db.setMisbehaviour(.badTile)
        let client = SumDBClient(key: key, ops: db, tileHeight: 2)
        let message = await Self.message { _ = try await client.lookup(path: "example.com/Mod3", version: "v1.0.3") }
        #expect(message == "example.com/Mod3@v1.0.3: downloaded inconsistent tile")
    }

    @Test func foreignKeyIsRefused() async throws {
        let (signer, _) = try NoteSigner.generate(name: "sum.test")
        let (_, otherKey) = try NoteSigner.generate(name: "sum.test")
        let db = try await Self.database(modules: 5, signer: signer)
        let client = SumDBClient(key: otherKey, ops: db, tileHeight: 2)
        let message = await Self.message { _ = try await client.lookup(path: "example.com/Mod1", version: "v1.0.1") }
        #expect(message?.hasPrefix("example.com/Mod1@v1.0.1: reading tree note: note has no verifiable signatures\nnote:\ngo.sum database tree\n5\n") == true)
    }

    /// Two different trees of the same size, signed by the same key: a fork.
    @Test func forkOfSameSizeIsCaught() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let honest = try await Self.database(modules: 20, signer: signer)
        let client = SumDBClient(key: key, ops: honest, tileHeight: 2)
        _ = try await client.lookup(path: "example.com/Mod3", version: "v1.0.3")
        let forked = FakeSumDB(signer: signer)
        for i in 0..<20 {
            try await forked.add(path: "example.com/Mod\(i)", version: "v1.0.\(i)", hash: i == 5 ? "h1:evil=" : "h1:\(i)=", goModHash: "h1:gomod\(i)=")
        }
        // The forked server's view reaches the client through a fresh lookup sharing its state.
        let reader = SumDBClient(key: key, ops: ForkedOps(config: honest, remote: forked), tileHeight: 2)
        let message = await Self.message { _ = try await reader.lookup(path: "example.com/Mod5", version: "v1.0.5") }
        let reports = await honest.securityErrors
        #expect(message == "example.com/Mod5@v1.0.5: security error: misbehaving server")
        #expect(reports.count == 1)
        #expect(reports.first?.hasPrefix("SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n\t20\n") == true)
        #expect(reports.first?.contains("proof of misbehavior:\n\t") == true)
    }

    /// A newer tree whose prefix differs from the cached tree: history was rewritten.
    @Test func newerTreeNotContainingOldIsCaught() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let honest = try await Self.database(modules: 20, signer: signer)
        let client = SumDBClient(key: key, ops: honest, tileHeight: 2)
        _ = try await client.lookup(path: "example.com/Mod3", version: "v1.0.3")
        let rewritten = FakeSumDB(signer: signer)
        for i in 0..<40 {
            try await rewritten.add(path: "example.com/Mod\(i)", version: "v1.0.\(i)", hash: i == 1 ? "h1:evil=" : "h1:\(i)=", goModHash: "h1:gomod\(i)=")
        }
        let reader = SumDBClient(key: key, ops: ForkedOps(config: honest, remote: rewritten), tileHeight: 2)
        let message = await Self.message { _ = try await reader.lookup(path: "example.com/Mod30", version: "v1.0.30") }
        #expect(message == "example.com/Mod30@v1.0.30: security error: misbehaving server")
        let report = try #require(await honest.securityErrors.first)
        #expect(report.contains("old database:\n\tgo.sum database tree\n\t20\n"))
        #expect(report.contains("new database:\n\tgo.sum database tree\n\t40\n"))
        // The proof lines are base64 hashes under the computed one.
        let proofLines = report.components(separatedBy: "proof of misbehavior:\n")[1].split(separator: "\n")
        #expect(proofLines.count >= 2 && proofLines.allSatisfy { $0.hasPrefix("\t") && $0.count == 45 })
    }

    /// A record id beyond the signed tree cannot be validated.
    @Test func recordOutsideTree() async throws {
        let (signer, key) = try NoteSigner.generate(name: "sum.test")
        let db = try await Self.database(modules: 4, signer: signer)
        let ops = RewritingOps(base: db) { path, data in
            guard path.hasPrefix("/lookup/"), let newline = data.firstIndex(of: 10) else { return data }
            return Array("9".utf8) + data[newline...]
        }
        let client = SumDBClient(key: key, ops: ops, tileHeight: 2)
        let message = await Self.message { _ = try await client.lookup(path: "example.com/Mod1", version: "v1.0.1") }
        #expect(message == "example.com/Mod1@v1.0.1: cannot validate record 9 in tree of size 4")
    }
}
