/// Watches the socket table while an operation (a TCP, TLS or HTTP probe) runs, and reports
/// the connections to `endpoints` that stayed in SYN_SENT: the evidence `check` needs to say
/// "packets are silently dropped" rather than just "timeout".
public struct SynSentWatcher: Sendable {
    public var table: SocketTable
    public var interval: Duration
    /// How long a connection must be seen in SYN_SENT to count as stuck.
    public var minimumSeconds: Double

    public init(table: SocketTable = SocketTable(), interval: Duration = .milliseconds(100), minimumSeconds: Double = 1) {
        self.table = table
        self.interval = interval
        self.minimumSeconds = minimumSeconds
    }

    /// Runs `operation` while a child task samples the table every `interval`; the sampling
    /// stops (after one last sample) as soon as the operation returns.
    public func watch<T: Sendable>(
        _ endpoints: [SocketEndpoint], during operation: @Sendable () async -> T
    ) async -> (result: T, evidence: SynSentEvidence) {
        let table = self.table
        let interval = self.interval
        return await withTaskGroup(of: (SynSentTracker, Bool).self) { group in
            group.addTask {
                let start = ContinuousClock.now
                var tracker = SynSentTracker(endpoints: endpoints)
                var available = true
                repeat {
                    let snapshot = table.read()
                    available = snapshot.available
                    let elapsed = ContinuousClock.now - start
                    tracker.observe(snapshot.entries, at: Double(elapsed.components.seconds)
                                    + Double(elapsed.components.attoseconds) / 1e18)
                    try? await Task.sleep(for: interval)
                } while !Task.isCancelled && available
                return (tracker, available)
            }
            let result = await operation()
            group.cancelAll()
            let (tracker, available) = await group.next() ?? (SynSentTracker(endpoints: endpoints), false)
            let evidence = SynSentEvidence(available: available, endpoints: endpoints, samples: tracker.samples,
                                           minimumSeconds: minimumSeconds, observed: tracker.observed,
                                           stuck: tracker.stuck(minimumSeconds: minimumSeconds))
            return (result, evidence)
        }
    }
}
