/// What one probe brought back (or that nothing did): the unit the trace state machine and
/// the evidence speak in.
public struct TraceAnswer: Sendable, Codable, Equatable, Hashable {
    public enum Kind: String, Sendable, Codable, Hashable {
        /// ICMP time exceeded: a router on the way, at this hop.
        case timeExceeded = "time-exceeded"
        /// ICMP echo reply: the destination (ICMP method).
        case echoReply = "echo-reply"
        /// ICMP port unreachable: the destination for UDP; for TCP a firewall's
        /// `REJECT --reject-with icmp-port-unreachable`.
        case portUnreachable = "icmp-port-unreachable"
        /// Any other ICMP destination unreachable (!H, !N, !X, …): the path ends here.
        case unreachable = "icmp-unreachable"
        /// The TCP handshake completed: something listens on the destination port.
        case synAck = "syn-ack"
        /// The SYN was answered with RST ("connection refused"), by the destination or a
        /// firewall speaking for it (`REJECT --reject-with tcp-reset`).
        case tcpReset = "tcp-reset"
    }

    public var kind: Kind
    /// The address that answered (the ICMP sender; for SYN-ACK and RST the destination).
    public var from: String
    /// ICMP type and code as received (ICMPv4 or ICMPv6 numbering), nil for TCP answers.
    public var icmpType: Int?
    public var icmpCode: Int?
    /// traceroute's mark for an unreachable answer ("!H", "!N", "!X", …), nil otherwise.
    public var annotation: String?

    public init(kind: Kind, from: String, icmpType: Int? = nil, icmpCode: Int? = nil, annotation: String? = nil) {
        self.kind = kind
        self.from = from
        self.icmpType = icmpType
        self.icmpCode = icmpCode
        self.annotation = annotation
    }

    /// True when probes with a larger TTL cannot tell more: the destination (or a firewall
    /// answering for the path) has spoken.
    public var endsPath: Bool { kind != .timeExceeded }
}
