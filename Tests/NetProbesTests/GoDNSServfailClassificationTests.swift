@testable import NetProbes
import Testing

/// Go's resolver decisions (net/dnsclient_unix.go checkHeader, skipToAnswer, tryOneName,
/// goLookupIPCNAMEOrder) over decoded answers: SERVFAIL, NXDOMAIN, no address, REFUSED and
/// silence are told apart, and the server and text are the go command's.
struct GoDNSServfailClassificationTests {
    static let name = "proxy.golang.org."

    /// A reply as our DNS client records it.
    static func query(_ server: String, _ rcode: String?, type: String = "A", answers: [DNSRecordEvidence] = [],
                      flags: [String] = ["qr", "rd", "ra"], additional: [DNSRecordEvidence] = [], edns: Int? = nil,
                      attempt: String = "response") -> DNSQueryEvidence {
        var evidence = DNSQueryEvidence(server: "\(server)#53", name: name, type: type)
        evidence.attempts = [DNSAttempt(transport: "udp", result: attempt, detail: attempt == "unreachable" ? "recv: connection refused" : nil,
                                        durationSeconds: 0.001, ignored: [])]
        evidence.rcode = rcode
        evidence.flags = rcode == nil ? [] : flags
        evidence.answers = answers
        evidence.additional = additional
        evidence.serverEDNSPayloadSize = edns
        return evidence
    }

    static func a(_ ip: String) -> DNSRecordEvidence { DNSRecordEvidence(name: name, type: "A", ttl: 30, data: ip) }

    func tryOne(_ queries: [DNSQueryEvidence]) -> GoResolverRules.NameOutcome? {
        GoResolverRules.tryOneName(queries.map(GoDNSReply.init), name: Self.name)
    }

    @Test func servfailFromEveryServerIsServerMisbehavingOnTheLastOne() throws {
        let outcome = try #require(tryOne([Self.query("10.0.0.53", "SERVFAIL"), Self.query("10.0.0.54", "SERVFAIL")]))
        guard case .failed(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.kind == .servfail && error.code == "servfail" && !error.isNotFound)
        #expect(error.server == "10.0.0.54:53")
        #expect(error.description == "lookup proxy.golang.org. on 10.0.0.54:53: server misbehaving")
    }

    @Test func servfailMovesOnAndTheNextServerAnswers() {
        let outcome = tryOne([Self.query("10.0.0.53", "SERVFAIL"), Self.query("10.0.0.54", "NOERROR", answers: [Self.a("10.77.2.2")])])
        #expect(outcome == .addresses(["10.77.2.2"], server: "10.0.0.54:53"))
    }

    @Test func nxdomainIsDefinitiveAndNoOtherServerIsBelieved() throws {
        let outcome = try #require(tryOne([Self.query("10.0.0.53", "NXDOMAIN"), Self.query("10.0.0.54", "NOERROR", answers: [Self.a("10.77.2.2")])]))
        guard case .failed(let error) = outcome else { Issue.record("\(outcome)"); return }
        #expect(error.kind == .nxdomain && error.isNotFound && error.code == "nxdomain")
        #expect(error.description == "lookup proxy.golang.org. on 10.0.0.53:53: no such host")
    }

    @Test func noErrorWithoutAnAddressIsNoSuchHostButNotNXDOMAIN() throws {
        let cname = DNSRecordEvidence(name: Self.name, type: "CNAME", ttl: 30, data: "elsewhere.example.")
        for answers in [[], [cname]] {
            let outcome = try #require(tryOne([Self.query("10.0.0.53", "NOERROR", answers: answers), Self.query("10.0.0.54", "SERVFAIL")]))
            guard case .failed(let error) = outcome else { Issue.record("\(outcome)"); continue }
            #expect(error.kind == .noAddress && error.isNotFound && error.err == "no such host" && error.server == "10.0.0.53:53")
        }
    }

    @Test func refusedAndOtherCodesAreMisbehavingButNotServfail() throws {
        for (rcode, kind, code) in [("REFUSED", GoDNSError.Kind.refused, "refused-dns"), ("NOTIMP", .otherRcode, "dns-rcode")] {
            guard case .failed(let error)? = tryOne([Self.query("10.0.0.53", rcode)]) else { Issue.record("\(rcode)"); continue }
            #expect(error.kind == kind && error.code == code && error.err == "server misbehaving")
        }
    }

