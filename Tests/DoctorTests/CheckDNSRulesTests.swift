import Testing
import GoModConfig
import ModuleFetch
import NetProbes
@testable import Doctor
@testable import Report

/// The DNS layer judged with the resolver comparison, from hand-built facts: only the system
/// resolver (what the go command asks) can be a root cause; public resolvers are witnesses.
struct CheckDNSRulesTests {
    typealias Resolver = EndpointFacts.Resolver
    static let target = EndpointTarget(host: "proxy.lab.example")
    static let right = ResolvedAddress(ip: "10.77.2.2", family: .ipv4)
    static let wrong = ResolvedAddress(ip: "10.77.2.1", family: .ipv4)

    static func system(_ rcode: String?, _ addresses: [String] = [], failure: String? = nil) -> Resolver {
        Resolver(server: "10.77.2.2", role: "system", rcode: rcode, addresses: addresses, failure: failure)
    }

    static func publicResolver(_ server: String, _ rcode: String?, _ addresses: [String] = [], failure: String? = nil) -> Resolver {
        Resolver(server: server, role: "public", rcode: rcode, addresses: addresses, failure: failure)
    }

    static let witnesses = [publicResolver("10.77.1.2", "NOERROR", ["10.77.2.2"]), publicResolver("10.77.2.1", "NOERROR", ["10.77.2.2"])]
    static let tcpRefused = EndpointFacts.TCP(
        outcome: .failed(FailureClass("refused", "dial tcp 10.77.2.1:443: connect: connection refused")),
        attempts: [EndpointFacts.Connect(endpoint: "10.77.2.1:443", family: .ipv4, result: .refused, milliseconds: 0.3)],
        dualStack: .allFailed)
    static let tcpOK = EndpointFacts.TCP(outcome: .ok, attempts: [EndpointFacts.Connect(endpoint: "10.77.2.2:443", family: .ipv4, result: .ok, milliseconds: 0.4)],
                                         dualStack: .allReachable)
    static let tlsOK = EndpointFacts.TLS(outcome: .ok, handshakeCompleted: true)
    static let http200 = EndpointFacts.HTTP(outcome: .ok, status: 200, statusLine: "200 OK")

    static func failedDNS(_ errorClass: String) -> EndpointFacts.DNS {
        EndpointFacts.DNS(outcome: .failed(FailureClass(errorClass, "getaddrinfo proxy.lab.example: \(errorClass)")), errorClass: errorClass)
    }

    func layer(_ verdict: EndpointVerdict, _ layer: Layer) -> EndpointLayerCheck.Status? {
        verdict.layers.first { $0.layer == layer }?.status
    }

