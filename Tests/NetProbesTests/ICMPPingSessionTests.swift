import Testing
@testable import NetProbes
#if canImport(Glibc)
import Glibc
#endif

/// The ping bookkeeping: schedule, replies, ICMP errors, timeouts, late replies, duplicates,
/// and ping's statistics — all on explicit times, without a network.
struct ICMPPingSessionTests {
    static let ms: Int64 = 1_000_000

    @Test func scheduleRepliesErrorsTimeoutsAndDuplicates() throws {
        var session = PingSession(count: 3, intervalNanoseconds: 1000 * Self.ms, timeoutNanoseconds: 2000 * Self.ms)
        #expect(session.nextSendTime == .min, "the first request goes at once")
        session.recordSend(at: 0)
        #expect(session.nextSendTime == 1000 * Self.ms)
        #expect(session.nextWakeup == 1000 * Self.ms)
        let firstReply = session.recordReply(sequence: 1, at: 40 * Self.ms, ttl: 63, bytes: 64, from: "10.77.2.2")
        let first = try #require(firstReply)
        #expect(first.status == .reply && first.rttMilliseconds == 40 && first.ttl == 63)
        #expect(session.recordReply(sequence: 9, at: 41 * Self.ms, ttl: 63, bytes: 64, from: "10.77.2.2") == nil, "never sent")

        session.recordSend(at: 1000 * Self.ms)
        let report = ICMPErrorReport(family: .ipv4, type: 3, code: 1, identifier: 1, sequence: 2, reporter: "10.77.1.2")
        #expect(session.recordError(report, sequence: 2)?.detail == "Destination Host Unreachable")
        #expect(session.recordError(report, sequence: 2) == nil, "only a pending request takes an error")

        session.recordSend(at: 2000 * Self.ms)
        #expect(session.allSent && session.nextSendTime == nil)
        #expect(session.nextWakeup == 4000 * Self.ms, "the pending request's timeout")
        #expect(session.expire(now: 4000 * Self.ms).isEmpty, "exactly at the timeout it still counts")
        #expect(session.expire(now: 4001 * Self.ms).map(\.sequence) == [3])
        #expect(session.isFinished)
        let lateReply = session.recordReply(sequence: 3, at: 5000 * Self.ms, ttl: 63, bytes: 64, from: "10.77.2.2")
        let late = try #require(lateReply)
        #expect(late.status == .timeout && late.lateRTTMilliseconds == 3000)
        let duplicateReply = session.recordReply(sequence: 1, at: 60 * Self.ms, ttl: 63, bytes: 64, from: "10.77.2.2")
        let duplicate = try #require(duplicateReply)
        #expect(duplicate.duplicates == 1)

        #expect(session.sentCount == 3 && session.received == 1 && session.errors == 1 && session.duplicates == 1)
        #expect(abs(session.lossPercent - 200.0 / 3) < 1e-9)
        let statistics = try #require(session.statistics)
        #expect(statistics.minMilliseconds == 40 && statistics.maxMilliseconds == 60, "duplicates count in rtt, as in ping")
    }

    /// ping -A, as check uses it: the next request when the previous one is answered (never
    /// closer than the floor), the regular interval while one is outstanding or was lost.
    @Test func adaptiveSendsOnTheAnswer() {
        var session = PingSession(count: 4, intervalNanoseconds: 200 * Self.ms, timeoutNanoseconds: 1000 * Self.ms, adaptive: true)
        session.recordSend(at: 0)
        #expect(session.nextSendTime == 200 * Self.ms, "outstanding: the regular interval")
        session.recordReply(sequence: 1, at: 30 * Self.ms, ttl: 64, bytes: 64, from: nil)
        #expect(session.nextSendTime == 30 * Self.ms, "answered after 30 ms: the next goes then")
        session.recordSend(at: 30 * Self.ms)
        session.recordReply(sequence: 2, at: 30 * Self.ms + 100_000, ttl: 64, bytes: 64, from: nil)
        #expect(session.nextSendTime == 30 * Self.ms + PingSession.adaptiveFloor, "a 0.1 ms answer: the floor")
        session.recordSend(at: 32 * Self.ms)
        #expect(session.expire(now: 1033 * Self.ms).map(\.sequence) == [3])
        #expect(session.nextSendTime == 232 * Self.ms, "lost: the regular interval, not the answer's time")
        var regular = PingSession(count: 2, intervalNanoseconds: 200 * Self.ms, timeoutNanoseconds: 1000 * Self.ms)
        regular.recordSend(at: 0)
        regular.recordReply(sequence: 1, at: 30 * Self.ms, ttl: 64, bytes: 64, from: nil)
        #expect(regular.nextSendTime == 200 * Self.ms, "without -A the interval holds")
    }

