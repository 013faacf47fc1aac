import Foundation
import LabKit
import Testing

extension LabSuite {
    /// End to end: every lab server answers standard clients from a client namespace, and the
    /// lab leaves nothing behind.
    @Suite
    struct LabSmokeTests {
        static let modulePath = "example.com/labmod"
        static let moduleVersion = "v1.2.3"

        /// client — r1 — server, with DNS, TLS, GOPROXY and sumdb servers on the server host.
        /// dig resolves proxy.golang.org to the lab address, curl gets 200 over TLS trusting the
        /// lab CA, `go mod download -json` fetches a lab module through the lab proxy and checksum
        /// database with the h1 the lab computed; after teardown none of the run's namespaces,
        /// veths, /etc/netns directories, scratch files or processes remain.
        @Test(LabGate.trait)
        func serversAnswerStandardClientsAndTeardownLeavesNothing() async throws {
            let inventory = try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let server = chain.serverInterface
                let ca = try await lab.makeCertificateAuthority(name: "gomod-doctor lab CA")
                let certificate = try await lab.issueCertificate(
                    from: ca, commonName: "tls.lab.example", dnsNames: ["tls.lab.example"])
                try await lab.startTLSServer(on: chain.server, port: 443, certificate: certificate)
                let tree = try await lab.makeModuleTree()
                let hashes = try await lab.addModules(
                    [LabModule(path: Self.modulePath, version: Self.moduleVersion)], to: tree)
                _ = try await lab.startGoProxy(on: chain.server, tree: tree, port: 80)
                let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: server.ipv4, port: 8081)
                _ = try await lab.startDNSServer(on: chain.server, address: server.ipv4, config: DNSServerConfig(
                    records: [
                        .a("proxy.golang.org", server.ipv4), .aaaa("proxy.golang.org", server.ipv6),
                        .a("sum.golang.org", server.ipv4), .a("tls.lab.example", server.ipv4),
                    ],
                    nxdomainZones: ["lab.example"]))
                try await lab.setResolver(on: chain.client, nameservers: [server.ipv4], options: ["timeout:2", "attempts:1"])

                let dig = try await lab.run(in: chain.client, ["dig", "+short", "+tries=1", "+time=2", "proxy.golang.org", "A"]).check()
                #expect(dig.stdout.trimmingCharacters(in: .whitespacesAndNewlines) == server.ipv4)
                let nx = try await lab.run(in: chain.client, ["dig", "+tries=1", "+time=2", "missing.lab.example"]).check()
                #expect(nx.stdout.contains("status: NXDOMAIN"), "\(nx.stdout)")

                let curl = try await lab.run(in: chain.client, [
                    "curl", "-sS", "--max-time", "10", "--cacert", ca.certificatePath, "-o", "/dev/null",
                    "-w", "%{http_code}", "https://tls.lab.example/",
                ]).check()
                #expect(curl.stdout == "200")

                let download = try await Self.goModDownload(in: lab, client: chain.client, gosumdb: sumdb.gosumdb(host: "sum.golang.org"))
                let expected = try #require(hashes.first)
                #expect(expected.zipHash.hasPrefix("h1:"))
                #expect(download.error == nil, "go mod download: \(download.error ?? "")")
                #expect(download.sum == expected.zipHash)
                #expect(download.goModSum == expected.modHash)
                return await lab.inventory()
            }

            #expect(inventory.namespaces.count == 3)
            #expect(inventory.processes.count >= 4, "servers started: \(inventory.processes)")
            let namespaces = try await Lab.namedNamespaces()
            #expect(namespaces.filter { $0.hasPrefix(inventory.prefix) }.isEmpty, "left: \(namespaces)")
            let interfaces = try await Lab.interfacesOfTestProcess()
            #expect(interfaces.filter { $0.hasPrefix(inventory.prefix) }.isEmpty, "left: \(interfaces)")
            #expect(inventory.processes.filter(\.isAlive).isEmpty, "alive: \(inventory.processes.filter(\.isAlive))")
            for namespace in inventory.namespaces {
                #expect(!FileManager.default.fileExists(atPath: "/etc/netns/" + namespace))
            }
            #expect(!FileManager.default.fileExists(atPath: inventory.directory))
        }

        /// A body that throws still gets the full teardown, and the error reaches the caller.
        @Test(LabGate.trait)
        func teardownRunsWhenTheBodyThrows() async throws {
            struct Planned: Error {}
            var inventory: LabInventory?
            await #expect(throws: Planned.self) {
                try await Lab.with { lab in
                    let host = try await lab.addHost("server")
                    try await lab.spawn("sleeper", in: host, ["sleep", "300"])
                    inventory = await lab.inventory()
                    throw Planned()
                }
            }
            let left = try #require(inventory)
            #expect(left.processes.count == 1)
            #expect(left.processes.filter(\.isAlive).isEmpty)
            #expect(try await Lab.namedNamespaces().filter { $0.hasPrefix(left.prefix) }.isEmpty)
            #expect(!FileManager.default.fileExists(atPath: left.directory))
        }

        /// What `go mod download -json` reported for the lab module.
        struct Download: Decodable {
            var sum: String?
            var goModSum: String?
            var error: String?

            enum CodingKeys: String, CodingKey {
                case sum = "Sum", goModSum = "GoModSum", error = "Error"
            }
        }

        /// Runs the real go command in `client` with a fresh GOPATH/GOMODCACHE/GOCACHE, the lab
        /// GOPROXY by name (resolved by the lab DNS) and the lab checksum database.
        static func goModDownload(in lab: Lab, client: LabHost, gosumdb: String) async throws -> Download {
            let work = await lab.scratchPath("gowork")
            try FileManager.default.createDirectory(atPath: work, withIntermediateDirectories: true)
            let environment = [
                "GOPATH": work + "/gopath", "GOMODCACHE": work + "/modcache", "GOCACHE": work + "/gocache",
                "GOFLAGS": "-modcacherw", "GOENV": "off", "GOPROXY": "http://proxy.golang.org", "GOSUMDB": gosumdb,
                "GONOSUMDB": "", "GONOPROXY": "", "GOPRIVATE": "", "GOINSECURE": "",
            ]
            let result = try await lab.run(
                in: client, ["go", "mod", "download", "-json", "\(modulePath)@\(moduleVersion)"],
                environment: environment, workingDirectory: work, timeout: .seconds(60))
            guard let data = result.stdout.data(using: .utf8), !result.stdout.isEmpty else {
                return Download(error: "no JSON; \(result)")
            }
            var download = try JSONDecoder().decode(Download.self, from: data)
            if !result.succeeded && download.error == nil { download.error = result.description }
            return download
        }
    }
}
