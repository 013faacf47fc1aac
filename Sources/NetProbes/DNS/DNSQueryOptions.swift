/// How a query is sent. Defaults are dig's (5 s per try, 3 UDP tries, EDNS0 with 1232 bytes);
/// `init(resolvConf:)` takes the system resolver's (timeout, attempts, use-vc).
public struct DNSQueryOptions: Sendable, Equatable {
    public var timeoutPerAttempt: Duration
    /// UDP tries before giving up (a TCP retry after truncation comes on top).
    public var attempts: Int
    /// Query over TCP only (dig +tcp).
    public var tcpOnly: Bool
    /// EDNS0 UDP payload size to advertise; nil sends no OPT record (then a server must
    /// truncate at 512 bytes and the client retries over TCP).
    public var ednsPayloadSize: UInt16?
    public var recursionDesired: Bool

    public init(timeoutPerAttempt: Duration = .seconds(5), attempts: Int = 3, tcpOnly: Bool = false,
                ednsPayloadSize: UInt16? = 1232, recursionDesired: Bool = true) {
        self.timeoutPerAttempt = timeoutPerAttempt
        self.attempts = max(1, attempts)
        self.tcpOnly = tcpOnly
        self.ednsPayloadSize = ednsPayloadSize
        self.recursionDesired = recursionDesired
    }

    public init(resolvConf: ResolvConf) {
        self.init(timeoutPerAttempt: .seconds(resolvConf.timeoutSeconds), attempts: resolvConf.attempts,
                  tcpOnly: resolvConf.useTCP, ednsPayloadSize: resolvConf.edns0 ? 1232 : nil)
    }
}
