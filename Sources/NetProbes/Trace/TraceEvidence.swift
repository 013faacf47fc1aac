/// What a trace saw, as printed by `gomod-doctor trace --json` and used by `check`.
/// Always encodable: a trace where nothing answers still yields hops (silent ones) and
/// `silentAfterHop`, never NaN or infinity.
public struct TraceEvidence: Sendable, Codable, Equatable {
    public var host: String
    /// The address traced (nil when the name did not resolve).
    public var address: String?
    public var family: AddressFamily?
    public var configuration: TraceConfiguration
    /// "ip-recverr" (UDP, TCP or datagram ICMP sockets reading ICMP errors from the error
    /// queue, no privileges) or "raw-socket" (ICMP method where the datagram socket is refused;
    /// root or CAP_NET_RAW).
    public var mechanism: String
    /// From the first TTL up to the destination, or up to the last hop that answered.
    public var hops: [TraceHop]
    public var reachedDestination: Bool
    /// The TTL at which the destination (or whatever ended the path) answered.
    public var endHop: Int?
    /// The answer that ended the trace (destination reply, RST, unreachable), or the last
    /// hop's time exceeded when the path went silent: tells DROP (silence after a hop) from
    /// REJECT (tcp-reset or icmp-port-unreachable at the end).
    public var lastAnswer: TraceAnswer?
    /// When nothing ended the path: the last TTL that answered (0 when none did); every TTL
    /// after it up to maxTTL stayed silent.
    public var silentAfterHop: Int?
    /// Local errors (socket refused, send failed), each once.
    public var errors: [String]

    public init(host: String, address: String?, family: AddressFamily?, configuration: TraceConfiguration,
                mechanism: String, hops: [TraceHop] = [], reachedDestination: Bool = false, endHop: Int? = nil,
                lastAnswer: TraceAnswer? = nil, silentAfterHop: Int? = nil, errors: [String] = []) {
        self.host = host
        self.address = address
        self.family = family
        self.configuration = configuration
        self.mechanism = mechanism
        self.hops = hops
        self.reachedDestination = reachedDestination
        self.endHop = endHop
        self.lastAnswer = lastAnswer
        self.silentAfterHop = silentAfterHop
        self.errors = errors
    }
}
