/// One connect to one address: how it ended, how long it took, and what the server did in the
/// moment after (a server or middlebox that accepts and then resets shows up only there).
public struct TCPConnectAttempt: Sendable, Equatable, Codable {
    /// Bounded result, usable as a metric label.
    public enum Result: String, Sendable, Codable, CaseIterable {
        case ok
        /// RST in answer to the SYN (ECONNREFUSED) from the server itself: nothing listens.
        /// Without the privilege to see the RST (`resetOrigin`), also a firewall's REJECT
        /// with tcp-reset: connect(2) reports both alike.
        case refused
        /// No answer before the attempt's time limit (silent drop, blackhole).
        case timeout
        /// ICMP unreachable or no route (EHOSTUNREACH, ENETUNREACH, EADDRNOTAVAIL, ENETDOWN).
        case unreachable
        /// Reset by something other than a closed port: the connection was accepted and then
        /// reset (ECONNRESET, by the server or a middlebox), or the RST to the SYN was made by a
        /// device in front of the server (`resetOrigin`).
        case reset
        /// The local host refused to send (EPERM / EACCES: a local firewall rule).
        case blocked
        case error
    }

    /// What the server did right after the handshake, within the watch window.
    public enum AfterConnect: String, Sendable, Codable {
        /// Nothing: the usual for HTTP and TLS servers, which wait for the client.
        case quiet
        /// It sent data first (a banner).
        case data
        /// It closed the connection cleanly (FIN).
        case closed
        /// It reset the connection (RST).
        case reset
    }

    public var address: ResolvedAddress
    public var port: Int
    /// Position in the happy-eyeballs order (0 = tried first).
    public var order: Int
    public var result: Result
    /// The errno behind a failure ("ECONNREFUSED: Connection refused").
    public var errno: String?
    /// Until the handshake completed (ok, reset) or the attempt failed.
    public var connectMilliseconds: Double
    public var afterConnect: AfterConnect?
    public var bytesReceived: Int?
    /// Where the RST of a refused connect came from (privileged runs only).
    public var resetOrigin: ResetOrigin?
    /// The failure as the go command words it ("dial tcp 10.77.2.2:443: connect: connection refused").
    public var detail: String?
    /// Set when the port was judged silent early (`SilentConnectRule`) rather than at the time limit.
    public var silentJudgement: SilentJudgement?

    /// How a silent port was judged: SYNs sent, none answered, after how long, against which round trip.
    public struct SilentJudgement: Sendable, Equatable, Codable {
        /// Connects started (each SYN also retransmitted by the kernel).
        public var syns: Int
        public var afterMilliseconds: Double
        /// The ICMP round trip to the address the judgement used; nil when none was measured (500 ms assumed).
        public var referenceRoundTripMilliseconds: Double?

        public init(syns: Int, afterMilliseconds: Double, referenceRoundTripMilliseconds: Double?) {
            self.syns = syns
            self.afterMilliseconds = afterMilliseconds
            self.referenceRoundTripMilliseconds = referenceRoundTripMilliseconds
        }
    }

    public init(address: ResolvedAddress, port: Int, order: Int, result: Result, connectMilliseconds: Double) {
        self.address = address
        self.port = port
        self.order = order
        self.result = result
        self.connectMilliseconds = connectMilliseconds
    }

    /// `10.77.2.2:443` or `[fd77::2]:443`.
    public var endpoint: String { address.withPort(port) }
}
