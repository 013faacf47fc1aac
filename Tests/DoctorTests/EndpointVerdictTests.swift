import Testing
import NetProbes
@testable import Doctor
@testable import Report

/// The layered verdict from hand-built facts: the first broken layer is the root cause, later
/// failures are symptoms, and each scenario of issue 7 gets its own stable id.
struct EndpointVerdictTests {
    static let target = EndpointTarget(host: "proxy.lab.test")
    static let address = ResolvedAddress(ip: "10.77.4.2", family: .ipv4)
    static let dnsOK = EndpointFacts.DNS(outcome: .ok, addresses: [address])
    static let icmpOK = EndpointFacts.ICMP(outcome: .ok, address: "10.77.4.2", sent: 3, received: 3)
    static let icmpSilent = EndpointFacts.ICMP(outcome: .failed(FailureClass("timeout", "3 sent, 0 received")),
                                               address: "10.77.4.2", sent: 3, received: 0)

    static func connect(_ result: TCPConnectAttempt.Result, _ endpoint: String = "10.77.4.2:443", family: AddressFamily = .ipv4,
                        ms: Double = 1.2, resetHops: Int? = nil) -> EndpointFacts.Connect {
        EndpointFacts.Connect(endpoint: endpoint, family: family, result: result, milliseconds: ms, resetHopsBeforeServer: resetHops,
                              detail: result == .ok ? nil : "dial tcp \(endpoint): \(result.rawValue)")
    }

    static func tcp(_ code: String?, _ attempts: [EndpointFacts.Connect], dualStack: DualStackVerdict = .allFailed) -> EndpointFacts.TCP {
        EndpointFacts.TCP(outcome: code.map { .failed(FailureClass($0, "dial tcp 10.77.4.2:443: \($0)")) } ?? .ok,
                          attempts: attempts, dualStack: code == nil && dualStack == .allFailed ? .allReachable : dualStack)
    }

    static let tcpOK = tcp(nil, [connect(.ok)])
    static let tlsOK = EndpointFacts.TLS(outcome: .ok, handshakeCompleted: true)
    static let http200 = EndpointFacts.HTTP(outcome: .ok, status: 200, statusLine: "200 OK")

    func statuses(_ verdict: EndpointVerdict) -> [Layer: EndpointLayerCheck.Status] {
        Dictionary(uniqueKeysWithValues: verdict.layers.map { ($0.layer, $0.status) })
    }

