import Testing
import NetProbes
@testable import Doctor
@testable import Report

/// `endpoint.dns.servfail` from hand-built facts: the go command's resolver, walking the
/// resolv.conf servers in order, ends on a SERVFAIL ("server misbehaving") — its own
/// finding, not a timeout; getaddrinfo's EAI_AGAIN ("temporary") says nothing about which.
struct EndpointServfailRuleTests {
    typealias Resolver = EndpointFacts.Resolver
    static let target = EndpointTarget(host: "proxy.lab.example")
    static let temporary = EndpointFacts.DNS(
        outcome: .failed(FailureClass("temporary", "getaddrinfo proxy.lab.example: Temporary failure in name resolution")),
        errorClass: "temporary")

    static func system(_ server: String, _ rcode: String?, failure: String? = nil) -> Resolver {
        Resolver(server: server, role: "system", rcode: rcode, failure: failure)
    }

    static let servfail = system("10.77.2.2", "SERVFAIL", failure: "servfail")

    func judge(_ resolvers: [Resolver]) throws -> Finding {
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.temporary, resolvers: resolvers))
        #expect(verdict.rootLayer == .dns)
        return try #require(verdict.findings.first)
    }

    @Test func servfailWithoutAComparisonIsItsOwnFinding() throws {
        let root = try judge([Self.servfail])
        #expect(root.id == "endpoint.dns.servfail" && root.layer == .dns && root.severity == .failure)
        #expect(root.arguments["server"] == "10.77.2.2" && root.arguments["host"] == "proxy.lab.example")
        #expect(root.arguments["goError"] == "lookup proxy.lab.example on 10.77.2.2:53: server misbehaving")
        #expect(root.evidence.contains("go: lookup proxy.lab.example on 10.77.2.2:53: server misbehaving"))
        #expect(root.evidence.contains("10.77.2.2 (system): SERVFAIL, servfail"))
        #expect(root.fix?.commands == ["gomod-doctor dig proxy.lab.example @10.77.2.2", "dig @10.77.2.2 proxy.lab.example +cd",
                                       "dig +trace proxy.lab.example"])
        #expect(root.fix?.explanationKey == "fix.endpoint.dns.servfail")
    }

    @Test func aPublicResolverThatAnswersGivesTheResolverFix() throws {
        let witnesses = [Resolver(server: "10.77.9.9", role: "public", rcode: nil, failure: "timeout"),
                         Resolver(server: "10.77.1.2", role: "public", rcode: "NOERROR", addresses: ["10.77.2.2"])]
        let root = try judge([Self.servfail] + witnesses)
        #expect(root.id == "endpoint.dns.servfail")
        #expect(root.fix?.commands.suffix(2) == ["gomod-doctor dig proxy.lab.example @10.77.1.2",
                                                 "echo 'nameserver 10.77.1.2' | sudo tee /etc/resolv.conf"])
        #expect(root.evidence.contains("10.77.1.2 (public): 10.77.2.2"))
    }

    @Test func theLastSystemServersErrorDecides() throws {
        // SERVFAIL, then silence: the go command prints the second server's i/o timeout.
        let timedOut = try judge([Self.servfail, Self.system("10.77.5.2", nil, failure: "timeout")])
        #expect(timedOut.id == "endpoint.dns.timeout")
        // Silence, then SERVFAIL: "server misbehaving" from the second server.
        let misbehaving = try judge([Self.system("10.77.5.2", nil, failure: "timeout"), Self.servfail])
        #expect(misbehaving.id == "endpoint.dns.servfail" && misbehaving.arguments["server"] == "10.77.2.2")
        // A server that answers NXDOMAIN ends Go's lookup: not a SERVFAIL.
        let nx = try judge([Self.system("10.77.5.2", "NXDOMAIN"), Self.servfail])
        #expect(nx.id != "endpoint.dns.servfail")
    }

    @Test func refusedIsNotServfail() throws {
        let root = try judge([Self.system("10.77.2.2", "REFUSED", failure: "refused-dns")])
        #expect(root.id != "endpoint.dns.servfail")
    }

    @Test func aServerOffPort53IsAskedOnItsPort() throws {
        let root = try judge([Self.system("10.77.2.2#5353", "SERVFAIL", failure: "servfail")])
        #expect(root.arguments["goError"] == "lookup proxy.lab.example on 10.77.2.2:5353: server misbehaving")
        #expect(root.fix?.commands.prefix(2) == ["gomod-doctor dig proxy.lab.example @10.77.2.2 -p 5353",
                                                 "dig @10.77.2.2 -p 5353 proxy.lab.example +cd"])
    }

    @Test(arguments: Language.allCases)
    func theSentenceSaysMisbehavingNotTimeout(_ language: Language) throws {
        let root = try judge([Self.servfail])
        let text = MessageCatalog(language: language).text(root.id, root.arguments)
        #expect(text.contains("10.77.2.2") && text.contains("proxy.lab.example") && text.contains("server misbehaving"))
        #expect(!text.contains("{"), "\(text)")
        let fix = MessageCatalog(language: language).text("fix.endpoint.dns.servfail")
        #expect(fix != "fix.endpoint.dns.servfail" && fix.contains("+cd"))
    }
}