    @Test func sendFailuresAndAbandonedRequests() {
        var session = PingSession(count: 2, intervalNanoseconds: 10 * Self.ms, timeoutNanoseconds: 100 * Self.ms)
        session.recordSendFailure(at: 0, errno: ENETUNREACH)
        session.recordSend(at: 10 * Self.ms)
        #expect(session.hasPending && !session.isFinished)
        session.abandonPending()
        #expect(session.replies.map(\.status) == [.sendError, .timeout])
        #expect(session.replies.first?.detail == "sendmsg: ENETUNREACH: Network is unreachable")
        #expect(session.lossPercent == 100 && session.errors == 1 && session.statistics == nil)
    }

    @Test func sequenceNumbersWrapLikeTheWire() {
        var session = PingSession(count: 65537, intervalNanoseconds: 0, timeoutNanoseconds: Self.ms)
        for time in 0..<65537 { session.recordSend(at: Int64(time)) }
        // Wire sequence 1 now names request 65537 (the latest), not request 1.
        #expect(session.recordReply(sequence: 1, at: 65537, ttl: nil, bytes: 64, from: nil)?.sequence == 65537)
        #expect(session.recordReply(sequence: 65535, at: 65537, ttl: nil, bytes: 64, from: nil)?.sequence == 65535)
        #expect(session.expire(now: Self.ms + 65536).count == 65535, "the rest time out")
        #expect(session.isFinished && session.received == 2)
    }

    @Test func outOfOrderSettlingKeepsTheTimeoutSchedule() {
        var session = PingSession(count: 3, intervalNanoseconds: 10, timeoutNanoseconds: 100)
        session.recordSend(at: 0)
        session.recordSend(at: 10)
        session.recordSend(at: 20)
        session.recordReply(sequence: 2, at: 30, ttl: nil, bytes: 64, from: nil)
        #expect(session.nextWakeup == 100, "request 1 still pending")
        session.recordReply(sequence: 1, at: 40, ttl: nil, bytes: 64, from: nil)
        #expect(session.nextWakeup == 120, "now request 3")
        #expect(session.expire(now: 115).isEmpty)
        #expect(session.expire(now: 121).map(\.sequence) == [3])
        #expect(session.isFinished && session.nextWakeup == nil)
    }

    @Test func statisticsAsPingComputesThem() throws {
        let statistics = try #require(RTTStatistics(samplesMilliseconds: [10, 20, 30]))
        #expect(statistics.minMilliseconds == 10 && statistics.avgMilliseconds == 20 && statistics.maxMilliseconds == 30)
        // mdev = sqrt(mean(t²) − mean(t)²) = sqrt(1400/3 − 400)
        #expect(abs(statistics.mdevMilliseconds - (1400.0 / 3 - 400).squareRoot()) < 1e-9)
        #expect(RTTStatistics(samplesMilliseconds: [5])?.mdevMilliseconds == 0)
        #expect(RTTStatistics(samplesMilliseconds: []) == nil)
        #expect(RTTStatistics.lossPercent(transmitted: 100, received: 80) == 20)
        #expect(RTTStatistics.lossPercent(transmitted: 0, received: 0) == 0)
    }

    @Test func outcomeClassification() {
        var evidence = PingEvidence(host: "h", options: PingOptions())
        evidence.address = ResolvedAddress(ip: "10.77.2.2", family: .ipv4)
        evidence.transmitted = 2
        #expect(ICMPEchoProbe.outcome(evidence).failure?.code == "timeout")
        var unreachable = PingReply(sequence: 1, status: .icmpError)
        unreachable.icmpError = ICMPErrorReport(family: .ipv4, type: 3, code: 1, identifier: 1, sequence: 1, reporter: "10.77.1.2")
        unreachable.from = "10.77.1.2"
        unreachable.detail = "Destination Host Unreachable"
        evidence.replies = [unreachable]
        #expect(ICMPEchoProbe.outcome(evidence) == .failed(FailureClass("unreachable", "From 10.77.1.2 icmp_seq=1 Destination Host Unreachable")))
        evidence.received = 1
        #expect(ICMPEchoProbe.outcome(evidence) == .ok)

        var blocked = PingEvidence(host: "h", options: PingOptions())
        var session = PingSession(count: 1, intervalNanoseconds: 0, timeoutNanoseconds: 1)
        session.recordSendFailure(at: 0, errno: EPERM)
        blocked.record(session, completed: true)
        #expect(ICMPEchoProbe.outcome(blocked).failure?.code == "blocked", "a local firewall, not the network")
        session = PingSession(count: 1, intervalNanoseconds: 0, timeoutNanoseconds: 1)
        session.recordSendFailure(at: 0, errno: ENETUNREACH)
        blocked.record(session, completed: true)
        #expect(ICMPEchoProbe.outcome(blocked).failure?.code == "unreachable")
    }
}
