@testable import NetProbes
import Testing

/// Flags from resolver answers, and the special-purpose address ranges behind "private-answer".
struct DNSResolverComparisonTests {
    func answer(_ resolver: String, _ addresses: [String], rcode: String? = "NOERROR", type: String = "A") -> ResolverAnswer {
        ResolverAnswer(resolver: resolver, role: "public", type: type, outcome: .ok, rcode: rcode, addresses: addresses)
    }

    func codes(_ answers: [ResolverAnswer], isPublicName: Bool = true) -> [String] {
        ResolverComparisonAnalysis.flags(for: answers, isPublicName: isPublicName).map(\.code)
    }

    @Test func agreementHasNoFlags() {
        #expect(codes([answer("a", ["1.2.3.4", "5.6.7.8"]), answer("b", ["5.6.7.8", "1.2.3.4"])]).isEmpty)
    }

    @Test func twoResolversWithDifferentAddressesDisagree() {
        let flags = ResolverComparisonAnalysis.flags(for: [answer("a", ["93.184.216.34"]), answer("b", ["93.184.216.35"])], isPublicName: true)
        #expect(flags.map(\.code) == ["disagreement"])
        #expect(flags.first?.detail == "a: 93.184.216.34; b: 93.184.216.35")
        #expect(flags.first?.resolvers == ["a", "b"])
    }

    @Test func theOddOneOutAmongAgreeingResolversIsSuspected() {
        let answers = [answer("a", ["142.250.1.1"]), answer("b", ["142.250.1.1", "142.250.1.2"]), answer("c", ["142.250.1.1"]),
                       answer("liar", ["31.13.1.1"])]
        let flags = ResolverComparisonAnalysis.flags(for: answers, isPublicName: true)
        #expect(flags.map(\.code) == ["disagreement", "suspected-poisoning"])
        #expect(flags.last?.resolvers == ["liar"])
    }

    @Test func overlappingCDNAnswersAreNotPoisoning() {
        #expect(codes([answer("a", ["1.1.1.1", "2.2.2.2"]), answer("b", ["2.2.2.2", "3.3.3.3"]), answer("c", ["3.3.3.3", "4.4.4.4"])]) == ["disagreement"])
    }

    @Test func answerWhereOthersSayNXDOMAINIsSuspected() {
        let answers = [answer("a", [], rcode: "NXDOMAIN"), answer("b", [], rcode: "NXDOMAIN"), answer("hijack", ["8.9.10.11"])]
        #expect(codes(answers) == ["disagreement", "suspected-poisoning"])
    }

    @Test func privateAnswerForPublicName() {
        let answers = [answer("isp", ["198.18.0.7"]), answer("public", ["140.82.112.3"])]
        #expect(codes(answers) == ["disagreement", "private-answer", "suspected-poisoning"])
        #expect(codes(answers, isPublicName: false) == ["disagreement"])
    }

    @Test func brokenResolversAreNotCompared() {
        let answers = [answer("a", ["1.2.3.4"]), answer("down", [], rcode: nil), answer("sf", [], rcode: "SERVFAIL")]
        #expect(codes(answers).isEmpty)
        #expect(ResolverComparison.outcome(answers: [answer("x", [], rcode: nil)], flags: []).failure?.code == "unreachable")
    }

    @Test func typesAreComparedSeparately() {
        let answers = [answer("a", ["1.2.3.4"]), answer("b", ["1.2.3.4"]),
                       answer("a", ["2001:db8::1"], type: "AAAA"), answer("b", [], type: "AAAA")]
        let flags = ResolverComparisonAnalysis.flags(for: answers, isPublicName: false)
        #expect(flags.map(\.type) == ["AAAA"])
    }

    @Test func resolverSetOrderAndDeduplication() throws {
        let conf = ResolvConf.parse("nameserver 10.0.0.53\nnameserver 8.8.8.8")
        let specs = ResolverComparison.resolverSet(
            resolvConf: conf, configured: [DNSServerAddress(ip: "10.0.0.54")],
            publicResolvers: ResolverComparison.defaultPublicResolvers.compactMap { DNSServerAddress(parsing: $0) })
        #expect(specs.map(\.role) == ["system", "system", "configured", "public", "public", "public"])
        #expect(specs.map(\.server.ip) == ["10.0.0.53", "8.8.8.8", "10.0.0.54", "114.114.114.114", "223.5.5.5", "1.1.1.1"])
    }

    @Test(arguments: [
        ("10.1.2.3", "private"), ("172.31.255.255", "private"), ("192.168.0.1", "private"), ("127.0.0.1", "loopback"),
        ("100.64.0.1", "shared (CGNAT)"), ("198.19.255.1", "benchmarking (fake-IP proxies use it)"), ("0.1.2.3", "this-network"),
        ("169.254.1.1", "link-local"), ("224.0.0.1", "multicast"), ("fd77::1", "unique local"), ("fe80::1", "link-local"),
        ("::1", "loopback"), ("2001:db8::5", "documentation"), ("::ffff:192.168.1.1", "private"),
    ])
    func reservedRanges(ip: String, kind: String) {
        #expect(ReservedAddressRanges.classify(ip) == kind)
    }

    @Test(arguments: ["8.8.8.8", "172.32.0.1", "172.15.255.255", "198.20.0.1", "2606:4700::1111", "::ffff:8.8.8.8", "not-an-ip"])
    func globalAddresses(ip: String) {
        #expect(ReservedAddressRanges.classify(ip) == nil)
    }

    @Test func publicNames() {
        #expect(ReservedAddressRanges.isPublicName("proxy.golang.org"))
        #expect(ReservedAddressRanges.isPublicName("goproxy.cn."))
        #expect(!ReservedAddressRanges.isPublicName("localhost"))
        #expect(!ReservedAddressRanges.isPublicName("git.corp.example"))
        #expect(!ReservedAddressRanges.isPublicName("printer.home.arpa"))
        #expect(!ReservedAddressRanges.isPublicName("git.mycompany.com", privateSuffixes: ["mycompany.com"]))
        #expect(ReservedAddressRanges.isPublicName("notmycompany.com", privateSuffixes: ["mycompany.com"]))
    }
}
