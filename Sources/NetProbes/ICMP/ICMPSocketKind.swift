/// Which kind of socket carried the pings.
public enum ICMPSocketKind: String, Sendable, Codable, CaseIterable {
    /// SOCK_DGRAM + IPPROTO_ICMP / IPPROTO_ICMPV6 ("ping socket"): no privilege needed when the
    /// caller's group is inside net.ipv4.ping_group_range; the kernel picks the identifier and
    /// filters replies; errors arrive on the error queue (IP_RECVERR + MSG_ERRQUEUE).
    case datagram
    /// SOCK_RAW: needs CAP_NET_RAW; sees every ICMP packet, errors included.
    case raw
}
