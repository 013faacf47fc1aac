import Foundation
import GoModConfig
import Testing
@testable import ModuleFetch

/// End to end against x/mod's own server code: 200 records verify; a server that alters a
/// record, serves a bad tile, or forks its log (same key, different history) is caught.
@Suite(.serialized) struct GoSumDBEndToEndTests {
    static let modules = 200

    static func goSum(evil: Int? = nil, extra: Int = 0) -> String {
        (0..<modules + extra).map { i in
            let hash = i == evil ? "h1:EVILEVILEVILEVILEVILEVILEVILEVILEVILEVIL000=" : "h1:\(GoBase64.encode(Array("zip \(i)".utf8)))="
            return "example.com/Mod\(i) v1.\(i).0 \(hash)\nexample.com/Mod\(i) v1.\(i).0/go.mod h1:\(GoBase64.encode(Array("mod \(i)".utf8)))=\n"
        }.joined()
    }

    struct Setup {
        var dir: URL
        var binary: URL
        func server(evil: Int? = nil, extra: Int = 0, signerKey: String? = nil) throws -> GoSumDBServer {
            let file = dir.appendingPathComponent("go.sum.\(evil ?? -1).\(extra)")
            try GoSumDBEndToEndTests.goSum(evil: evil, extra: extra).write(to: file, atomically: true, encoding: .utf8)
            return try GoSumDBServer(binary: binary, goSumPath: file.path, signerKey: signerKey)
        }
    }

    static func setup() throws -> Setup {
        let dir = try GoProgram.scratch()
        return Setup(dir: dir, binary: try GoProgram.build(GoSumDBServer.source, name: "sumdbstdio", in: dir))
    }

    static func lookupAll(_ client: SumDBClient, range: Range<Int> = 0..<modules) async throws {
        try await withThrowingTaskGroup(of: (Int, [String]).self) { group in
            for i in range {
                group.addTask { (i, try await client.lookup(path: "example.com/Mod\(i)", version: "v1.\(i).0")) }
            }
            var verified = 0
            for try await (i, lines) in group {
                verified += 1
                #expect(lines == ["example.com/Mod\(i) v1.\(i).0 h1:\(GoBase64.encode(Array("zip \(i)".utf8)))="])
            }
            #expect(verified == range.count)
        }
    }

    static func message(_ body: () async throws -> Void) async -> String? {
        do {
            try await body()
            return nil
        } catch {
            return (error as? ModuleFetchError)?.message ?? "\(error)"
        }
    }

    @Test(.enabled(if: GoProgram.available, "needs go and golang-golang-x-mod-dev"))
    func recordsVerifyAndMisbehaviourIsCaught() async throws {
        let setup = try Self.setup()
        defer { try? FileManager.default.removeItem(at: setup.dir) }
        let honest = try setup.server()
        let key = try VerifierKey.parse(try honest.verifierKey)
        let state = FakeSumDB(signer: try NoteSigner(parsing: honest.signerKey))

        // 200 lookups, concurrently, each tile fetched once.
        let client = SumDBClient(key: key, ops: ForkedOps(config: state, remote: honest))
        try await Self.lookupAll(client)
        let tiles = await honest.requests.filter { $0.hasPrefix("/tile/") }
        #expect(Set(tiles).count == tiles.count)
        #expect(await client.latestTree.size >= 1)
        #expect(await state.config["sum.lab.example/latest"]?.isEmpty == false)

        // Altered record and bad tile, through fresh clients without cached state.
        let altered = RewritingOps(base: honest) { path, data in
            guard path.hasPrefix("/lookup/") else { return data }
            var copy = data
            let h1 = Array("h1:".utf8)
            if let i = copy.indices.first(where: { copy[$0...].starts(with: h1) }) { copy[i + 3] ^= 1 }
            return copy
        }
        let m1 = await Self.message { _ = try await SumDBClient(key: key, ops: altered).lookup(path: "example.com/Mod1", version: "v1.1.0") }
        #expect(m1 == "example.com/Mod1@v1.1.0: cannot authenticate record data in server response")
        let badTile = RewritingOps(base: honest) { path, data in
            guard path.hasPrefix("/tile/8/0/"), !data.isEmpty else { return data }
            var copy = data
            copy[0] ^= 0x80
            return copy
        }
        let m2 = await Self.message { _ = try await SumDBClient(key: key, ops: badTile).lookup(path: "example.com/Mod2", version: "v1.2.0") }
        #expect(m2 == "example.com/Mod2@v1.2.0: downloaded inconsistent tile")

        // A fork: the same key signs a log where one module has another hash.
        let forked = try setup.server(evil: 150, signerKey: honest.signerKey)
        for i in 0..<Self.modules { _ = await forked.readRemote("/lookup/example.com/!mod\(i)@v1.\(i).0") }
        await state.clearLookups()  // keep the tiles and the latest tree, forget the records
        let m3 = await Self.message {
            _ = try await SumDBClient(key: key, ops: ForkedOps(config: state, remote: forked)).lookup(path: "example.com/Mod3", version: "v1.3.0")
        }
        #expect(m3 == "example.com/Mod3@v1.3.0: security error: misbehaving server")
        let report = try #require(await state.securityErrors.first)
        #expect(report.hasPrefix("SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n"))

        // History rewritten: a larger tree (same key) whose first 200 records differ.
        let rewritten = try setup.server(evil: 7, extra: 20, signerKey: honest.signerKey)
        for i in 0..<Self.modules + 20 { _ = await rewritten.readRemote("/lookup/example.com/!mod\(i)@v1.\(i).0") }
        await state.clearLookups()
        let m4 = await Self.message {
            _ = try await SumDBClient(key: key, ops: ForkedOps(config: state, remote: rewritten)).lookup(path: "example.com/Mod210", version: "v1.210.0")
        }
        #expect(m4 == "example.com/Mod210@v1.210.0: security error: misbehaving server")
        let reports = await state.securityErrors
        #expect(reports.count == 2 && reports.last?.contains("new database:\n\tgo.sum database tree\n\t220\n") == true)
        await honest.stop()
        await forked.stop()
        await rewritten.stop()
    }
}
