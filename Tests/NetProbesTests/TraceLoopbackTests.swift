import Testing
@testable import NetProbes

/// The trace probe end to end over loopback only (127.0.0.1 answers at hop 1): the real
/// sockets, the deadline and cancellation. Paths through routers are in the lab tests.
struct TraceLoopbackTests {
    @Test func udpTraceReachesLoopbackAtHopOne() async {
        let probe = TraceProbe(configuration: TraceConfiguration(method: .udp, maxTTL: 4, cycles: 2, resolveNames: false))
        let result = await probe.run("127.0.0.1", deadline: .after(seconds: 20))
        #expect(result.outcome == .ok)
        #expect(result.evidence.hops.map(\.addresses) == [["127.0.0.1"]])
        #expect(result.evidence.lastAnswer?.kind == .portUnreachable)
        #expect(result.evidence.hops.first?.statistics.sent == 2)
        #expect(result.evidence.mechanism == "ip-recverr")
    }

    @Test func theDeadlineEndsTheRoundsEarly() async {
        // Rounds at 0, 5 and 10 s; the deadline at 1 s lets only the first one out.
        let configuration = TraceConfiguration(method: .tcp, port: 9, maxTTL: 2, cycles: 3, intervalSeconds: 5, resolveNames: false)
        let result = await TraceProbe(configuration: configuration).run("127.0.0.1", deadline: .after(seconds: 1))
        #expect(result.evidence.hops.first?.statistics.sent == 1)
        #expect(result.evidence.endHop == 1)
    }

    @Test func cancellationEndsTheTrace() async {
        let configuration = TraceConfiguration(method: .udp, maxTTL: 2, cycles: 50, intervalSeconds: 1, resolveNames: false)
        let task = Task { await TraceProbe(configuration: configuration).run("127.0.0.1", deadline: .after(seconds: 120)) }
        try? await Task.sleep(for: .milliseconds(300))
        task.cancel()
        let result = await task.value
        #expect((result.evidence.hops.first?.statistics.sent ?? 0) < 50)
    }

    @Test func noAddressOfTheAskedFamilyIsEvidenceNotAnError() async {
        // A literal: nothing is looked up, and it has no IPv6 form.
        let result = await TraceProbe(configuration: TraceConfiguration(resolveNames: false, family: .ipv6))
            .run("127.0.0.1", deadline: .after(seconds: 10))
        #expect(result.outcome.failure?.code == "resolve")
        #expect(result.evidence.address == nil)
        #expect(result.evidence.hops.isEmpty)
    }
}
