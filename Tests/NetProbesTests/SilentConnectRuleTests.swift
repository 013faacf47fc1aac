import Foundation
import NIOConcurrencyHelpers
import NIOPosix
import Testing
@testable import NetProbes

/// `SilentConnectRule`: when an unanswered connect becomes a silent-port verdict, and the
/// board that passes the verdict to the run's other dials.
struct SilentConnectRuleTests {
    @Test func theRuleFollowsTheMeasuredRoundTrip() {
        let lan = SilentConnectRule(referenceRoundTripSeconds: 0.0002)
        #expect(abs(lan.suspectAfterSeconds - 0.15) < 1e-9)
        #expect(abs(lan.judgeAfterSeconds - 1.2004) < 1e-9)
        // 300 ms: the kernel's retransmitted SYN (1 s) is answered by 1.3 s; judged at 1.8 s.
        let far = SilentConnectRule(referenceRoundTripSeconds: 0.3)
        #expect(abs(far.suspectAfterSeconds - 0.9) < 1e-9 && abs(far.judgeAfterSeconds - 1.8) < 1e-9)
        #expect(far.judgeAfterSeconds > SilentConnectRule.initialRetransmission + 0.3)
        // Nothing measured: extra SYNs early, judgement as for a 500 ms path.
        let unknown = SilentConnectRule(referenceRoundTripSeconds: nil)
        #expect(abs(unknown.suspectAfterSeconds - 0.3) < 1e-9 && abs(unknown.judgeAfterSeconds - 2.2) < 1e-9)
    }

    @Test func theReferenceKeepsTheBestRoundTrip() {
        let reference = RoundTripReference()
        #expect(reference.seconds(ip: "10.0.0.1") == nil)
        reference.record(ip: "10.0.0.1", seconds: 0.3)
        reference.record(ip: "10.0.0.1", seconds: 0.1)
        reference.record(ip: "10.0.0.1", seconds: 0.2)
        reference.record(ip: "10.0.0.1", seconds: -1)
        #expect(reference.seconds(ip: "10.0.0.1") == 0.1)
        #expect(reference.seconds(ip: "10.0.0.2") == nil)
    }

    @Test func theBoardWakesWaitingDialsOnce() {
        let board = SilentPeerBoard()
        let woken = NSLock()
        nonisolated(unsafe) var calls: [String] = []
        board.whenSilent("10.0.0.1:443") { woken.withLock { calls.append("first") } }
        board.whenSilent("10.0.0.2:443") { woken.withLock { calls.append("other") } }
        #expect(board.silentAfter("10.0.0.1:443") == nil)
        board.judgeSilent("10.0.0.1:443", afterSeconds: 1.2)
        board.judgeSilent("10.0.0.1:443", afterSeconds: 3)
        #expect(board.silentAfter("10.0.0.1:443") == 1.2)
        board.whenSilent("10.0.0.1:443") { woken.withLock { calls.append("late") } }
        #expect(woken.withLock { calls } == ["first", "late"])
    }

    /// A real silent port on loopback: a listener whose accept queue is full (backlog 0, one
    /// connection never accepted) drops further SYNs without an answer, as a firewall's DROP
    /// does. The probe judges it silent after the rule's time instead of its 5 s limit, with
    /// four SYNs sent, and posts it to the board.
    @Test func aFullAcceptQueueIsJudgedSilent() async throws {
        let listener = try TCPLoopbackTests.Listener(.hold, backlog: 0)
        defer { listener.stop() }
        let port = listener.port
        // Fill the accept queue: this connection is never accepted.
        let filler = try await ClientBootstrap(group: MultiThreadedEventLoopGroup.singleton).connect(host: "127.0.0.1", port: port).get()
        defer { filler.close(promise: nil) }
        try await Task.sleep(for: .milliseconds(50))

        let board = SilentPeerBoard()
        let reference = RoundTripReference()
        reference.record(ip: "127.0.0.1", seconds: 0.0001)
        var probe = TCPConnectProbe(attemptTimeout: .seconds(5), watchWindow: .milliseconds(100), tellResetOrigins: false)
        let suspects = SuspectLog()
        probe.silence = SilentConnectJudging(roundTrips: reference, board: board, onSuspect: suspects.record)
        let result = await probe.run(HostPort(host: "127.0.0.1", port: port), deadline: .after(seconds: 10))
        let attempt = try #require(result.evidence.attempts.first)
        #expect(suspects.ips == ["127.0.0.1"], "the connect became suspect once, when its extra SYNs went out")
        #expect(result.outcome == .failed(FailureClass("timeout", "dial tcp 127.0.0.1:\(port): i/o timeout")), "\(result.outcome)")
        let judged = try #require(attempt.silentJudgement)
        #expect(judged.syns == SilentConnectRule.synsWhenSuspect)
        #expect(judged.afterMilliseconds >= 1200 && judged.afterMilliseconds < 5000, "\(judged)")
        #expect(judged.referenceRoundTripMilliseconds == 0.1)
        #expect(board.silentAfter("127.0.0.1:\(port)") != nil)

        // A dial of the run to the judged port gives up at once, in the go command's words.
        let dial = await HTTPDialer.dial(host: "127.0.0.1", port: port, silentPeers: board, deadline: .after(seconds: 5))
        #expect(dial.channel == nil)
        #expect(dial.attempts.map(\.errorClass) == ["timeout"])
        #expect(dial.attempts.first?.error == "dial tcp 127.0.0.1:\(port): i/o timeout")
        #expect((dial.attempts.first?.durationSeconds ?? 9) < 1)
    }

    /// A port that answers is never suspected (the endpoint run starts its early trace only on
    /// suspicion, so a healthy endpoint is never traced however loaded the machine is).
    @Test func anAnsweringPortIsNeverSuspected() async throws {
        let listener = try TCPLoopbackTests.Listener(.hold)
        defer { listener.stop() }
        let reference = RoundTripReference()
        reference.record(ip: "127.0.0.1", seconds: 0.0001)
        let suspects = SuspectLog()
        var probe = TCPConnectProbe(attemptTimeout: .seconds(5), watchWindow: .milliseconds(400), tellResetOrigins: false)
        probe.silence = SilentConnectJudging(roundTrips: reference, board: SilentPeerBoard(), onSuspect: suspects.record)
        let result = await probe.run(HostPort(host: "127.0.0.1", port: listener.port), deadline: .after(seconds: 10))
        #expect(result.outcome == .ok, "\(result.outcome)")
        #expect(suspects.ips.isEmpty, "\(suspects.ips)")
    }
}

/// The addresses a probe reported as suspect, in order.
private final class SuspectLog: Sendable {
    private let recorded = NIOLockedValueBox<[String]>([])

    var ips: [String] { recorded.withLockedValue { $0 } }

    @Sendable func record(_ ip: String) { recorded.withLockedValue { $0.append(ip) } }
}
