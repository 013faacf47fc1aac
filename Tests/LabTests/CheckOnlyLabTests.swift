import Foundation
import LabKit
import Testing

extension LabSuite {
    /// `check --only` in a lab namespace with a real DNS server and a GOPROXY whose port has
    /// no listener: `--only dns` resolves the proxy and sends nothing else (no TCP, no fetch),
    /// so it passes; `--only dns,tcp` on the same machine finds the refused port.
    @Suite
    struct CheckOnlyLabTests {
        struct Document: Decodable {
            struct EndpointPart: Decodable {
                struct Verdict: Decodable {
                    struct LayerPart: Decodable {
                        var layer: String
                        var status: String
                        var detail: String
                    }
                    var layers: [LayerPart]
                    var rootLayer: String?
                }
                var verdict: Verdict
            }
            struct Fetch: Decodable {
                struct Module: Decodable { var path: String }
                var modules: [Module]
            }
            struct RootCause: Decodable {
                struct FindingPart: Decodable { var layer: String }
                var finding: FindingPart
            }
            struct Selection: Decodable {
                var checks: [String]
                var skipped: [String]
            }
            var status: String
            var endpoints: [EndpointPart]
            var fetch: Fetch
            var rootCauses: [RootCause]
            var selection: Selection
        }

        @Test(LabGate.trait)
        func onlyDNSSendsNoTCPAndFetchesNothing() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 0)
                let ip = chain.serverInterface.ipv4
                try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [.a("proxy.lab.example", ip)]))
                try await lab.setResolver(on: chain.client, nameservers: [ip])
                let work = await lab.scratchPath("check-only")
                try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
                try "module lab.example/app\n\ngo 1.19\n\nrequire github.com/lab/a v1.0.0\n"
                    .write(toFile: work + "/wd/go.mod", atomically: true, encoding: .utf8)
                let environment = ["HOME": work, "GOPATH": work + "/gopath", "GOENV": "off", "GOTOOLCHAIN": "local",
                                   "GOPROXY": "https://proxy.lab.example", "GOSUMDB": "off"]
                func check(_ only: String) async throws -> (CommandResult, Document) {
                    let result = try await lab.run(in: chain.client, [try DoctorRun.binary, "check", work + "/wd", "--json", "--timeout", "5",
                                                                      "--only", only, "--resolver", "none"], environment: environment, timeout: .seconds(40))
                    return (result, try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8)))
                }

                let (dnsOnly, document) = try await check("dns")
                #expect(dnsOnly.termination != .exited(2), "\(dnsOnly.stdout.prefix(3000))")
                #expect(document.status != "failures")
                #expect(document.fetch.modules.isEmpty)
                #expect(document.selection.checks == ["config", "dns"])
                #expect(document.selection.skipped == ["icmp", "tcp", "path", "sockets", "tls", "http", "modules", "toolchain"])
                let layers = try #require(document.endpoints.first?.verdict.layers)
                #expect(layers.first { $0.layer == "dns" }?.status == "ok")
                #expect(layers.first { $0.layer == "dns" }?.detail == ip)
                for name in ["icmp", "tcp", "path", "tls", "http"] {
                    let layer = layers.first { $0.layer == name }
                    #expect(layer?.status == "skipped" && layer?.detail == "not selected (--only)", "\(name): \(String(describing: layer))")
                }

                // The same machine with tcp selected: the refused port is the root cause.
                let (withTCP, tcpDocument) = try await check("dns,tcp")
                #expect(withTCP.termination == .exited(2), "\(withTCP.stdout.prefix(3000))")
                #expect(tcpDocument.rootCauses.first?.finding.layer == "tcp")
                #expect(tcpDocument.fetch.modules.isEmpty)
            }
        }
    }
}
