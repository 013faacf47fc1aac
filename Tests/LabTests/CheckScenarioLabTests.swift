import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 5's acceptance scenarios (all but the DNS ones), end to end: one fault each in a
    /// fresh lab (CheckScenarioSetup), `check --json` asserted — exit code, status, the top
    /// root cause's id, layer, endpoint and blocked modules, and that its fix is the right one
    /// by the go command's rules (never an insecure one).
    @Suite
    struct CheckScenarioLabTests {
        typealias Setup = CheckScenarioSetup

        @Test(LabGate.trait)
        func healthy() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                let (result, document) = try await setup.check()
                let notInfo = document.findings.filter { $0.severity != "info" }.map { "\($0.id) \($0.severity) \($0.target)" }
                #expect(result.termination == .exited(0), "\(notInfo)")
                #expect(document.schemaVersion == 1 && document.status == "healthy" && document.exitCode == 0, "\(notInfo)")
                #expect(!document.findings.contains { $0.severity == "failure" })
                #expect(document.rootCauses.isEmpty)
                try await setup.expectGoModDownload(failsWith: nil)
            }
        }

        @Test(LabGate.trait)
        func proxyPortDropped() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, names: [Setup.mirrorName])
                try await setup.startVerifiedMirror()
                try await lab.addFirewallRule(host: setup.chain.server, PacketMatch(chain: "INPUT", destinationPort: Setup.proxyPort), .drop)
                let shell = try setup.shell(.exported)
                let (result, document) = try await setup.check(in: shell)
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tcp" && top.finding.id == "endpoint.tcp.dropped-after-hop", "\(top.finding.id)")
                // The server drops; r1 (hop 1) is the last router that answered.
                #expect(top.finding.arguments["hop"] == "1", "\(top.finding.arguments)")
                // Judged from evidence (SilentConnectRule), not by waiting out the bound: four SYNs
                // unanswered, against the ICMP round trip the ping measured.
                #expect(top.finding.evidence.contains { $0.hasPrefix("no answer to 4 SYNs") && $0.contains("the ICMP round trip was") },
                        "\(top.finding.evidence)")
                #expect(top.endpoint == Setup.proxyEndpoint)
                #expect(top.blockedModules == Setup.publicModules && top.totalModules == 2)
                // The mirror this run verified, set where GOPROXY takes effect (exported: export first).
                let changes = try Setup.changes(of: top, document)
                #expect(changes == ["export GOPROXY=https://proxy.golang.org", "go env -w GOPROXY=https://proxy.golang.org"], "\(changes)")
                #expect(top.finding.fix?.commands.contains { $0.hasPrefix("gomod-doctor trace ") } == true)
                Setup.expectNoInsecureFix(document)
                try await setup.expectFixWorks(changes, in: shell, document)
            }
        }

        @Test(LabGate.trait)
        func resetOnThePath() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                try await lab.addFirewallRule(host: setup.router, PacketMatch(destinationPort: Setup.proxyPort), .rejectWithTCPReset)
                let (result, document) = try await setup.check()
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tcp" && top.finding.id == "endpoint.tcp.reset-by-middlebox", "\(top.finding.id)")
                #expect(top.finding.arguments["hops"] == "1")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                // No other proxy answered in this lab: no proxy is named, the report says no change was found.
                #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.no-verified-proxy", "\(document.summary)")
                #expect(!(top.finding.fix?.commands ?? []).contains { $0.contains("GOPROXY") }, "\(document.summary)")
                Setup.expectNoInsecureFix(document)
                try await setup.expectGoModDownload(failsWith: "connect: connection refused")
            }
        }

        @Test(LabGate.trait)
        func proxyCertificateExpired() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, names: [Setup.mirrorName]) { lab, ca in
                    try await lab.issueCertificate(from: ca, commonName: Setup.proxyName, dnsNames: [Setup.proxyName], validity: .expired)
                }
                try await setup.startVerifiedMirror()
                let shell = try setup.shell(.goenvFile)
                let (result, document) = try await setup.check(in: shell)
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tls" && top.finding.id == "endpoint.tls.certificate-expired", "\(top.finding.id)")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                // The dates: when it expired, and this machine's clock.
                #expect(top.finding.arguments["notAfter"]?.hasPrefix("20") == true, "\(top.finding.arguments)")
                #expect(top.finding.evidence.contains { $0.contains("is after") }, "\(top.finding.evidence)")
                let commands = top.finding.fix?.commands ?? []
                // GOPROXY lives in the GOENV file here: `go env -w` is what changes it.
                #expect(top.finding.fix?.changes == ["go env -w GOPROXY=https://proxy.golang.org"], "\(commands)")
                #expect(commands.contains { $0.contains("openssl x509 -noout -dates") })
                #expect(top.finding.fix?.explanationKey == "fix.check.proxy-certificate-expired")
                Setup.expectNoInsecureFix(document)
                let go = try await setup.goModDownload(in: shell)
                #expect(!go.succeeded && go.stderr.contains("x509: certificate has expired or is not yet valid"), "\(go.stderr.prefix(2000))")
                try await setup.expectFixWorks(top.finding.fix?.changes ?? [], in: shell, document)
            }
        }

        @Test(LabGate.trait)
        func interceptionCA() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab) { lab, _ in
                    let inspector = try await lab.makeCertificateAuthority(name: "Corp Inspection CA")
                    return try await lab.issueCertificate(from: inspector, commonName: Setup.proxyName, dnsNames: [Setup.proxyName])
                }
                let (result, document) = try await setup.check()
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tls" && top.finding.id == "endpoint.tls.interception", "\(top.finding.id)")
                #expect(top.finding.arguments["issuer"]?.contains("Corp Inspection CA") == true, "\(top.finding.arguments)")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                let commands = top.finding.fix?.commands ?? []
                #expect(commands.contains("sudo cp corporate-ca.crt /usr/local/share/ca-certificates/"), "\(commands)")
                #expect(commands.contains("sudo update-ca-certificates"))
                #expect(commands.contains { $0.hasPrefix("export SSL_CERT_FILE=") })
                #expect(!commands.contains { $0.contains("GOPROXY") }, "another proxy is intercepted the same way")
                Setup.expectNoInsecureFix(document)
                try await setup.expectGoModDownload(failsWith: "x509: certificate signed by unknown authority")
            }
        }

        @Test(LabGate.trait)
        func proxyRefusesThisClient() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, names: [Setup.mirrorName], rules: [ProxyRule(prefix: "/", status: 403, body: "forbidden\n")])
                try await setup.startVerifiedMirror()
                let shell = try setup.shell(.exported)
                let (result, document) = try await setup.check(in: shell)
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "http" && top.finding.id == "endpoint.http.refused-client", "\(top.finding.id)")
                #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules)
                let commands = top.finding.fix?.commands ?? []
                // A comma stops at 403 (modfetch/proxy.go): the fallback to the verified mirror needs a pipe.
                let pipe = "GOPROXY='https://proxy.lab.example:8443|https://proxy.golang.org'"
                #expect(top.finding.fix?.changes == ["export " + pipe, "go env -w " + pipe], "\(commands)")
                #expect(commands.contains("echo 'machine proxy.lab.example login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc"))
                Setup.expectNoInsecureFix(document)
                let go = try await setup.goModDownload(in: shell)
                #expect(!go.succeeded && go.stderr.contains("403 Forbidden"), "\(go.stderr.prefix(2000))")
                try await setup.expectFixWorks(top.finding.fix?.changes ?? [], in: shell, document)
            }
        }

        @Test(LabGate.trait)
        func proxyNotFoundThenDirectHostBlocked() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, names: ["src.labnet.dev"], extraRequirements: ["src.labnet.dev/team/tool v1.0.0"])
                try await lab.addFirewallRule(host: setup.chain.server, PacketMatch(chain: "INPUT", destinationPort: 443), .drop)
                let (result, document) = try await setup.check(["GOPROXY": Setup.proxyURL + ",direct"])
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tcp" && top.finding.id == "endpoint.tcp.dropped-after-hop", "\(top.finding.id)")
                #expect(top.endpoint == "https://src.labnet.dev:443")
                #expect(top.blockedModules == ["src.labnet.dev/team/tool@v1.0.0"] && top.totalModules == 3)
                let commands = top.finding.fix?.commands ?? []
                // No proxy in this lab has the module: nothing verified, so no GOPROXY is named.
                #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.direct-blocked-no-proxy", "\(commands)")
                #expect(commands.contains { $0.hasPrefix("gomod-doctor trace ") && $0.contains("--port 443") })
                Setup.expectNoInsecureFix(document)
            }
        }

        @Test(LabGate.trait)
        func checksumDatabaseUnreachable() async throws {
            try await Lab.with { lab in
                // sum.golang.org (its real key) at the lab server, whose port 443 drops everything;
                // the proxy has no /sumdb/ (404), so the go command goes to the database itself.
                var setup = try await Setup.start(lab, names: ["sum.golang.org"])
                setup.environment["GOSUMDB"] = "sum.golang.org"
                try await lab.addFirewallRule(host: setup.chain.server, PacketMatch(chain: "INPUT", destinationPort: 443), .drop)
                let (result, document) = try await setup.check()
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tcp" && top.finding.id == "endpoint.tcp.dropped-after-hop", "\(top.finding.id)")
                #expect(top.endpoint == "https://sum.golang.org:443")
                #expect(top.blockedModules == Setup.publicModules)
                let commands = top.finding.fix?.commands ?? []
                // sum.golang.google.cn does not answer in the lab: its signed tree head is not
                // verified, so it is not named (never GOSUMDB=off either).
                #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.sumdb-no-verified-mirror", "\(commands)")
                #expect(!commands.contains { $0.contains("GOSUMDB=") }, "\(commands)")
                // The proxy itself works: no cause on it.
                #expect(!document.rootCauses.contains { $0.endpoint == Setup.proxyEndpoint && $0.finding.severity == "failure" })
                Setup.expectNoInsecureFix(document)
            }
        }

        @Test(LabGate.trait)
        func privateModuleNotInGOPRIVATE() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, extraRequirements: ["git.corp.lab.example/team/lib v1.0.0"])
                // A GOENV file `go env -w` can write (with GOENV=off the fix would have to be `export`).
                let (result, document) = try await setup.check(["GOENV": setup.work + "/goenv"])
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "config" && top.finding.id == "config.private-module.not-in-goprivate", "\(top.finding.id)")
                #expect(top.endpoint == nil)
                #expect(top.blockedModules == ["git.corp.lab.example/team/lib@v1.0.0"] && top.totalModules == 3)
                #expect(top.finding.fix?.commands.contains("go env -w GOPRIVATE=git.corp.lab.example") == true, "\(top.finding.fix?.commands ?? [])")
                Setup.expectNoInsecureFix(document)
                try await setup.expectGoModDownload(failsWith: "git.corp.lab.example/team/lib/@v/v1.0.0.mod: 404 Not Found")
            }
        }

        @Test(LabGate.trait)
        func httpsProxyDown() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab)
                let (result, document) = try await setup.check(["HTTPS_PROXY": "http://\(setup.ip):3129"])
                #expect(result.termination == .exited(2) && document.status == "failures")
                let top = try Setup.top(result, document)
                #expect(top.finding.layer == "tcp" && top.finding.id == "endpoint.tcp.refused", "\(top.finding.id)")
                #expect(top.endpoint == "http://\(setup.ip):3129")
                #expect(top.blockedModules == Setup.publicModules)
                let commands = top.finding.fix?.commands ?? []
                // The module proxy answers without HTTPS_PROXY (its own probe connected directly).
                #expect(top.finding.fix?.changes == ["unset HTTPS_PROXY https_proxy"], "\(commands)")
                #expect(commands.contains("export NO_PROXY=\"${NO_PROXY:+$NO_PROXY,}proxy.lab.example\""), "\(commands)")
                // The proxy's own failure behind it is a symptom, not a second cause.
                #expect(!document.rootCauses.contains { $0.endpoint == Setup.proxyEndpoint }, "\(document.rootCauses.map(\.endpoint))")
                #expect(top.symptoms.contains { $0.hasPrefix(Setup.proxyEndpoint + " ") }, "\(top.symptoms)")
                try await setup.expectGoModDownload(failsWith: "proxyconnect tcp: dial tcp \(setup.ip):3129: connect: connection refused", ["HTTPS_PROXY": "http://\(setup.ip):3129"])
                let shell = try setup.shell(.exported, ["HTTPS_PROXY": "http://\(setup.ip):3129"])
                try await setup.expectFixWorks(top.finding.fix?.changes ?? [], in: shell, document)

                // NO_PROXY exempting the proxy's host: HTTPS_PROXY no longer matters.
                let (exempt, exemptDocument) = try await setup.check(["HTTPS_PROXY": "http://\(setup.ip):3129", "NO_PROXY": ".lab.example"])
                #expect(exempt.termination == .exited(0), "\(exempt.stdout.prefix(4000))")
                #expect(exemptDocument.rootCauses.isEmpty)
            }
        }

        /// IPv6 resolves (AAAA) but the path rejects it (RST on the IPv6 path); IPv4 works.
        @Test(LabGate.trait)
        func ipv6BrokenIPv4Works() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, ipv6Names: [Setup.proxyName])
                try await lab.addFirewallRule(host: setup.router, PacketMatch(destinationPort: Setup.proxyPort, destination: setup.ip6), .rejectWithTCPReset)
                let (result, document) = try await setup.check()
                Self.expectIPv6Warning(result, document)
                try await setup.expectGoModDownload(failsWith: nil)
            }
        }

        /// The same with IPv6 black-holed (DROP): the go command's dialer falls back to IPv4
        /// after 300 ms (net.Dialer FallbackDelay) and `go mod download` succeeds; so do our
        /// TLS probe and fetches (HTTPDialer races the families the same way: DialRace), so the
        /// verdict is the IPv6 warning, not a failure.
        @Test(LabGate.trait)
        func ipv6BlackholedIPv4Works() async throws {
            try await Lab.with { lab in
                let setup = try await Setup.start(lab, ipv6Names: [Setup.proxyName])
                try await lab.addFirewallRule(host: setup.router, PacketMatch(destinationPort: Setup.proxyPort, destination: setup.ip6), .drop)
                let (result, document) = try await setup.check()
                // The TCP layer sees it as it is, whatever the layers above make of it.
                #expect(document.findings.contains { $0.id == "endpoint.ipv6-broken" && $0.severity == "warning" }, "\(document.summary)")
                // The go command itself works: it falls back to IPv4.
                try await setup.expectGoModDownload(failsWith: nil)
                Self.expectIPv6Warning(result, document)
            }
        }

        static func expectIPv6Warning(_ result: CommandResult, _ document: Setup.Document) {
            #expect(throws: Never.self) { try requireIPv6Warning(result, document) }
        }

        /// Exit 1, status warnings, the top root cause the IPv6 warning on the proxy, blocking nothing.
        static func requireIPv6Warning(_ result: CommandResult, _ document: Setup.Document) throws {
            try #require(result.termination == .exited(1) && document.status == "warnings", "\(document.summary)")
            let top = try Setup.top(result, document)
            try #require(top.finding.layer == "tcp" && top.finding.id == "endpoint.ipv6-broken" && top.finding.severity == "warning", "\(document.summary)")
            try #require(top.endpoint == Setup.proxyEndpoint && top.blockedModules.isEmpty)
            try #require(top.finding.fix?.commands.contains { $0.contains("/etc/gai.conf") } == true, "\(top.finding.fix?.commands ?? [])")
        }
    }
}
