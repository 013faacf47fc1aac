/// What a trace sends and how long it waits: the knobs of `gomod-doctor trace`.
public struct TraceConfiguration: Sendable, Codable, Equatable {
    public var method: TraceMethod
    /// TCP: the destination port. UDP: the first port (each probe uses the next one, so that
    /// every ICMP error names the probe it answers). Ignored for ICMP.
    public var port: Int
    public var firstTTL: Int
    public var maxTTL: Int
    /// Rounds of probes; every round probes all TTLs at once (mtr-style statistics need several).
    public var cycles: Int
    /// Seconds between the starts of two rounds. Default: 0.25 s for up to 5 rounds, 1 s
    /// (mtr's) beyond: Linux routers send ICMP errors to one peer at 1/s with a burst of 6
    /// (net.ipv4.icmp_ratelimit), so faster rounds would show rate limiting as loss.
    public var intervalSeconds: Double
    /// Start the next round as soon as every probe of the previous one (up to the end of the
    /// path) has answered, rather than at the interval — traceroute's pace. Default: on when
    /// the interval is not given and there are at most 5 rounds, which stays within the burst
    /// of 6 that Linux routers allow before their 1/s ICMP rate limit applies.
    public var advanceWhenAnswered: Bool
    /// Seconds a probe may wait for its answer before it counts as lost.
    public var probeTimeoutSeconds: Double
    /// Look up the name of each hop address (getnameinfo).
    public var resolveNames: Bool
    /// Restrict name resolution of the target to one family (nil: the first address getaddrinfo gives).
    public var family: AddressFamily?

    public init(method: TraceMethod = .tcp, port: Int? = nil, firstTTL: Int = 1, maxTTL: Int = 30, cycles: Int = 3,
                intervalSeconds: Double? = nil, advanceWhenAnswered: Bool? = nil, probeTimeoutSeconds: Double = 2,
                resolveNames: Bool = true, family: AddressFamily? = nil) {
        self.method = method
        self.port = port ?? method.defaultPort ?? 0
        self.firstTTL = firstTTL
        self.maxTTL = maxTTL
        self.cycles = cycles
        self.intervalSeconds = intervalSeconds ?? (cycles <= 5 ? 0.25 : 1)
        self.advanceWhenAnswered = advanceWhenAnswered ?? (intervalSeconds == nil && cycles <= 5)
        self.probeTimeoutSeconds = probeTimeoutSeconds
        self.resolveNames = resolveNames
        self.family = family
    }

    /// Time the probing itself can take at most (without name resolution): the rounds plus
    /// the wait for the last round's answers.
    public var worstCaseSeconds: Double {
        Double(max(cycles - 1, 0)) * intervalSeconds + probeTimeoutSeconds
    }
}
