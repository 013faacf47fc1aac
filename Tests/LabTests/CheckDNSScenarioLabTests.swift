import Foundation
import LabKit
import Testing

extension LabSuite {
    /// `gomod-doctor check --json` when the system resolver is the fault, end to end: the lab
    /// HTTPS GOPROXY proxy.lab.example (lab CA trusted), a lab checksum database by address and
    /// a project requiring two modules; client — r1 — server, the system dnsmasq on the server
    /// (10.77.2.2, the proxy's address too) and two "public" dnsmasq on the router's addresses
    /// (10.77.1.2, 10.77.2.1), passed with `--resolver` (the default public resolvers are never used).
    @Suite
    struct CheckDNSScenarioLabTests {
        static let proxyHost = "proxy.lab.example"
        static let modules = ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"]

        /// The part of the check document these scenarios assert.
        struct CheckDocument: Decodable {
            struct Finding: Decodable {
                struct Fix: Decodable { var commands: [String] }
                var id: String
                var layer: String
                var severity: String
                var evidence: [String]?
                var fix: Fix?
            }
            struct RootCause: Decodable {
                var finding: Finding
                var endpoint: String?
                var blockedModules: [String]
            }
            struct Endpoint: Decodable {
                struct Part: Decodable {
                    struct Target: Decodable { var host: String }
                    var target: Target
                }
                struct Verdict: Decodable {
                    struct Resolver: Decodable {
                        var server: String
                        var role: String
                        var rcode: String?
                        var addresses: [String]
                    }
                    var rootLayer: String?
                    var resolvers: [Resolver]?
                }
                var endpoint: Part
                var verdict: Verdict
            }
            var status: String
            var exitCode: Int
            var rootCauses: [RootCause]
            var endpoints: [Endpoint]

            /// The comparison recorded for the proxy's endpoint.
            var proxyResolvers: [Endpoint.Verdict.Resolver] {
                endpoints.first { $0.endpoint.target.host == CheckDNSScenarioLabTests.proxyHost }?.verdict.resolvers ?? []
            }
        }

        /// What the system resolver (resolv.conf's only nameserver, 10.77.2.2) does.
        enum SystemDNS {
            /// dnsmasq answers NXDOMAIN for the proxy name.
            case nxdomain
            /// dnsmasq answers the router's 10.77.2.1, where nothing listens on 443.
            case poisoned
            /// A server that reads every query and never answers.
            case silent
        }

        /// The public resolvers' addresses: the router's two interfaces.
        static let publicResolvers = ["10.77.1.2", "10.77.2.1"]

        /// Builds the lab with `system` as the system resolver, runs `check`, returns its result and document.
        func check(_ system: SystemDNS) async throws -> (CommandResult, CheckDocument) {
            try await Lab.with { lab in
                let chain = try await lab.chain(routers: 1)
                let ip = chain.serverInterface.ipv4
                let router = chain.routers[0]
                let publics = [chain.links[0].b.ipv4, chain.links[1].a.ipv4]
                #expect(publics == Self.publicResolvers && ip == "10.77.2.2")
                let tree = try await lab.makeModuleTree()
                try await lab.addModules([LabModule(path: "github.com/lab/a", version: "v1.0.0"),
                                          LabModule(path: "github.com/lab/b", version: "v1.0.0")], to: tree)
                let ca = try await lab.makeCertificateAuthority(name: "check dns lab CA")
                let certificate = try await lab.issueCertificate(from: ca, commonName: Self.proxyHost, dnsNames: [Self.proxyHost])
                try await lab.startGoProxy(on: chain.server, tree: tree, port: 443, certificate: certificate)
                let sumdb = try await lab.startSumDB(on: chain.server, tree: tree, address: ip)
                for address in publics {
                    try await lab.startDNSServer(on: router, address: address, config: DNSServerConfig(records: [.a(Self.proxyHost, ip)]))
                }
                switch system {
                case .nxdomain:
                    try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(nxdomainZones: [Self.proxyHost]))
                case .poisoned:
                    try await lab.startDNSServer(on: chain.server, address: ip, config: DNSServerConfig(records: [.a(Self.proxyHost, publics[1])]))
                case .silent:
                    try await lab.startBrokenDNSServer(on: chain.server, mode: .drop, address: ip)
                }
                try await lab.setResolver(on: chain.client, nameservers: [ip])

                let work = await lab.scratchPath("check-dns-project")
                try FileManager.default.createDirectory(atPath: work + "/wd", withIntermediateDirectories: true)
                try "module lab.example/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n"
                    .write(toFile: work + "/wd/go.mod", atomically: true, encoding: .utf8)
                let environment = [
                    "GOPATH": work + "/gopath", "GOMODCACHE": work + "/gopath/pkg/mod", "GOCACHE": work + "/cache",
                    "GOFLAGS": "-modcacherw", "GOENV": "off", "GOTOOLCHAIN": "local",
                    "GOPROXY": "https://\(Self.proxyHost)", "SSL_CERT_FILE": ca.certificatePath, "GOSUMDB": sumdb.gosumdb(),
                ]
                let argv = [try DoctorRun.binary, "check", work + "/wd", "--json", "--timeout", "6",
                            "--resolver", publics[0], "--resolver", publics[1]]
                let result = try await lab.run(in: chain.client, argv, environment: environment, timeout: .seconds(40))
                let document = try JSONDecoder().decode(CheckDocument.self, from: Data(result.stdout.utf8))
                return (result, document)
            }
        }

