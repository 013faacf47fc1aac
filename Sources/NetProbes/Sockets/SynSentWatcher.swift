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

    /// Runs `operation` and samples the table until it returns (at least once after it started).
    public func watch<T: Sendable>(
        _ endpoints: [SocketEndpoint], during operation: @escaping @Sendable () async -> T
    ) async -> (result: T, evidence: SynSentEvidence) {
        let table = self.table
        let interval = self.interval
        return await withTaskGroup(of: SynSentWatchPart<T>.self) { group in
            group.addTask { .result(await operation()) }
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
                return .tracker(tracker, available: available)
            }
            var result: T?
            var evidence: SynSentEvidence?
            while let part = await group.next() {
                switch part {
                case .result(let value):
                    result = value
                    group.cancelAll()
                case .tracker(let tracker, let available):
                    evidence = SynSentEvidence(available: available, endpoints: endpoints, samples: tracker.samples,
                                               minimumSeconds: minimumSeconds, observed: tracker.observed,
                                               stuck: tracker.stuck(minimumSeconds: minimumSeconds))
                }
            }
            // Both children always return a part; the fallbacks only satisfy the compiler.
            guard let result else { fatalError("SynSentWatcher: the watched operation returned nothing") }
            return (result, evidence ?? SynSentEvidence(available: false, endpoints: endpoints, samples: 0,
                                                        minimumSeconds: minimumSeconds, observed: [], stuck: []))
        }
    }
}

/// What the watcher saw: every SYN_SENT connection to the endpoints, and the stuck ones.
public struct SynSentEvidence: Sendable, Codable, Equatable {
    public var available: Bool
    public var endpoints: [SocketEndpoint]
    public var samples: Int
    public var minimumSeconds: Double
    public var observed: [StuckConnection]
    public var stuck: [StuckConnection]
}

/// One child's result inside `SynSentWatcher.watch`.
enum SynSentWatchPart<T: Sendable>: Sendable {
    case result(T)
    case tracker(SynSentTracker, available: Bool)
}
