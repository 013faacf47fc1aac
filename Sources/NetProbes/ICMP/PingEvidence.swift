/// What a ping run saw: which address and socket kind, every request's fate, and ping's
/// summary figures (transmitted, received, loss, rtt min/avg/max/mdev).
public struct PingEvidence: Sendable, Equatable, Codable {
    public var host: String
    /// Everything getaddrinfo returned, in its order.
    public var resolvedAddresses: [ResolvedAddress]
    /// The address pinged (the first of the requested family).
    public var address: ResolvedAddress?
    public var resolutionError: String?
    public var socketKind: ICMPSocketKind?
    /// Why the datagram socket was not used when the raw one was (e.g. EACCES: the caller's
    /// group is outside net.ipv4.ping_group_range), or why no socket could be opened.
    public var socketErrors: [ICMPSocketOpenError]
    public var options: PingOptions
    public var transmitted: Int
    public var received: Int
    public var duplicates: Int
    /// ICMP errors and send failures (ping's "+N errors").
    public var errors: Int
    public var lossPercent: Double
    public var rtt: RTTStatistics?
    public var replies: [PingReply]
    /// True when the overall deadline (or cancellation) ended the run before every request
    /// was sent and answered.
    public var endedEarly: Bool

    public init(host: String, options: PingOptions) {
        self.host = host
        self.resolvedAddresses = []
        self.socketErrors = []
        self.options = options
        self.transmitted = 0
        self.received = 0
        self.duplicates = 0
        self.errors = 0
        self.lossPercent = 0
        self.replies = []
        self.endedEarly = false
    }

    /// Fills the counters from a finished session.
    mutating func record(_ session: PingSession, completed: Bool) {
        replies = session.replies
        transmitted = session.sentCount
        received = session.received
        duplicates = session.duplicates
        errors = session.errors
        lossPercent = session.lossPercent
        rtt = session.statistics
        endedEarly = !completed
    }
}
