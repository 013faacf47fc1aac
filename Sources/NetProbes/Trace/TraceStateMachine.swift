/// The trace as an explicit state machine (DESIGN habit 8), pure over time and answers so it
/// is unit-testable without a network: it plans rounds of probes (every TTL at once), takes
/// the answers the transport reads, expires probes that waited too long, learns where the
/// path ends, and finally summarises the hops.
///
/// Time is seconds on any monotonic clock the caller chooses. Probe ids are unique per trace.
public struct TraceStateMachine: Sendable {
    /// A probe the transport must send now.
    public struct PlannedProbe: Sendable, Equatable {
        public var id: Int
        public var ttl: Int
        public var cycle: Int
    }

    /// What the driver does next.
    public enum Step: Sendable, Equatable {
        case send([PlannedProbe])
        /// Read answers until this time (or an earlier answer), then ask again.
        case wait(until: Double)
        case finished
    }

    enum Phase: Sendable, Equatable {
        case probing(cycle: Int, at: Double)
        case draining
        case finished
    }

    struct ProbeRecord: Sendable {
        var ttl: Int
        var cycle: Int
        var sentAt: Double
        var answer: TraceAnswer?
        var rttMs: Double?
        var expired = false
        var isPending: Bool { answer == nil && !expired }
    }

    public let configuration: TraceConfiguration
    /// The traced address, to tell the destination's answers from a firewall's.
    public let destination: String
    private(set) var phase: Phase
    private(set) var probes: [Int: ProbeRecord] = [:]
    private var nextID = 0
    /// The smallest TTL whose answer ended the path.
    public private(set) var endTTL: Int?

    public init(configuration: TraceConfiguration, destination: String, startingAt now: Double) {
        self.configuration = configuration
        self.destination = destination
        phase = configuration.cycles > 0 && configuration.firstTTL <= configuration.maxTTL
            ? .probing(cycle: 0, at: now) : .finished
    }

    /// The highest TTL still worth probing.
    var topTTL: Int { min(endTTL ?? configuration.maxTTL, configuration.maxTTL) }

    public func isPending(_ id: Int) -> Bool { probes[id]?.isPending ?? false }

    /// Expires every probe that has waited `probeTimeoutSeconds`; returns their ids.
    @discardableResult
    public mutating func expire(now: Double) -> [Int] {
        var expired: [Int] = []
        for (id, probe) in probes where probe.isPending && now >= probe.sentAt + configuration.probeTimeoutSeconds {
            probes[id]?.expired = true
            expired.append(id)
        }
        return expired.sorted()
    }

    /// The next thing to do at `now` (expires overdue probes first).
    public mutating func next(now: Double) -> Step {
        expire(now: now)
        switch phase {
        case .finished:
            return .finished
        case .probing(let cycle, let at):
            let early = configuration.advanceWhenAnswered && cycle > 0 && earliestExpiry == nil
            guard now >= at || early else { return .wait(until: min(at, earliestExpiry ?? at)) }
            let start = early ? min(now, at) : at
            var planned: [PlannedProbe] = []
            for ttl in configuration.firstTTL...max(configuration.firstTTL, topTTL) {
                planned.append(PlannedProbe(id: nextID, ttl: ttl, cycle: cycle))
                probes[nextID] = ProbeRecord(ttl: ttl, cycle: cycle, sentAt: now)
                nextID += 1
            }
            phase = cycle + 1 < configuration.cycles
                ? .probing(cycle: cycle + 1, at: start + configuration.intervalSeconds) : .draining
            return .send(planned)
        case .draining:
            guard let expiry = earliestExpiry else {
                phase = .finished
                return .finished
            }
            return .wait(until: expiry)
        }
    }

    /// When the first probe that still matters (TTL ≤ the end of the path) times out.
    var earliestExpiry: Double? {
        probes.values.filter { $0.isPending && $0.ttl <= topTTL }
            .map { $0.sentAt + configuration.probeTimeoutSeconds }.min()
    }

    /// Records when probe `id` actually left (planning time is its default): round-trip times
    /// then exclude the time spent creating the probes sent before it in the same round.
    public mutating func sent(_ id: Int, at now: Double) {
        guard let probe = probes[id], probe.isPending else { return }
        probes[id]?.sentAt = max(probe.sentAt, now)
    }

    /// Records the answer to probe `id`; late, duplicate and unknown answers are ignored.
    public mutating func answered(_ id: Int, with answer: TraceAnswer, at now: Double) {
        guard let probe = probes[id], probe.isPending else { return }
        probes[id]?.answer = answer
        probes[id]?.rttMs = max(0, (now - probe.sentAt) * 1000)
        if answer.endsPath { endTTL = min(endTTL ?? Int.max, probe.ttl) }
    }

    /// Stops at once (deadline or cancellation): pending probes count as lost.
    public mutating func stop() {
        for (id, probe) in probes where probe.isPending { probes[id]?.expired = true }
        phase = .finished
    }

    public var isFinished: Bool { phase == .finished }
}