    @Test func healthyEndpointWithICMPFiltered() {
        let facts = EndpointFacts(target: Self.target, dns: Self.dnsOK, icmp: Self.icmpSilent, tcp: Self.tcpOK,
                                  synSentStuck: [], tls: Self.tlsOK, http: Self.http200)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == nil)
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy", "endpoint.icmp-filtered"])
        #expect(verdict.findings.map(\.severity) == [.info, .info])
        #expect(verdict.layers.map(\.layer) == [.dns, .icmp, .tcp, .path, .tls, .http])
        #expect(statuses(verdict) == [.dns: .ok, .icmp: .warning, .tcp: .ok, .path: .skipped, .tls: .ok, .http: .ok])
        #expect(verdict.findings[1].arguments["address"] == "10.77.4.2")
    }

    @Test func icmpWithoutASocketIsNotFiltering() {
        let unprobed = EndpointFacts.ICMP(outcome: .failed(FailureClass("not-permitted", "socket: operation not permitted")),
                                          address: nil, sent: 0, received: 0)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, icmp: unprobed, tcp: Self.tcpOK,
                                                          tls: Self.tlsOK, http: Self.http200))
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy"])
        #expect(statuses(verdict)[.icmp] == .skipped)
    }

    @Test func slowConnectIsAWarningWithThePath() {
        let tcp = Self.tcp(nil, [Self.connect(.ok, ms: 1500)])
        let trace = EndpointFacts.Trace(outcome: .ok, address: "10.77.4.2", endHop: 4,
                                        lastAnswer: TraceAnswer(kind: .synAck, from: "10.77.4.2"), reachedDestination: true)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: tcp, trace: trace,
                                                          tls: Self.tlsOK, http: Self.http200))
        #expect(verdict.rootLayer == nil)
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy", "endpoint.tcp.slow"])
        #expect(verdict.findings[1].arguments["milliseconds"] == "1500")
        #expect(verdict.findings[1].evidence.last == "trace: reached the destination at hop 4")
        #expect(statuses(verdict)[.tcp] == .warning)
        #expect(statuses(verdict)[.path] == .ok)
        // Just under the threshold: no warning.
        let quick = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: Self.tcp(nil, [Self.connect(.ok, ms: 999)]),
                                                        tls: Self.tlsOK, http: Self.http200))
        #expect(quick.findings.map(\.id) == ["endpoint.healthy"])
    }

    @Test func healthyWithICMPAnsweredHasNoICMPFinding() {
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, icmp: Self.icmpOK, tcp: Self.tcpOK,
                                                          tls: Self.tlsOK, http: Self.http200))
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy"])
        #expect(verdict.findings[0].evidence.contains("https://proxy.lab.test:443/: 200 OK"))
    }

    @Test func dropAfterHopNamesTheLastAnsweringHop() throws {
        let trace = EndpointFacts.Trace(outcome: .failed(FailureClass("path-silent", "no answer after hop 2 (10.77.2.2)")),
                                        address: "10.77.4.2", silentAfterHop: 2, lastHopAddress: "10.77.2.2",
                                        lastAnswer: TraceAnswer(kind: .timeExceeded, from: "10.77.2.2", icmpType: 11, icmpCode: 0))
        let facts = EndpointFacts(target: Self.target, dns: Self.dnsOK, icmp: Self.icmpOK,
                                  tcp: Self.tcp("timeout", [Self.connect(.timeout, ms: 2000)]),
                                  synSentStuck: ["10.77.4.2:443"], trace: trace)
        let verdict = EndpointVerdict.judge(facts)
        #expect(verdict.rootLayer == .tcp)
        let finding = try #require(verdict.findings.first)
        #expect(finding.id == "endpoint.tcp.dropped-after-hop")
        #expect(finding.severity == .failure)
        #expect(finding.arguments["hop"] == "2")
        #expect(finding.arguments["address"] == "10.77.2.2")
        #expect(finding.evidence.contains("stuck in SYN_SENT (no answer to the SYN): 10.77.4.2:443"))
        #expect(finding.fix?.commands.first == "gomod-doctor trace 10.77.4.2 --tcp --port 443")
        #expect(statuses(verdict)[.path] == .failed)
        #expect(statuses(verdict)[.tls] == .skipped)
        #expect(verdict.findings.count == 1, "no healthy finding, no ICMP finding while ICMP answers")
        #expect(MessageCatalog(language: .en).text(finding.messageKey, finding.arguments)
                == "TCP to proxy.lab.test:443 times out: packets are dropped at or after hop 2 (10.77.2.2), the last router that answered")
    }

    @Test func timeoutWithoutPathInformation() {
        let trace = EndpointFacts.Trace(outcome: .failed(FailureClass("no-answer", "nothing answered")), silentAfterHop: 0)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK,
                                                          tcp: Self.tcp("timeout", [Self.connect(.timeout)]), trace: trace))
        #expect(verdict.findings.map(\.id) == ["endpoint.tcp.timeout"])
    }

    @Test func rejectKindsAreToldApartFromDrop() {
        let middlebox = EndpointVerdict.judge(EndpointFacts(
            target: Self.target, dns: Self.dnsOK, tcp: Self.tcp("reset", [Self.connect(.reset, resetHops: 1)]),
            trace: EndpointFacts.Trace(outcome: .ok, endHop: 3, lastAnswer: TraceAnswer(kind: .tcpReset, from: "10.77.4.2"),
                                       reachedDestination: true)))
        #expect(middlebox.findings.first?.id == "endpoint.tcp.reset-by-middlebox")
        #expect(middlebox.findings.first?.arguments["hops"] == "1")
        #expect(middlebox.findings.first?.arguments["hop"] == "3")

        let icmpReject = EndpointVerdict.judge(EndpointFacts(
            target: Self.target, dns: Self.dnsOK, tcp: Self.tcp("refused", [Self.connect(.refused)]),
            trace: EndpointFacts.Trace(outcome: .failed(FailureClass("rejected", "hop 3 rejected")), endHop: 3,
                                       lastAnswer: TraceAnswer(kind: .portUnreachable, from: "10.77.3.2", icmpType: 3, icmpCode: 3))))
        #expect(icmpReject.findings.first?.id == "endpoint.tcp.rejected-icmp")
        #expect(icmpReject.findings.first?.arguments["hop"] == "3")
        #expect(icmpReject.findings.first?.arguments["address"] == "10.77.3.2")

        let closed = EndpointVerdict.judge(EndpointFacts(
            target: Self.target, dns: Self.dnsOK, tcp: Self.tcp("refused", [Self.connect(.refused, resetHops: 0)]),
            trace: EndpointFacts.Trace(outcome: .ok, endHop: 4, lastAnswer: TraceAnswer(kind: .tcpReset, from: "10.77.4.2"),
                                       reachedDestination: true)))
        #expect(closed.findings.first?.id == "endpoint.tcp.refused")
        #expect(closed.findings.first?.arguments["hop"] == "4")

        let resetAfterAccept = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK,
                                                                   tcp: Self.tcp("reset", [Self.connect(.reset)])))
        #expect(resetAfterAccept.findings.first?.id == "endpoint.tcp.reset")
    }

    @Test func tlsResetAfterClientHelloIsSNIFiltering() {
        let tls = EndpointFacts.TLS(outcome: .failed(FailureClass("reset", "read: connection reset by peer (during the TLS handshake)")),
                                    handshakeCompleted: false)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, icmp: Self.icmpOK, tcp: Self.tcpOK, tls: tls))
        #expect(verdict.rootLayer == .tls)
        #expect(verdict.findings.map(\.id) == ["endpoint.tls.sni-filtered"])
        #expect(verdict.findings[0].fix?.commands.contains("openssl s_client -connect 10.77.4.2:443 -noservername </dev/null") == true)
        #expect(statuses(verdict)[.tcp] == .ok)
        #expect(statuses(verdict)[.http] == .skipped)
    }

    @Test func unknownAuthorityFromANonPublicIssuerIsInterception() {
        let tls = EndpointFacts.TLS(outcome: .failed(FailureClass("unknown-authority", "x509: certificate signed by unknown authority")),
                                    handshakeCompleted: true, untrustedIssuer: "CN=Corp Interception CA", issuerIsPublicRoot: false,
                                    goError: "x509: certificate signed by unknown authority")
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: Self.tcpOK, tls: tls))
        let finding = verdict.findings.first
        #expect(finding?.id == "endpoint.tls.interception")
        #expect(finding?.arguments["issuer"] == "CN=Corp Interception CA")
        #expect(finding?.fix?.commands.contains("export SSL_CERT_FILE=/path/to/corporate-ca.pem") == true)
        #expect(finding?.fix?.explanationKey == "fix.endpoint.tls.interception")

        var publicIssuer = tls
        publicIssuer.issuerIsPublicRoot = true
        #expect(EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: Self.tcpOK, tls: publicIssuer))
            .findings.first?.id == "endpoint.tls.unknown-authority")
    }

    @Test(arguments: [(403, "endpoint.http.refused-client"), (429, "endpoint.http.refused-client"),
                      (503, "endpoint.http.server-error"), (404, "endpoint.healthy"), (200, "endpoint.healthy")])
    func httpStatuses(status: Int, id: String) {
        let http = EndpointFacts.HTTP(outcome: status == 200 ? .ok : .failed(FailureClass("http-status", "\(status)")),
                                      status: status, statusLine: "\(status) X", retryAfter: status == 429 ? "60" : nil)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: Self.tcpOK, tls: Self.tlsOK, http: http))
        #expect(verdict.findings.first?.id == id)
        #expect(verdict.rootLayer == (id == "endpoint.healthy" ? nil : .http))
        if status == 429 { #expect(verdict.findings.first?.evidence.contains("Retry-After: 60") == true) }
    }

    @Test func dnsFailureIsTheRootAndLaterFailuresAreSymptoms() {
        let dns = EndpointFacts.DNS(outcome: .failed(FailureClass("nxdomain", "getaddrinfo proxy.lab.test: Name or service not known")),
                                    errorClass: "nxdomain")
        // A later failure in hand-built facts is a symptom, never a second root.
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: dns, tcp: Self.tcp("nxdomain", [])))
        #expect(verdict.rootLayer == .dns)
        #expect(verdict.findings.map(\.id) == ["endpoint.dns.nxdomain"])
        #expect(statuses(verdict)[.tcp] == .symptom)
    }

    @Test func ipv6BrokenWhileIPv4Works() {
        let tcp = Self.tcp(nil, [Self.connect(.timeout, "[fd77::2]:443", family: .ipv6), Self.connect(.ok)], dualStack: .ipv6Broken)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: Self.target, dns: Self.dnsOK, tcp: tcp, tls: Self.tlsOK, http: Self.http200))
        #expect(verdict.rootLayer == nil)
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy", "endpoint.ipv6-broken"])
        #expect(verdict.findings[1].severity == .warning)
        #expect(verdict.findings[1].arguments["ipv6"] == "[fd77::2]:443")
        #expect(verdict.findings[1].fix?.commands.first == "ip -6 route get fd77::2")
        #expect(statuses(verdict)[.tcp] == .warning)
    }

    /// Every id the rules can produce has an English and a Chinese message, and every fix an explanation.
    @Test func everyEndpointMessageExists() {
        let ids = EndpointMessages.findings.keys.filter { $0.hasPrefix("endpoint.") }
        #expect(ids.count >= 25)
        for id in ids where id != "endpoint.healthy" && id != "endpoint.icmp-filtered" {
            #expect(MessageCatalog.has("fix.\(id)"), "fix.\(id)")
        }
        for layer in [Layer.dns, .icmp, .tcp, .path, .tls, .http] { #expect(MessageCatalog.has("ui.probe.layer.\(layer.rawValue)")) }
        #expect(MessageCatalog(language: .zh).text("endpoint.tcp.rejected-icmp", ["hop": "3"]).contains("第 3 跳"))
    }
}