    @Test func systemNXDOMAINWhilePublicResolversAnswer() throws {
        let resolvers = [Self.system("NXDOMAIN"), Self.publicResolver("10.77.9.9", nil, failure: "timeout")] + Self.witnesses
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("nxdomain"), resolvers: resolvers))
        #expect(verdict.rootLayer == .dns)
        let root = try #require(verdict.findings.first)
        #expect(root.id == "endpoint.dns.system-nxdomain" && root.severity == .failure && root.layer == .dns)
        // The first public resolver that answered, not the silent one.
        #expect(root.fix?.commands == ["gomod-doctor dig proxy.lab.example @10.77.1.2", "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
        #expect(root.evidence.contains("10.77.2.2 (system): NXDOMAIN"))
        #expect(root.evidence.contains("10.77.1.2 (public): 10.77.2.2"))
        #expect(root.evidence.contains("10.77.9.9 (public): timeout"))
        #expect(verdict.resolvers == resolvers)
    }

    @Test func systemNoDataWithAWitnessOffPort53PinsTheAddress() throws {
        let resolvers = [Self.system("NOERROR"), Self.publicResolver("10.77.1.2#5353", "NOERROR", ["10.77.2.2"])]
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("no-data"), resolvers: resolvers))
        let root = try #require(verdict.findings.first)
        #expect(root.id == "endpoint.dns.system-nxdomain" && root.arguments["rcode"] == "NODATA")
        #expect(root.fix?.commands == ["gomod-doctor dig proxy.lab.example @10.77.1.2 -p 5353",
                                       "echo '10.77.2.2 proxy.lab.example' | sudo tee -a /etc/hosts"])
    }

    @Test func nxdomainEverywhereIsTheNameNotTheResolver() throws {
        let resolvers = [Self.system("NXDOMAIN"), Self.publicResolver("10.77.1.2", "NXDOMAIN")]
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("nxdomain"), resolvers: resolvers))
        #expect(verdict.findings.first?.id == "endpoint.dns.nxdomain")
    }

    @Test func poisonedSystemAnswerIsTheRootAndTCPItsSymptom() throws {
        let facts = EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.wrong]), tcp: Self.tcpRefused,
                                  resolvers: [Self.system("NOERROR", ["10.77.2.1"])] + Self.witnesses)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == .dns)
        #expect(layer(verdict, .dns) == .failed && layer(verdict, .tcp) == .symptom)
        #expect(verdict.findings.filter { $0.severity == .failure }.map(\.id) == ["endpoint.dns.poisoned"])
        let root = try #require(verdict.findings.first)
        #expect(root.arguments["answer"] == "10.77.2.2" && root.arguments["systemAnswer"] == "10.77.2.1")
        #expect(root.fix?.commands == ["gomod-doctor dig proxy.lab.example @10.77.1.2",
                                       "echo '10.77.2.2 proxy.lab.example' | sudo tee -a /etc/hosts",
                                       "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
        #expect(root.evidence.contains("10.77.2.2 (system): 10.77.2.1"))
    }

    @Test func differentSystemAnswerThatWorksIsOnlyInformational() {
        let facts = EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.wrong]), tcp: Self.tcpOK,
                                  tls: Self.tlsOK, http: Self.http200, resolvers: [Self.system("NOERROR", ["10.77.2.1"])] + Self.witnesses)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == nil)
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy", "endpoint.dns.public-resolver-disagrees"])
        #expect(verdict.findings.last?.severity == .info)
    }

    @Test func oneDisagreeingWitnessIsNoProofOfPoisoning() {
        let resolvers = [Self.system("NOERROR", ["10.77.2.1"]), Self.publicResolver("10.77.1.2", "NOERROR", ["10.77.2.2"]),
                         Self.publicResolver("10.77.3.2", "NOERROR", ["10.77.2.7"])]
        let facts = EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.wrong]), tcp: Self.tcpRefused,
                                  resolvers: resolvers)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == .tcp)
        #expect(verdict.findings.first?.id == "endpoint.tcp.refused")
        #expect(verdict.findings.contains { $0.id == "endpoint.dns.public-resolver-disagrees" && $0.severity == .info })
    }

    @Test(arguments: [true, false])
    func publicResolverDisagreeingAloneIsNeverTheRootCause(tcpFails: Bool) {
        let resolvers = [Self.system("NOERROR", ["10.77.2.2"]), Self.publicResolver("10.77.1.2", "NXDOMAIN"),
                         Self.publicResolver("10.77.2.1", "NOERROR", ["10.77.2.2"])]
        let facts = EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.right]),
                                  tcp: tcpFails ? Self.tcpRefused : Self.tcpOK, tls: tcpFails ? nil : Self.tlsOK,
                                  http: tcpFails ? nil : Self.http200, resolvers: resolvers)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == (tcpFails ? .tcp : nil))
        #expect(layer(verdict, .dns) == .ok)
        let note = verdict.findings.first { $0.id == "endpoint.dns.public-resolver-disagrees" }
        #expect(note?.severity == .info && note?.arguments["resolvers"] == "10.77.1.2")
        #expect(!verdict.findings.contains { $0.layer == .dns && $0.severity != .info })
    }

    @Test func everySystemNameserverSilentIsServerUnreachable() throws {
        let resolvers = [Self.system(nil, failure: "timeout")] + Self.witnesses
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("temporary"), resolvers: resolvers))
        let root = try #require(verdict.findings.first)
        #expect(verdict.rootLayer == .dns && root.id == "endpoint.dns.server-unreachable")
        #expect(root.arguments["system"] == "10.77.2.2" && root.arguments["failure"] == "timeout")
        #expect(root.fix?.commands == ["gomod-doctor dig proxy.lab.example @10.77.2.2", "gomod-doctor dig proxy.lab.example @10.77.1.2",
                                       "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
        #expect(root.evidence.contains("10.77.2.2 (system): timeout"))
    }

    @Test func oneAnsweringSystemNameserverIsNotServerUnreachable() {
        let resolvers = [Self.system(nil, failure: "timeout"), Resolver(server: "10.77.5.2", role: "system", rcode: "SERVFAIL", failure: "servfail")]
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("temporary"), resolvers: resolvers))
        // The go command's resolver ends on the second server's SERVFAIL ("server misbehaving").
        #expect(verdict.findings.first?.id == "endpoint.dns.servfail")
    }

    @Test func withoutAComparisonTheResolverClassDecides() {
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.failedDNS("nxdomain")))
        #expect(verdict.findings.first?.id == "endpoint.dns.nxdomain")
        #expect(verdict.resolvers == nil)
    }

    @Test func answersAreDistilledPerResolver() {
        let answers = [
            ResolverAnswer(resolver: "10.77.2.2#53", role: "system", type: "A", outcome: .ok, rcode: "NOERROR", addresses: ["10.77.2.2"]),
            ResolverAnswer(resolver: "10.77.2.2#53", role: "system", type: "AAAA", outcome: .ok, rcode: "NOERROR", addresses: ["fd77:0:0:2::2"]),
            ResolverAnswer(resolver: "10.77.1.2#5353", role: "public", type: "A", outcome: .failed(FailureClass("nxdomain", "x")), rcode: "NXDOMAIN", addresses: []),
            ResolverAnswer(resolver: "10.77.1.2#5353", role: "public", type: "AAAA", outcome: .failed(FailureClass("nxdomain", "x")), rcode: "NXDOMAIN", addresses: []),
            ResolverAnswer(resolver: "8.8.8.8#53", role: "public", type: "A", outcome: .failed(FailureClass("timeout", "x")), rcode: nil, addresses: []),
        ]
        let resolvers = Resolver.distil(answers)
        #expect(resolvers == [Self.system("NOERROR", ["10.77.2.2", "fd77:0:0:2::2"]), Self.publicResolver("10.77.1.2#5353", "NXDOMAIN"),
                              Self.publicResolver("8.8.8.8", nil, failure: "timeout")])
        #expect(resolvers.map(\.evidenceLine) == ["10.77.2.2 (system): 10.77.2.2 fd77:0:0:2::2", "10.77.1.2#5353 (public): NXDOMAIN",
                                                  "8.8.8.8 (public): timeout"])
    }

    @Test func oneComparisonPerHostNameAndNoneForLiterals() {
        let targets = [EndpointTarget(host: "Proxy.Lab.Example"), EndpointTarget(host: "proxy.lab.example", port: 8443),
                       EndpointTarget(host: "10.77.2.2", scheme: .http), EndpointTarget(host: "fd77::2"), EndpointTarget(host: "sum.lab.example")]
        #expect(CheckResolverComparison.hosts(of: targets) == ["proxy.lab.example", "sum.lab.example"])
    }

    @Test func poisonedProxyIsTheTopRootCauseOfItsModules() throws {
        let facts = EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.wrong]), tcp: Self.tcpRefused,
                                  resolvers: [Self.system("NOERROR", ["10.77.2.1"])] + Self.witnesses)
        let modules = ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"]
        let endpoint = CheckDiagnosis.EndpointResult(endpoint: CheckEndpoint(target: Self.target, roles: [.proxy], modules: modules),
                                                     verdict: EndpointVerdict.judge(facts))
        let outcomes = modules.map { name in
            let parts = name.split(separator: "@").map(String.init)
            return ModuleFetchOutcome(path: parts[0], version: parts[1], status: .fails, failure: FetchFailure(
                layer: .tcp, failureClass: "refused",
                message: "Get \"https://proxy.lab.example/\(parts[0])/@v/list\": dial tcp 10.77.2.1:443: connect: connection refused"), failedAt: "info")
        }
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [endpoint], modules: outcomes)
        #expect(diagnosis.status == .failures)
        #expect(diagnosis.rootCauses.count == 1)
        let top = try #require(diagnosis.rootCauses.first)
        #expect(top.finding.id == "endpoint.dns.poisoned" && top.finding.layer == .dns)
        #expect(top.endpoint == "https://proxy.lab.example:443" && top.blockedModules == modules)
    }

    @Test func everyNewFindingHasBothLanguagesAndAFixText() {
        let facts = [
            EndpointFacts(target: Self.target, dns: Self.failedDNS("nxdomain"), resolvers: [Self.system("NXDOMAIN")] + Self.witnesses),
            EndpointFacts(target: Self.target, dns: Self.failedDNS("temporary"), resolvers: [Self.system(nil, failure: "timeout")]),
            EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.wrong]), tcp: Self.tcpRefused,
                          resolvers: [Self.system("NOERROR", ["10.77.2.1"])] + Self.witnesses),
            EndpointFacts(target: Self.target, dns: EndpointFacts.DNS(outcome: .ok, addresses: [Self.right]), tcp: Self.tcpOK,
                          resolvers: [Self.system("NOERROR", ["10.77.2.2"]), Self.publicResolver("10.77.1.2", "NXDOMAIN")]),
        ]
        let findings = facts.flatMap { EndpointVerdict.judge($0).findings }.filter { $0.id.hasPrefix("endpoint.dns.") }
        #expect(Set(findings.map(\.id)) == ["endpoint.dns.system-nxdomain", "endpoint.dns.server-unreachable", "endpoint.dns.poisoned",
                                            "endpoint.dns.public-resolver-disagrees"])
        for finding in findings {
            let en = MessageCatalog(language: .en).text(finding.messageKey, finding.arguments)
            let zh = MessageCatalog(language: .zh).text(finding.messageKey, finding.arguments)
            #expect(en != finding.messageKey && zh != finding.messageKey && en != zh, "\(finding.id)")
            #expect(!en.contains("{") && !zh.contains("{"), "unfilled placeholder in \(finding.id): \(en) / \(zh)")
            if let key = finding.fix?.explanationKey {
                #expect(MessageCatalog.has(key), "no fix text \(key)")
                #expect(!MessageCatalog(language: .zh).text(key).contains("{"))
            }
        }
    }
}
