import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The lab GOPROXY over HTTPS: module files, 404 for path prefixes, fault rules that
    /// change while it runs, and the CONNECT proxy in front of it.
    @Suite
    struct LabProxyTests {
        @Test(LabGate.trait)
        func goProxyRulesAndConnectProxy() async throws {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let address = chain.serverInterface.ipv4
                let ca = try await lab.makeCertificateAuthority(name: "lab CA")
                let certificate = try await lab.issueCertificate(
                    from: ca, commonName: "proxy.lab.example", dnsNames: ["proxy.lab.example"], ipAddresses: [address])
                let tree = try await lab.makeModuleTree()
                try await lab.addModules([
                    LabModule(path: "example.com/Upper/m", version: "v1.0.0"),
                    LabModule(path: "example.com/Upper/m", version: "v1.1.0"),
                ], to: tree)
                let proxy = try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: certificate, rules: [
                    ProxyRule(prefix: "/forbidden/", status: 403, body: "no"),
                    ProxyRule(prefix: "/gone/", status: 410),
                    ProxyRule(prefix: "/moved/", status: 302, location: "https://\(address)/example.com/!upper/m/@v/list"),
                ])
                try await lab.startConnectProxy(on: chain.routers[0], port: 3128)

                func get(_ path: String, _ extra: [String] = []) async throws -> (status: String, body: String) {
                    let result = try await lab.run(in: chain.client, [
                        "curl", "-sS", "--max-time", "5", "--cacert", ca.certificatePath,
                        "-w", "\n%{http_code}", "https://\(address)\(path)",
                    ] + extra).check()
                    let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
                    return (String(lines.last ?? ""), lines.dropLast().joined(separator: "\n"))
                }
                let list = try await get("/example.com/!upper/m/@v/list")
                #expect(list.status == "200")
                #expect(Set(list.body.split(separator: "\n")) == ["v1.0.0", "v1.1.0"])
                #expect(try await get("/example.com/!upper/m/@v/v1.1.0.info").body.contains("\"Version\":\"v1.1.0\""))
                #expect(try await get("/example.com/@v/v1.0.0.info").status == "404")
                #expect(try await get("/forbidden/x").status == "403")
                #expect(try await get("/gone/x").status == "410")
                #expect(try await get("/moved/x").status == "302")
                #expect(try await get("/moved/x", ["-L"]).status == "200")
                #expect(try await get("/example.com/!upper/m/@v/list", ["-x", "http://\(chain.links[0].b.ipv4):3128"]).status == "200")

                try await lab.setRules([ProxyRule(prefix: "/example.com/", status: 500)], for: proxy)
                #expect(try await get("/example.com/!upper/m/@v/list").status == "500")
            }
        }
    }
}
