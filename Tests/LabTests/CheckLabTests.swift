import Foundation
import LabKit
import Testing

extension LabSuite {
    /// `gomod-doctor check --json` end to end in a lab namespace: a lab HTTPS GOPROXY (by DNS name, lab CA trusted),
    /// a lab checksum database and a project requiring two modules go.sum does not hold.
    @Suite
    struct CheckLabTests {
        /// The part of the check document these scenarios assert.
        struct CheckDocument: Decodable {
            struct RootCause: Decodable {
                struct FindingPart: Decodable {
                    var id: String
                    var layer: String
                }
                var finding: FindingPart
                var endpoint: String?
                var blockedModules: [String]
                var totalModules: Int
            }
            struct FindingPart: Decodable {
                var id: String
                var severity: String
                var target: String
            }
            var schemaVersion: Int
            var status: String
            var exitCode: Int
            var rootCauses: [RootCause]
            var findings: [FindingPart]
        }

        @Test(LabGate.trait)
        func healthyThenProxyPortDropped() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let ip = chain.serverInterface.ipv4
                let tree = try await lab.makeModuleTree()
                try await lab.addModules([LabModule(path: "github.com/lab/a", version: "v1.0.0"),
                                          LabModule(path: "github.com/lab/b", version: "v1.0.0")], to: tree)
                let ca = try await lab.makeCertificateAuthority(name: "check lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: "proxy.lab.example", dnsNames: ["proxy.lab.example"])
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: certificate)
                let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: ip)
                try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [.a("proxy.lab.example", ip)]))
                try await lab.setResolver(on: chain.client, nameservers: [ip])

                let work = await lab.scratchPath("check-project")
                try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
                try "module lab.example/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n"
                    .write(toFile: work + "/wd/go.mod", atomically: true, encoding: .utf8)
                let environment = [
                    "GOPATH": work + "/gopath", "GOMODCACHE": work + "/gopath/pkg/mod", "GOCACHE": work + "/cache",
                    "GOFLAGS": "-modcacherw", "GOENV": "off", "GOTOOLCHAIN": "local",
                    "GOPROXY": "https://proxy.lab.example", "SSL_CERT_FILE": ca.certificatePath, "GOSUMDB": sumdb.gosumdb(),
                ]
                func check() async throws -> (CommandResult, CheckDocument) {
                    let result = try await lab.run(in: chain.client, [try DoctorRun.binary, "check", work + "/wd", "--json", "--timeout", "6"],
                                                   environment: environment, timeout: .seconds(40))
                    let document = try JSONDecoder().decode(CheckDocument.self, from: Data(result.stdout.utf8))
                    return (result, document)
                }

                let (healthy, healthyDocument) = try await check()
                let notInfo = healthyDocument.findings.filter { $0.severity != "info" }.map { "\($0.id) \($0.severity) \($0.target)" }
                #expect(healthy.termination == .exited(0), "\(notInfo)")
                #expect(healthyDocument.schemaVersion == 1 && healthyDocument.status == "healthy", "\(notInfo)")
                #expect(!healthyDocument.findings.contains { $0.severity == "failure" })
                #expect(healthyDocument.rootCauses.isEmpty)

                try await lab.addFirewallRule(host: chain.server, PacketMatch(chain: "INPUT", destinationPort: 443), .drop)
                let (dropped, document) = try await check()
                #expect(dropped.termination == .exited(2), "\(dropped.stdout.prefix(4000))")
                #expect(document.exitCode == 2 && document.status == "failures")
                let top = try #require(document.rootCauses.first, "\(dropped.stdout.prefix(4000))")
                #expect(top.finding.layer == "tcp", "\(top.finding.id)")
                #expect(top.endpoint == "https://proxy.lab.example:443")
                #expect(top.blockedModules == ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"] && top.totalModules == 2)
            }
        }
    }
}
