import Foundation
import GoModConfig
import LabKit
import ModuleFetch
import Testing

extension LabSuite {
    /// The checksum-database client against the lab's real sumdb server (x/mod's server code
    /// over the lab module tree), reached over the lab network with curl — a test-only
    /// transport until the project's HTTP client lands.
    @Suite struct SumDBLabTests {
        @Test(LabGate.trait)
        func twoHundredLookupsVerifyAndTamperingIsCaught() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let tree = try await lab.makeModuleTree()
                let modules = (0..<200).map { LabModule(path: "example.com/mod\($0)", version: "v1.0.\($0)") }
                let hashes = try await lab.addModules(modules, to: tree)
                let server = chain.serverInterface.ipv4
                let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: server)
                let key = try VerifierKey.parse(sumdb.verifierKey)
                let base = "http://\(server):\(sumdb.port)"

                let ops = CurlSumDBOps(lab: lab, host: chain.client, base: base)
                let client = SumDBClient(key: key, ops: ops)
                var verified = 0
                for batch in stride(from: 0, to: hashes.count, by: 10) {
                    try await withThrowingTaskGroup(of: (ModuleHashes, [String]).self) { group in
                        for module in hashes[batch..<min(batch + 10, hashes.count)] {
                            group.addTask { (module, try await client.lookup(path: module.path, version: module.version)) }
                        }
                        for try await (module, lines) in group {
                            #expect(lines == ["\(module.path) \(module.version) \(module.zipHash)"])
                            verified += 1
                        }
                    }
                }
                #expect(verified == 200)
                let tiles = await ops.requests.filter { $0.hasPrefix("/tile/") }
                #expect(!tiles.isEmpty && Set(tiles).count == tiles.count, "each tile fetched once: \(tiles)")

                let altered = CurlSumDBOps(lab: lab, host: chain.client, base: base, tamper: .record)
                let m1 = await Self.message { _ = try await SumDBClient(key: key, ops: altered).lookup(path: "example.com/mod5", version: "v1.0.5") }
                #expect(m1 == "example.com/mod5@v1.0.5: cannot authenticate record data in server response")
                let badTile = CurlSumDBOps(lab: lab, host: chain.client, base: base, tamper: .tile)
                let m2 = await Self.message { _ = try await SumDBClient(key: key, ops: badTile).lookup(path: "example.com/mod6", version: "v1.0.6") }
                #expect(m2 == "example.com/mod6@v1.0.6: downloaded inconsistent tile")
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
    }
}
