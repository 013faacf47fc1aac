import Testing
@testable import NetProbes

struct TraceStateMachineTests {
    let destination = "10.77.4.2"

    func routerAnswer(_ hop: Int) -> TraceAnswer {
        TraceAnswer(kind: .timeExceeded, from: "10.77.\(hop).2", icmpType: 11, icmpCode: 0)
    }

    func sent(_ step: TraceStateMachine.Step) -> [TraceStateMachine.PlannedProbe] {
        if case .send(let probes) = step { return probes }
        Issue.record("expected .send, got \(step)")
        return []
    }

    @Test func firstRoundProbesEveryTTLAtOnceThenOnlyUpToTheDestination() {
        let configuration = TraceConfiguration(method: .udp, maxTTL: 8, cycles: 2, intervalSeconds: 0.5, probeTimeoutSeconds: 1)
        var machine = TraceStateMachine(configuration: configuration, destination: destination, startingAt: 0)
        let first = sent(machine.next(now: 0))
        #expect(first.map(\.ttl) == Array(1...8))
        #expect(Set(first.map(\.id)).count == 8)
        for probe in first {
            let answer = probe.ttl < 4 ? routerAnswer(probe.ttl)
                : TraceAnswer(kind: .portUnreachable, from: destination, icmpType: 3, icmpCode: 3)
            machine.answered(probe.id, with: answer, at: 0.001 * Double(probe.ttl))
        }
        #expect(machine.endTTL == 4)
        #expect(machine.next(now: 0.1) == .wait(until: 0.5))
        let second = sent(machine.next(now: 0.5))
        #expect(second.map(\.ttl) == [1, 2, 3, 4])
        #expect(second.allSatisfy { $0.cycle == 1 })
        for probe in second where probe.ttl != 2 {
            machine.answered(probe.id, with: probe.ttl == 4
                ? TraceAnswer(kind: .portUnreachable, from: destination) : routerAnswer(probe.ttl), at: 0.51)
        }
        // Hop 2's second probe is still out: wait for it to expire, then finish.
        #expect(machine.next(now: 0.6) == .wait(until: 1.5))
        #expect(machine.next(now: 1.5) == .finished)

        let hops = machine.hops()
        #expect(hops.map(\.ttl) == [1, 2, 3, 4])
        #expect(hops.map(\.addresses) == [["10.77.1.2"], ["10.77.2.2"], ["10.77.3.2"], [destination]])
        #expect(hops[1].statistics.sent == 2)
        #expect(hops[1].statistics.received == 1)
        #expect(hops[1].statistics.lossPercent == 50)
        #expect(hops[3].answerKinds == [.portUnreachable])
        #expect(machine.reachedDestination)
        #expect(machine.lastAnswer?.kind == .portUnreachable)
        #expect(machine.silentAfterHop == nil)
    }

    @Test func silenceAfterAHopIsReportedWithoutTheSilentTail() {
        let configuration = TraceConfiguration(method: .tcp, maxTTL: 6, cycles: 1, probeTimeoutSeconds: 1)
        var machine = TraceStateMachine(configuration: configuration, destination: destination, startingAt: 0)
        for probe in sent(machine.next(now: 0)) where probe.ttl <= 2 {
            machine.answered(probe.id, with: routerAnswer(probe.ttl), at: 0.01)
        }
        #expect(machine.next(now: 0.5) == .wait(until: 1))
        #expect(machine.next(now: 1) == .finished)
        #expect(machine.hops().map(\.ttl) == [1, 2])
        #expect(machine.silentAfterHop == 2)
        #expect(machine.endTTL == nil)
        #expect(!machine.reachedDestination)
        #expect(machine.lastAnswer == routerAnswer(2))
    }

    @Test func lateDuplicateAndUnknownAnswersAreIgnored() {
        let configuration = TraceConfiguration(method: .icmp, maxTTL: 2, cycles: 1, probeTimeoutSeconds: 1)
        var machine = TraceStateMachine(configuration: configuration, destination: destination, startingAt: 0)
        let probes = sent(machine.next(now: 0))
        machine.answered(probes[0].id, with: routerAnswer(1), at: 0.002)
        machine.answered(probes[0].id, with: routerAnswer(9), at: 0.003)
        machine.answered(999, with: routerAnswer(5), at: 0.003)
        #expect(machine.next(now: 1.2) == .finished)
        machine.answered(probes[1].id, with: TraceAnswer(kind: .echoReply, from: destination), at: 1.3)
        #expect(machine.hops().map(\.addresses) == [["10.77.1.2"]])
        #expect(machine.hops()[0].statistics.lastMs == 2)
    }