        /// The top root cause, after the assertions every scenario shares: exit 2, status
        /// failures, a DNS cause on the proxy's endpoint blocking both modules.
        func topDNSCause(_ result: CommandResult, _ document: CheckDocument) throws -> CheckDocument.Finding {
            #expect(result.termination == .exited(2), "\(result.stdout.prefix(4000))")
            #expect(document.exitCode == 2 && document.status == "failures")
            let top = try #require(document.rootCauses.first, "\(result.stdout.prefix(4000))")
            #expect(top.finding.layer == "dns", "\(top.finding.id)")
            #expect(top.finding.severity == "failure")
            #expect(top.endpoint == "https://\(Self.proxyHost):443")
            #expect(top.blockedModules == Self.modules)
            // The fetch failures are explained by the DNS cause: no other root cause blocks a module.
            #expect(document.rootCauses.dropFirst().allSatisfy { $0.blockedModules.isEmpty }, "\(document.rootCauses.map(\.finding.id))")
            return top.finding
        }

        @Test(LabGate.trait)
        func systemResolverNXDOMAINWhilePublicResolversAnswer() async throws {
            let (result, document) = try await check(.nxdomain)
            let finding = try topDNSCause(result, document)
            #expect(finding.id == "endpoint.dns.system-nxdomain")
            #expect(finding.fix?.commands == ["gomod-doctor dig \(Self.proxyHost) @10.77.1.2",
                                              "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
            #expect(finding.evidence?.contains("10.77.2.2 (system): NXDOMAIN") == true, "\(finding.evidence ?? [])")
            #expect(finding.evidence?.contains("10.77.1.2 (public): 10.77.2.2") == true, "\(finding.evidence ?? [])")
            let resolvers = document.proxyResolvers
            #expect(resolvers.map(\.server) == ["10.77.2.2"] + Self.publicResolvers)
            #expect(resolvers.first?.role == "system" && resolvers.first?.rcode == "NXDOMAIN")
            #expect(resolvers.dropFirst().allSatisfy { $0.role == "public" && $0.addresses == ["10.77.2.2"] })
        }

        @Test(LabGate.trait)
        func systemResolverPoisonedWhileTwoPublicResolversAgree() async throws {
            let (result, document) = try await check(.poisoned)
            let finding = try topDNSCause(result, document)
            #expect(finding.id == "endpoint.dns.poisoned")
            #expect(finding.fix?.commands == ["gomod-doctor dig \(Self.proxyHost) @10.77.1.2",
                                              "echo '10.77.2.2 \(Self.proxyHost)' | sudo tee -a /etc/hosts",
                                              "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
            #expect(finding.evidence?.contains("10.77.2.2 (system): 10.77.2.1") == true, "\(finding.evidence ?? [])")
            // TCP to the poisoned address is refused: a symptom, not a second cause.
            #expect(!document.rootCauses.contains { $0.finding.layer == "tcp" })
        }

        @Test(LabGate.trait)
        func systemNameserverNeverAnswers() async throws {
            let (result, document) = try await check(.silent)
            let finding = try topDNSCause(result, document)
            #expect(finding.id == "endpoint.dns.server-unreachable")
            #expect(finding.fix?.commands == ["gomod-doctor dig \(Self.proxyHost) @10.77.2.2",
                                              "gomod-doctor dig \(Self.proxyHost) @10.77.1.2",
                                              "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
            #expect(finding.evidence?.contains("10.77.2.2 (system): timeout") == true, "\(finding.evidence ?? [])")
        }
    }
}

/// `check --resolver` values, where no network is needed: a bad one is a usage error (exit 3,
/// nothing on stdout); a good comma list is accepted (GOPROXY=off: exit 2, no endpoint asked).
struct CheckResolverOptionTests {
    @Test(arguments: [["--resolver", "bogus"], ["--resolver", "10.0.0.1,"], ["--resolver", "none,10.0.0.1"],
                      ["--resolver", "proxy.example"], ["--resolver", "10.0.0.1:70000"]])
    func badResolverIsAUsageError(_ arguments: [String]) throws {
        let command = CheckLabCommandTests()
        let directory = try command.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try EnvCommandEndToEndTests().run(["check", "--json"] + arguments, environment: command.environment(directory), in: directory)
        #expect(result.status == 3, "\(arguments)")
        #expect(result.stdout.isEmpty)
    }

    @Test(arguments: [["--resolver", "127.0.0.1:5353,::1"], ["--resolver", "none"], ["--resolver", "127.0.0.1", "--resolver", "[::1]:5353"]])
    func goodResolverListsAreAccepted(_ arguments: [String]) throws {
        let command = CheckLabCommandTests()
        let directory = try command.project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try EnvCommandEndToEndTests().run(["check", "--json", "--timeout", "3"] + arguments,
                                                       environment: command.environment(directory), in: directory)
        #expect(result.status == 2, "\(arguments): \(result.stdout.prefix(2000))")
    }
}
