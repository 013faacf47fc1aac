/// How a trace elicits answers from the routers on the way: the three classic traceroute
/// methods. TCP SYN is the default of `gomod-doctor trace` because ICMP and UDP are often
/// filtered or routed differently from the HTTPS traffic the go command sends.
public enum TraceMethod: String, Sendable, Codable, Hashable, CaseIterable {
    /// UDP datagrams to high ports (traceroute's default); the destination answers with
    /// ICMP port unreachable. Unprivileged (IP_RECVERR).
    case udp
    /// ICMP echo requests (`traceroute -I`, mtr's default); the destination answers with an
    /// echo reply. Over the datagram ICMP socket with IP_RECVERR where net.ipv4.ping_group_range
    /// allows it, a raw socket (root or CAP_NET_RAW) otherwise.
    case icmp
    /// TCP connection attempts (SYN) to one port (`traceroute -T`, `-M tcpconn`); the
    /// destination answers SYN-ACK or RST. Unprivileged (IP_RECVERR on the connecting socket).
    case tcp

    /// The port probed when none is given: 33434 (the first of traceroute's UDP ports), 443 for TCP.
    public var defaultPort: Int? {
        switch self {
        case .udp: 33434
        case .icmp: nil
        case .tcp: 443
        }
    }
}
