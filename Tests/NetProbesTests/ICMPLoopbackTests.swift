import Foundation
import Testing
@testable import NetProbes

/// ICMPEchoProbe against 127.0.0.1 and ::1 over the raw socket (root, or root in the user
/// namespace scripts/test creates), including the overall deadline and cancellation.
struct ICMPLoopbackTests {
    static var rawSocketsAllowed: Bool {
        if case .success = ICMPEchoSocket.open(family: .ipv4, kind: .raw) { return true }
        return false
    }

    @Test(.enabled(if: rawSocketsAllowed, "no raw ICMP socket (needs CAP_NET_RAW)"), arguments: ["127.0.0.1", "::1"])
    func loopbackAnswersEveryRequest(host: String) async {
        let probe = ICMPEchoProbe(options: PingOptions(count: 3, intervalSeconds: 0.01, timeoutSeconds: 2, socket: .raw))
        let result = await probe.run(host, deadline: .after(seconds: 10))
        #expect(result.outcome == .ok, "\(result)")
        #expect(result.evidence.socketKind == .raw)
        #expect(result.evidence.received == 3 && result.evidence.lossPercent == 0)
        #expect(result.evidence.replies.map(\.sequence) == [1, 2, 3])
        #expect(result.evidence.replies.allSatisfy { $0.status == .reply && $0.ttl == 64 && $0.bytes == 64 && $0.from == host })
        #expect(result.evidence.rtt != nil && !result.evidence.endedEarly)
    }

    @Test(.enabled(if: rawSocketsAllowed, "no raw ICMP socket (needs CAP_NET_RAW)"))
    func theDeadlineEndsALongRun() async {
        let probe = ICMPEchoProbe(options: PingOptions(count: 10_000, intervalSeconds: 0.01, socket: .raw))
        let result = await probe.run("127.0.0.1", deadline: .after(seconds: 0.3))
        #expect(result.evidence.endedEarly)
        #expect(result.evidence.transmitted > 0 && result.evidence.transmitted < 10_000)
        #expect(result.outcome == .ok)
    }

    @Test(.enabled(if: rawSocketsAllowed, "no raw ICMP socket (needs CAP_NET_RAW)"))
    func cancellationEndsALongRun() async {
        let probe = ICMPEchoProbe(options: PingOptions(count: 10_000, intervalSeconds: 0.01, socket: .raw))
        let task = Task { await probe.run("127.0.0.1", deadline: .after(seconds: 120)) }
        try? await Task.sleep(for: .milliseconds(200))
        task.cancel()
        let result = await task.value
        #expect(result.evidence.endedEarly)
        #expect(result.evidence.transmitted < 10_000)
    }
}