    @Test func theLastServersErrorIsReported() throws {
        guard case .failed(let timedOut)? = tryOne([Self.query("10.0.0.53", "SERVFAIL"), Self.query("10.0.0.54", nil, attempt: "timeout")]),
              case .failed(let servfail)? = tryOne([Self.query("10.0.0.53", nil, attempt: "timeout"), Self.query("10.0.0.54", "SERVFAIL")]) else {
            Issue.record("no failure")
            return
        }
        #expect(timedOut.kind == .timeout && timedOut.code == "timeout")
        #expect(timedOut.description == "lookup proxy.golang.org. on 10.0.0.54:53: read udp 10.0.0.54:53: i/o timeout")
        #expect(servfail.kind == .servfail && servfail.server == "10.0.0.54:53")
    }

    @Test func silenceUnreachabilityAndGarbageAreToldApart() {
        let kinds = ["timeout": GoDNSError.Kind.timeout, "unreachable": .unreachable, "malformed": .malformed].map { attempt, kind in
            (kind, GoResolverRules.judge(GoDNSReply(Self.query("10.0.0.53", nil, attempt: attempt)), name: Self.name))
        }
        for (kind, step) in kinds {
            guard case .next(let error) = step else { Issue.record("\(kind): \(step)"); continue }
            #expect(error.kind == kind)
            if kind == .unreachable { #expect(error.err == "read udp 10.0.0.53:53: read: connection refused") }
        }
    }

    @Test func lameReferralMovesOnOnlyWithoutFlagsAnswersOrAdditionals() {
        let lame = GoResolverRules.judge(GoDNSReply(Self.query("10.0.0.53", "NOERROR", flags: ["qr"])), name: Self.name)
        guard case .next(let error) = lame else { Issue.record("\(lame)"); return }
        #expect(error.kind == .lameReferral && error.err == "lame referral")
        // An OPT record counts as an additional (Go 1.27 hasAdd): then it is an empty answer.
        let withOPT = GoResolverRules.judge(GoDNSReply(Self.query("10.0.0.53", "NOERROR", flags: ["qr"], edns: 1232)), name: Self.name)
        guard case .stop(let empty) = withOPT else { Issue.record("\(withOPT)"); return }
        #expect(empty.kind == .noAddress)
    }

    @Test func anIPv6ServerIsWrittenAsGoJoinsHostAndPort() {
        #expect(GoDNSError.goServer(DNSServerAddress(ip: "fd77::53")) == "[fd77::53]:53")
        #expect(GoDNSReply(Self.query("fd77::53", "SERVFAIL")).server == "[fd77::53]:53")
    }

    @Test func theLookupNamesTheOriginalNameAndPrefersItsError() throws {
        let nx = GoDNSError(kind: .nxdomain, name: "proxy.golang.org.", server: "10.0.0.53:53", rcode: "NXDOMAIN", err: "no such host")
        let sf = GoDNSError(kind: .servfail, name: "proxy.golang.org.corp.", server: "10.0.0.53:53", rcode: "SERVFAIL", err: "server misbehaving")
        // ndots 1: the name itself first, then the search suffix; the first error is kept.
        let first = GoResolverRules.lookup(name: "proxy.golang.org", candidates: [("proxy.golang.org.", [.failed(nx), .failed(nx)]),
                                                                                   ("proxy.golang.org.corp.", [.failed(sf), .failed(sf)])])
        #expect(first?.error?.description == "lookup proxy.golang.org on 10.0.0.53:53: no such host")
        // ndots 5: the suffix first, the name itself last; its error still wins.
        let last = GoResolverRules.lookup(name: "proxy.golang.org", candidates: [("proxy.golang.org.corp.", [.failed(sf), .failed(sf)]),
                                                                                  ("proxy.golang.org.", [.failed(nx), .failed(nx)])])
        #expect(last?.error?.kind == .nxdomain && last?.error?.name == "proxy.golang.org")
        // An AAAA answer alone resolves the name, whatever A said.
        let six = GoResolverRules.lookup(name: "proxy.golang.org", candidates: [("proxy.golang.org.", [.failed(sf), .addresses(["fd77::2"], server: "x")])])
        #expect(six == .addresses(["fd77::2"]))
        #expect(GoResolverRules.lookup(name: "proxy.golang.org", candidates: []) == nil)
    }
}
