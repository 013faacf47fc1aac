import NIOConcurrencyHelpers

/// When an unanswered connect is judged a silent drop instead of waited out. The go command
/// waits 30 s for a SYN-ACK; the kernel resends an unanswered SYN after its initial
/// retransmission timeout (1 s on Linux and macOS, RFC 6298), so a SYN lost on a lossy path
/// is normally answered about one second plus one round trip after the first send. The rule
/// sends more SYNs (separate connects, each retransmitted by the kernel) once the first goes
/// unanswered for several round trips, and judges the port silent only after the retransmission
/// round had time to come back:
///
///     suspect after  max(150 ms, 3 × RTT)        (RTT unknown: 300 ms)
///     judge after    1 s + 2 × RTT + 200 ms       (RTT unknown: 500 ms assumed, 2.2 s)
///
/// RTT is the reference round trip to the same address (ICMP echo, as it arrives). Without
/// one the extra SYNs still go early (they cost a closed connection each when the first
/// SYN is answered after all) but the judgement assumes a far, slow path. With four
/// SYNs each retransmitted once, a path losing 20 % of packets in each direction loses every
/// exchange with probability (1 − 0.8²)⁸ ≈ 3 × 10⁻⁴; a 300 ms path answers a retransmitted SYN
/// by 1.3 s, before the 1.8 s judgement.
public struct SilentConnectRule: Sendable, Equatable {
    /// SYNs in flight in all once the first is suspect (the first included).
    public static let synsWhenSuspect = 4
    /// The kernel's initial SYN retransmission timeout.
    public static let initialRetransmission = 1.0
    /// Assumed round trip when nothing measured one.
    public static let assumedRoundTrip = 0.5

    public var suspectAfterSeconds: Double
    public var judgeAfterSeconds: Double

    public init(referenceRoundTripSeconds rtt: Double?) {
        suspectAfterSeconds = max(0.15, 3 * max(0, rtt ?? 0.1))
        judgeAfterSeconds = Self.initialRetransmission + 2 * max(0, rtt ?? Self.assumedRoundTrip) + 0.2
    }
}

/// The best round trip measured so far to each address (ICMP echo replies, recorded as they
/// arrive): the reference `SilentConnectRule` judges a silent connect against.
public final class RoundTripReference: Sendable {
    private let best = NIOLockedValueBox<[String: Double]>([:])

    public init() {}

    public func record(ip: String, seconds: Double) {
        guard seconds >= 0 else { return }
        best.withLockedValue { best in best[ip] = min(best[ip] ?? seconds, seconds) }
    }

    public func seconds(ip: String) -> Double? {
        best.withLockedValue { $0[ip] }
    }
}

/// What a TCP probe needs to judge silent ports early: the round trips measured so far and
/// the run's board of silent ports (either may be absent), and whom to tell when a connect
/// becomes suspect.
public struct SilentConnectJudging: Sendable {
    public var roundTrips: RoundTripReference?
    public var board: SilentPeerBoard?
    /// Called with the address whose first SYN is still unanswered at the rule's suspicion
    /// time (when the extra SYNs go out): work that only a silent port needs, such as the
    /// path trace, starts from the connect's own evidence instead of a timer of its own.
    public var onSuspect: (@Sendable (_ ip: String) -> Void)?

    public init(roundTrips: RoundTripReference? = nil, board: SilentPeerBoard? = nil,
                onSuspect: (@Sendable (_ ip: String) -> Void)? = nil) {
        self.roundTrips = roundTrips
        self.board = board
        self.onSuspect = onSuspect
    }
}
