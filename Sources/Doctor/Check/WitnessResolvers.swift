import NetProbes

/// The public resolvers' side of check's DNS comparison, running beside the work the verdict
/// needs. Behind a firewall that silently drops DNS to the internet (most corporate networks)
/// they never answer; waiting out their timeouts made a healthy check take seconds longer than
/// the network needed. So they get a budget of their own: they have all the time the endpoint
/// probes and the fetches take — plus a short grace only when a layer failed, where a witness
/// can change the verdict — and are then cancelled. A resolver that did not answer by then is
/// reported as a timeout ("8.8.8.8 (public): timeout"), which the DNS rules treat as no
/// witness, never as the system resolver's fault.
struct WitnessResolvers: Sendable {
    let comparison: Task<[String: ProbeResult<ResolverComparisonEvidence>], Never>

    init(_ comparison: Task<[String: ProbeResult<ResolverComparisonEvidence>], Never>) {
        self.comparison = comparison
    }

    /// The grace after the main work: 50 ms plus an eighth of what the main work took, at
    /// most 0.15 s in all, and only 50 ms once the witnesses have had half a second. A resolver
    /// that is reachable at all answers within one round trip (plus its own recursion), and
    /// the witnesses started with the main work, which already spent several round trips
    /// (DNS, connect, TLS, first byte); so a slow network lengthens the grace a little while a
    /// silent resolver never holds the verdict by more than 0.15 s — and a verdict that took
    /// long to reach (a silent nameserver judged at 0.8 s) is not held further for witnesses
    /// that had all that time. Not decisive (every endpoint healthy): no grace.
    static func grace(mainWorkTook: Duration, decisive: Bool = true) -> Duration {
        guard decisive else { return .zero }
        let growing = Duration.milliseconds(50) + min(mainWorkTook / 8, .milliseconds(100))
        return min(growing, max(.milliseconds(50), .milliseconds(550) - mainWorkTook))
    }

    /// The comparison, once it is done or the grace after `mainWorkTook` has passed (then
    /// cancelled). `decisive`: whether the witnesses can change the verdict (some endpoint's
    /// layer failed: the DNS rules ask them which resolver would answer, or whether the
    /// system's answer is poisoned). When every endpoint is healthy they could only add a
    /// note, so what answered during the main work is taken and the rest is not waited for.
    func settle(mainWorkTook: Duration, decisive: Bool) async -> [String: ProbeResult<ResolverComparisonEvidence>] {
        let comparison = comparison
        let grace = Self.grace(mainWorkTook: mainWorkTook, decisive: decisive)
        if grace == .zero {
            comparison.cancel()
            return await comparison.value
        }
        let timer = Task {
            try? await Task.sleep(for: grace)
            if !Task.isCancelled { comparison.cancel() }
        }
        let result = await comparison.value
        timer.cancel()
        return result
    }
}
