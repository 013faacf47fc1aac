import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The system resolver fails for the GOPROXY's name, end to end (CheckScenarioSetup's lab,
    /// with resolv.conf pointing at a dnsmasq on the router, 10.77.1.2): a SERVFAIL (dnsmasq
    /// forwards the zone to lab/dns/responder.py, which answers RCODE 2) is
    /// `endpoint.dns.servfail`, not a timeout; an NXDOMAIN stays a not-found. Both the
    /// endpoint verdict and the module texts are checked against the real go command
    /// (Debian's Go 1.19, pure-Go resolver), which fails in the same lab.
    @Suite
    struct CheckServfailLabTests {
        typealias Setup = CheckScenarioSetup

        /// The module part of the check document: each module's failure, as the go command words it.
        struct FetchDocument: Decodable {
            struct Fetch: Decodable {
                struct Module: Decodable {
                    struct Failure: Decodable {
                        var layer: String
                        var `class`: String
                        var message: String
                    }
                    var path: String
                    var failure: Failure?
                }
                var modules: [Module]
            }
            var fetch: Fetch
        }

        /// The router's client-side address: the lab resolver of these scenarios.
        static let resolver = "10.77.1.2"

        /// Builds the scenario lab, then moves the client's resolv.conf to a dnsmasq on the
        /// router configured by `config`; returns the setup, check's result and both documents.
        func check(_ lab: Lab, _ config: DNSServerConfig) async throws -> (Setup, CommandResult, Setup.Document, FetchDocument) {
            let setup = try await Setup.start(lab)
            let address = setup.chain.links[0].b.ipv4
            #expect(address == Self.resolver)
            try await lab.startDNSServer(on: setup.router, address: address, config: config)
            try await lab.setResolver(on: setup.chain.client, nameservers: [address])
            let (result, document) = try await setup.check()
            let fetch = try JSONDecoder().decode(FetchDocument.self, from: Data(result.stdout.utf8))
            return (setup, result, document, fetch)
        }

        /// Every module failed at DNS with `text` (the go command's) in its message, in its
        /// fetch record and in any `check.fetch-failed` finding.
        func expectModuleTexts(_ document: Setup.Document, _ fetch: FetchDocument, text: String, failureClass: String, layer: String = "dns") {
            let failed = fetch.fetch.modules.filter { $0.failure != nil }
            #expect(failed.count == 2, "\(fetch.fetch.modules.map(\.path))")
            for module in failed {
                let failure = module.failure
                #expect(failure?.class == failureClass && failure?.layer == layer, "\(module.path): \(String(describing: failure))")
                // `m@v: Get "<proxy>/m/@v/v….info": dial tcp: lookup …`, as `go mod download` prints it.
                #expect(failure?.message.hasPrefix("\(module.path)@v1.0.0: Get \"\(Setup.proxyURL)/\(module.path)/@v/") == true,
                        "\(module.path): \(failure?.message ?? "")")
                #expect(failure?.message.hasSuffix("\": dial tcp: \(text)") == true, "\(module.path): \(failure?.message ?? "")")
            }
            for finding in document.findings where finding.id == "check.fetch-failed" {
                #expect(finding.arguments["message"]?.contains(text) == true, "\(finding.target): \(finding.arguments)")
            }
        }

        @Test(LabGate.trait)
        func proxyNameGetsSERVFAIL() async throws {
            try await Lab.with { lab in
                let (setup, result, document, fetch) = try await check(lab, DNSServerConfig(servfailZones: [Setup.proxyName]))
                #expect(result.termination == .exited(2) && document.exitCode == 2 && document.status == "failures", "\(document.summary)")
                let top = try Setup.top(result, document)
                #expect(top.finding.id == "endpoint.dns.servfail" && top.finding.layer == "dns", "\(document.summary)")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                #expect(top.finding.arguments["server"] == Self.resolver)
                let goText = "lookup \(Setup.proxyName) on \(Self.resolver):53: server misbehaving"
                #expect(top.finding.arguments["goError"] == goText)
                #expect(top.finding.evidence.contains("go: \(goText)"), "\(top.finding.evidence)")
                #expect(top.finding.evidence.contains("\(Self.resolver) (system): SERVFAIL, servfail"), "\(top.finding.evidence)")
                let commands = top.finding.fix?.commands ?? []
                #expect(commands.contains("dig @\(Self.resolver) \(Setup.proxyName) +cd") && commands.contains("dig +trace \(Setup.proxyName)"),
                        "\(commands)")
                #expect(!document.findings.contains { $0.id == "endpoint.dns.timeout" }, "\(document.summary)")
                Setup.expectNoInsecureFix(document)
                expectModuleTexts(document, fetch, text: goText, failureClass: "servfail")
                // The go command, in the same lab, prints the same words.
                try await setup.expectGoModDownload(failsWith: "dial tcp: \(goText)")
            }
        }

        @Test(LabGate.trait)
        func proxyNameGetsNXDOMAIN() async throws {
            try await Lab.with { lab in
                let (setup, result, document, fetch) = try await check(lab, DNSServerConfig(nxdomainZones: [Setup.proxyName]))
                #expect(result.termination == .exited(2) && document.status == "failures", "\(document.summary)")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "dns" && top.finding.id != "endpoint.dns.servfail", "\(document.summary)")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                let goText = "lookup \(Setup.proxyName) on \(Self.resolver):53: no such host"
                expectModuleTexts(document, fetch, text: goText, failureClass: "nxdomain")
                try await setup.expectGoModDownload(failsWith: "dial tcp: \(goText)")
            }
        }

        @Test(LabGate.trait)
        func proxyNameResolverSilent() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                try await lab.startBrokenDNSServer(on: setup.router, mode: .drop, address: Self.resolver)
                try await lab.setResolver(on: setup.chain.client, nameservers: [Self.resolver])
                let (result, document) = try await setup.check()
                let fetch = try JSONDecoder().decode(FetchDocument.self, from: Data(result.stdout.utf8))
                let top = try Setup.top(result, document)
                #expect(top.finding.id == "endpoint.dns.server-unreachable", "\(document.summary)")
                // getaddrinfo spends the whole budget on the silent server; the Go-ordered lookup,
                // started beside it after a second, still names the server and the timeout.
                let lookup = "lookup \(Setup.proxyName) on \(Self.resolver):53: read udp "
                // A lookup that timed out is a DNS failure: the module lines agree with the endpoint's layer.
                expectModuleTexts(document, fetch, text: lookup + "\(Self.resolver):53: i/o timeout", failureClass: "dns-timeout", layer: "dns")
                // Go names its own socket too: `read udp 10.77.1.1:<port>->10.77.1.2:53: i/o timeout`.
                let go = try await lab.run(in: setup.chain.client, ["go", "mod", "download"], environment: setup.environment,
                                           workingDirectory: setup.work + "/wd", timeout: .seconds(40))
                #expect(!go.succeeded && go.stderr.contains("dial tcp: " + lookup + "10.77.1.1:")
                        && go.stderr.contains("->\(Self.resolver):53: i/o timeout"), "\(go.stderr.prefix(2000))")
            }
        }
    }
}
