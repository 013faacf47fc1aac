import Testing
@testable import NetProbes

#if canImport(Glibc)
import Glibc
#endif

/// Happy-eyeballs ordering and timing, the dual-stack verdict and errno classification.
struct TCPConnectPlanTests {
    static let v4a = ResolvedAddress(ip: "10.77.2.2", family: .ipv4)
    static let v4b = ResolvedAddress(ip: "10.77.3.2", family: .ipv4)
    static let v6a = ResolvedAddress(ip: "fd77:0:0:2::2", family: .ipv6)
    static let v6b = ResolvedAddress(ip: "fd77:0:0:3::2", family: .ipv6)

    static func attempt(_ address: ResolvedAddress, _ result: TCPConnectAttempt.Result, ms: Double = 1, order: Int = 0) -> TCPConnectAttempt {
        TCPConnectAttempt(address: address, port: 443, order: order, result: result, connectMilliseconds: ms)
    }

    @Test func rfc8305OrderInterleavesStartingWithTheFirstFamily() {
        #expect(HappyEyeballsPlan.order([Self.v4a, Self.v4b, Self.v6a]) == [Self.v4a, Self.v6a, Self.v4b])
        #expect(HappyEyeballsPlan.order([Self.v6a, Self.v6b, Self.v4a, Self.v4b]) == [Self.v6a, Self.v4a, Self.v6b, Self.v4b])
        #expect(HappyEyeballsPlan.order([Self.v6a]) == [Self.v6a])
        #expect(HappyEyeballsPlan.order([]) == [])
    }