    @Test func roundTripTimesCountFromTheActualSend() {
        var machine = TraceStateMachine(configuration: TraceConfiguration(maxTTL: 1, cycles: 1), destination: destination, startingAt: 0)
        let probe = sent(machine.next(now: 0))[0]
        machine.sent(probe.id, at: 0.004)
        machine.answered(probe.id, with: routerAnswer(1), at: 0.005)
        #expect(abs((machine.hops()[0].statistics.lastMs ?? 0) - 1) < 1e-9)
        #expect(machine.endTTL == nil)
    }

    @Test func stopCountsPendingProbesAsLost() {
        var machine = TraceStateMachine(configuration: TraceConfiguration(maxTTL: 3, cycles: 5), destination: destination, startingAt: 0)
        let probes = sent(machine.next(now: 0))
        machine.answered(probes[0].id, with: routerAnswer(1), at: 0.01)
        machine.stop()
        #expect(machine.isFinished)
        #expect(machine.next(now: 0.02) == .finished)
        #expect(machine.hops().map(\.statistics.sent) == [1])
        #expect(machine.silentAfterHop == 1)
    }

    @Test func anUnreachableMarkEndsThePathWithoutReachingIt() {
        var machine = TraceStateMachine(configuration: TraceConfiguration(maxTTL: 5, cycles: 1), destination: destination, startingAt: 0)
        for probe in sent(machine.next(now: 0)) {
            let answer = probe.ttl == 1 ? routerAnswer(1)
                : TraceAnswer(kind: .unreachable, from: "10.77.2.2", icmpType: 3, icmpCode: 13, annotation: "!X")
            machine.answered(probe.id, with: answer, at: 0.01)
        }
        #expect(machine.next(now: 0.02) == .finished)
        #expect(machine.endTTL == 2)
        #expect(!machine.reachedDestination)
        #expect(machine.hops().last?.annotations == ["!X"])
    }

    @Test func answeredRoundsAdvanceAtOnceUnansweredOnesWaitForTheInterval() {
        var machine = TraceStateMachine(configuration: TraceConfiguration(method: .icmp, maxTTL: 2, cycles: 3),
                                        destination: destination, startingAt: 0)
        #expect(machine.configuration.advanceWhenAnswered)
        for probe in sent(machine.next(now: 0)) {
            machine.answered(probe.id, with: probe.ttl == 1 ? routerAnswer(1) : TraceAnswer(kind: .echoReply, from: destination), at: 0.001)
        }
        let second = sent(machine.next(now: 0.002))
        #expect(second.map(\.cycle) == [1, 1])
        machine.answered(second[0].id, with: routerAnswer(1), at: 0.003)
        // Hop 2's answer is missing: the third round keeps to the interval (0.002 + 0.25).
        #expect(machine.next(now: 0.004) == .wait(until: 0.252))
        #expect(sent(machine.next(now: 0.252)).map(\.cycle) == [2, 2])
        // With an explicit interval the rounds keep to it even when answered.
        #expect(!TraceConfiguration(cycles: 3, intervalSeconds: 0.25).advanceWhenAnswered)
        #expect(!TraceConfiguration(cycles: 6).advanceWhenAnswered)
    }

    @Test func nothingToProbeFinishesAtOnce() {
        var machine = TraceStateMachine(configuration: TraceConfiguration(firstTTL: 5, maxTTL: 4), destination: destination, startingAt: 0)
        #expect(machine.next(now: 0) == .finished)
        #expect(machine.hops().isEmpty)
        #expect(machine.silentAfterHop == 0)
    }
}

struct TraceConfigurationTests {
    @Test func defaultsFollowTheMethodAndTheRoundCount() {
        #expect(TraceConfiguration(method: .tcp).port == 443)
        #expect(TraceConfiguration(method: .udp).port == 33434)
        #expect(TraceConfiguration(method: .tcp, port: 8443).port == 8443)
        #expect(TraceConfiguration(cycles: 5).intervalSeconds == 0.25)
        #expect(TraceConfiguration(cycles: 6).intervalSeconds == 1)
        #expect(TraceConfiguration(cycles: 10, intervalSeconds: 0.1).intervalSeconds == 0.1)
        #expect(TraceConfiguration(cycles: 3, intervalSeconds: 0.5, probeTimeoutSeconds: 2).worstCaseSeconds == 3)
    }
}
