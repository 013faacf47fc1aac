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

/// `SumDBOps` that fetches with curl inside a lab namespace (test-only), keeps config and
/// cache in memory, and can tamper with what the server sent.
actor CurlSumDBOps: SumDBOps {
    enum Tamper: Sendable { case none, record, tile }

    let lab: Lab
    let host: LabHost
    let base: String
    let tamper: Tamper
    private(set) var requests: [String] = []
    private var config: [String: [UInt8]] = [:]
    private var cache: [String: [UInt8]] = [:]

    init(lab: Lab, host: LabHost, base: String, tamper: Tamper = .none) {
        self.lab = lab
        self.host = host
        self.base = base
        self.tamper = tamper
    }

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        requests.append(path)
        let script = "f=$(mktemp) && code=$(curl -sS -o \"$f\" -w '%{http_code}' \"$1\") && echo \"$code\" && base64 -w0 \"$f\"; rm -f \"$f\""
        do {
            let result = try await lab.run(in: host, ["sh", "-c", script, "sh", base + path], timeout: .seconds(20))
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            guard result.succeeded, lines.count >= 2, lines[0] == "200", let data = Data(base64Encoded: String(lines[1])) else {
                return .failure(ModuleFetchError("http-status", "\(path): \(result.stdout.prefix(200)) \(result.stderr.prefix(200))"))
            }
            var bytes = Array(data)
            switch tamper {
            case .record where path.hasPrefix("/lookup/"):
                if let i = bytes.firstIndex(of: UInt8(ascii: ":")) { bytes[i + 1] ^= 1 }
            case .tile where path.hasPrefix("/tile/") && !bytes.isEmpty:
                bytes[bytes.count - 1] ^= 1
            default: break
            }
            return .success(bytes)
        } catch {
            return .failure(ModuleFetchError("transport", "\(error)"))
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
    func securityError(_ message: String) async {}
}