    @Test func rfc8305Timing() {
        typealias M = HappyEyeballsPlan.Measured
        // First hangs: the second starts 250 ms later.
        #expect(HappyEyeballsPlan.rfc8305Winner([M(connected: false, milliseconds: 5000), M(connected: true, milliseconds: 10)])
            == .init(index: 1, milliseconds: 260))
        // First refused at 1 ms: the second starts at once.
        #expect(HappyEyeballsPlan.rfc8305Winner([M(connected: false, milliseconds: 1), M(connected: true, milliseconds: 10)])
            == .init(index: 1, milliseconds: 11))
        // A fast first attempt wins before the second starts.
        #expect(HappyEyeballsPlan.rfc8305Winner([M(connected: true, milliseconds: 10), M(connected: true, milliseconds: 1)])
            == .init(index: 0, milliseconds: 10))
        // A slow first attempt loses to the second started at 250 ms.
        #expect(HappyEyeballsPlan.rfc8305Winner([M(connected: true, milliseconds: 400), M(connected: true, milliseconds: 10)])
            == .init(index: 1, milliseconds: 260))
        #expect(HappyEyeballsPlan.rfc8305Winner([M(connected: false, milliseconds: 1)]) == nil)
    }

    @Test func goDialerFallsBackAfter300Milliseconds() {
        typealias M = HappyEyeballsPlan.Measured
        #expect(HappyEyeballsPlan.goDialerWinner([M(connected: false, milliseconds: 5000), M(connected: true, milliseconds: 10)],
                                                 families: [.ipv6, .ipv4]) == .init(index: 1, milliseconds: 310))
        #expect(HappyEyeballsPlan.goDialerWinner([M(connected: false, milliseconds: 1), M(connected: true, milliseconds: 10)],
                                                 families: [.ipv6, .ipv4]) == .init(index: 1, milliseconds: 11))
        // Primaries are tried one after another: 2 + 3 ms, before the fallback starts.
        #expect(HappyEyeballsPlan.goDialerWinner([M(connected: false, milliseconds: 2), M(connected: true, milliseconds: 3),
                                                  M(connected: true, milliseconds: 1)],
                                                 families: [.ipv4, .ipv4, .ipv6]) == .init(index: 1, milliseconds: 5))
        #expect(HappyEyeballsPlan.goDialerWinner([M(connected: true, milliseconds: 1)], families: []) == nil)
    }

    @Test func dualStackVerdicts() {
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .ok), Self.attempt(Self.v6a, .unreachable)]) == .ipv6Broken)
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .timeout), Self.attempt(Self.v6a, .ok)]) == .ipv4Broken)
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .ok), Self.attempt(Self.v6a, .reset)]) == .ipv6Broken,
                "accepted then reset is not a working connection")
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .ok), Self.attempt(Self.v4b, .refused), Self.attempt(Self.v6a, .ok)]) == .partial)
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .refused), Self.attempt(Self.v6a, .timeout)]) == .allFailed)
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .ok), Self.attempt(Self.v6a, .ok)]) == .allReachable)
        #expect(DualStackVerdict.judge([Self.attempt(Self.v4a, .ok)]) == .allReachable)
        #expect(DualStackVerdict.judge([]) == .noAddresses)
    }

    @Test func errnoClassesAndGoWording() {
        #expect(TCPFailureClassifier.result(forConnectErrno: ECONNREFUSED) == .refused)
        #expect(TCPFailureClassifier.result(forConnectErrno: EHOSTUNREACH) == .unreachable)
        #expect(TCPFailureClassifier.result(forConnectErrno: ENETUNREACH) == .unreachable)
        #expect(TCPFailureClassifier.result(forConnectErrno: ECONNRESET) == .reset)
        #expect(TCPFailureClassifier.result(forConnectErrno: ETIMEDOUT) == .timeout)
        #expect(TCPFailureClassifier.result(forConnectErrno: EPERM) == .blocked)
        #expect(TCPFailureClassifier.result(forConnectErrno: EINVAL) == .error)
        #expect(TCPFailureClassifier.connectDetail(endpoint: "10.77.2.2:80", errno: ECONNREFUSED)
            == "dial tcp 10.77.2.2:80: connect: connection refused")
        #expect(TCPFailureClassifier.connectDetail(endpoint: "[fd77::2]:80", errno: EHOSTUNREACH)
            == "dial tcp [fd77::2]:80: connect: no route to host")
        #expect(TCPFailureClassifier.timeoutDetail(endpoint: "10.77.2.2:81") == "dial tcp 10.77.2.2:81: i/o timeout")
        #expect(TCPFailureClassifier.readResetDetail(local: "10.77.1.1:40000", endpoint: "10.77.2.2:80")
            == "read tcp 10.77.1.1:40000->10.77.2.2:80: read: connection reset by peer")
    }

    @Test func resetOriginByHopCount() {
        #expect(ResetOrigin(resetTTL: 64, echoTTL: 63).hopsBeforeServer == 1, "a router's RST, server one hop further")
        #expect(ResetOrigin(resetTTL: 64, echoTTL: 63).isFromThePath)
        #expect(ResetOrigin(resetTTL: 63, echoTTL: 63).hopsBeforeServer == 0)
        #expect(ResetOrigin(resetTTL: 250, echoTTL: 52).hopsBeforeServer == 7, "different initial TTLs: 255 − 250 vs 64 − 52")
        #expect(ResetOrigin(resetTTL: 60, echoTTL: 62).hopsBeforeServer == 0, "never negative")
        #expect(ResetOrigin(resetTTL: 64, echoTTL: nil).hopsBeforeServer == nil)
        #expect(!ResetOrigin(resetTTL: 64, echoTTL: nil).isFromThePath, "no echo reply: no claim")
    }

    @Test func resetWitnessReadsOnlyResets() {
        // IPv4 header (TTL 64, protocol TCP) + TCP header from port 443 with RST|ACK.
        let ip: [UInt8] = [0x45, 0, 0, 40, 0, 0, 0, 0, 64, 6, 0, 0, 10, 77, 2, 2, 10, 77, 1, 1]
        var tcp = [UInt8](repeating: 0, count: 20)
        tcp[0] = 0x01; tcp[1] = 0xbb; tcp[12] = 0x50; tcp[13] = 0x14
        #expect(TCPResetWitness.parse(ip + tcp, family: .ipv4, from: "10.77.2.2", hopLimit: nil)
            == .init(source: "10.77.2.2", sourcePort: 443, ttl: 64))
        tcp[13] = 0x12  // SYN|ACK
        #expect(TCPResetWitness.parse(ip + tcp, family: .ipv4, from: "10.77.2.2", hopLimit: nil) == nil)
        tcp[13] = 0x04
        #expect(TCPResetWitness.parse(tcp, family: .ipv6, from: "fd77::2", hopLimit: 63)?.ttl == 63, "IPv6: no header, hop limit from cmsg")
        #expect(TCPResetWitness.parse(tcp, family: .ipv6, from: "fd77::2", hopLimit: nil) == nil)
        #expect(TCPResetWitness.parse(Array(ip.prefix(10)), family: .ipv4, from: "10.77.2.2", hopLimit: nil) == nil)
    }

    @Test func evidenceKeepsEveryAttemptInOrderAndNamesTheWinners() {
        var evidence = TCPConnectEvidence(host: "proxy.golang.org", port: 443)
        let attempts = [Self.attempt(Self.v6a, .timeout, ms: 5000, order: 1), Self.attempt(Self.v4a, .ok, ms: 20, order: 0)]
        evidence.record(attempts, resolved: [Self.v4a, Self.v6a])
        #expect(evidence.happyEyeballsOrder == ["10.77.2.2:443", "[fd77:0:0:2::2]:443"])
        #expect(evidence.verdict == .ipv6Broken)
        #expect(evidence.families.ipv6 == .init(tried: 1, connected: 0))
        #expect(evidence.happyEyeballsWinner?.endpoint == "10.77.2.2:443")
        #expect(evidence.goDialerWinner?.milliseconds == 20)
        #expect(TCPConnectProbe.outcome(evidence) == .ok)
        var failed = TCPConnectEvidence(host: "h", port: 80)
        var refused = Self.attempt(Self.v4a, .refused, order: 0)
        refused.detail = "dial tcp 10.77.2.2:443: connect: connection refused"
        failed.record([Self.attempt(Self.v6a, .timeout, order: 1), refused], resolved: [Self.v4a, Self.v6a])
        #expect(TCPConnectProbe.outcome(failed) == .failed(FailureClass("refused", "dial tcp 10.77.2.2:443: connect: connection refused")),
                "the first address in happy-eyeballs order speaks for a total failure")
    }
}
