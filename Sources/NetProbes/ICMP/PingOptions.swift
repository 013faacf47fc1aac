/// How to ping: ping's -c, -i, -W, -s, -4/-6, and which socket kind to use.
public struct PingOptions: Sendable, Equatable, Codable {
    public enum SocketChoice: String, Sendable, Codable {
        /// The datagram socket where the kernel allows it, the raw socket otherwise (as ping does).
        case automatic
        case datagram
        case raw
    }

    /// Echo requests to send (-c).
    public var count: Int
    /// Seconds between requests (-i).
    public var intervalSeconds: Double
    /// Seconds to wait for each reply (-W); a later reply counts as lost.
    public var timeoutSeconds: Double
    /// ICMP payload bytes (-s), at least 8 (the nonce).
    public var payloadSize: Int
    /// Only this family's addresses (-4 / -6); nil: the first address getaddrinfo returns.
    public var family: AddressFamily?
    public var socket: SocketChoice
    /// Adaptive (ping -A): the next request goes as soon as the previous one is answered (at
    /// most one unanswered in the network, never closer than `PingSession.adaptiveFloor`), and
    /// `intervalSeconds` apart only while an answer is outstanding. check uses it so its few
    /// echo requests take a few round trips, not a fixed 0.2 s each.
    public var adaptive: Bool

    public init(count: Int = 4, intervalSeconds: Double = 1, timeoutSeconds: Double = 2,
                payloadSize: Int = ICMPEchoRequest.defaultPayloadSize, family: AddressFamily? = nil,
                socket: SocketChoice = .automatic, adaptive: Bool = false) {
        self.count = count
        self.intervalSeconds = intervalSeconds
        self.timeoutSeconds = timeoutSeconds
        self.payloadSize = payloadSize
        self.family = family
        self.socket = socket
        self.adaptive = adaptive
    }

    /// Evidence saved before `adaptive` existed decodes as not adaptive.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        count = try container.decode(Int.self, forKey: .count)
        intervalSeconds = try container.decode(Double.self, forKey: .intervalSeconds)
        timeoutSeconds = try container.decode(Double.self, forKey: .timeoutSeconds)
        payloadSize = try container.decode(Int.self, forKey: .payloadSize)
        family = try container.decodeIfPresent(AddressFamily.self, forKey: .family)
        socket = try container.decode(SocketChoice.self, forKey: .socket)
        adaptive = try container.decodeIfPresent(Bool.self, forKey: .adaptive) ?? false
    }
}
