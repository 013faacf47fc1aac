@testable import Doctor
import NetProbes
import Testing

/// The public resolvers' grace after the main work: small, growing a little with a slow
/// network, and bounded so a silent resolver never holds a verdict by more than 0.15 s (50 ms once the
/// witnesses have had half a second) — and
/// none at all when every endpoint is healthy (the witnesses could only add a note).
@Suite
struct WitnessGraceTests {
    @Test
    func graceIsSmallAndBounded() {
        #expect(WitnessResolvers.grace(mainWorkTook: .zero) == .milliseconds(50))
        #expect(WitnessResolvers.grace(mainWorkTook: .milliseconds(400)) == .milliseconds(100))
        #expect(WitnessResolvers.grace(mainWorkTook: .milliseconds(480)) == .milliseconds(70))
        #expect(WitnessResolvers.grace(mainWorkTook: .seconds(8)) == .milliseconds(50))
        #expect(WitnessResolvers.grace(mainWorkTook: .seconds(8), decisive: false) == .zero)
    }

    /// Witnesses that never answer: a run with a failed layer gives them the grace, a healthy
    /// run none; both cancel them instead of waiting for their own timeouts.
    @Test(arguments: [true, false])
    func silentWitnessesHoldAVerdictOnlyByTheGraceAndOnlyWhenDecisive(decisive: Bool) async {
        let silent = Task { () -> [String: ProbeResult<ResolverComparisonEvidence>] in
            try? await Task.sleep(for: .seconds(30))
            return Task.isCancelled ? [:] : ["late": ProbeResult(target: "late", outcome: .ok,
                                                                  evidence: ResolverComparisonEvidence(name: "late", isPublicName: true, answers: [], platform: nil, flags: []),
                                                                  durationSeconds: 30)]
        }
        let start = ContinuousClock.now
        let settled = await WitnessResolvers(silent).settle(mainWorkTook: .milliseconds(400), decisive: decisive)
        let waited = ContinuousClock.now - start
        #expect(settled.isEmpty)
        #expect(waited >= WitnessResolvers.grace(mainWorkTook: .milliseconds(400), decisive: decisive) && waited < .seconds(10), "\(waited)")
    }
}
