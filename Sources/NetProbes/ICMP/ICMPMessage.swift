/// What an ICMP socket handed us, decoded: an echo reply, or an error message (destination
/// unreachable, time exceeded, …) about one of our echo requests.
public enum ICMPMessage: Sendable, Equatable {
    /// An echo reply. `nonce` is the first 8 payload bytes (nil when the payload is shorter).
    case echoReply(identifier: UInt16, sequence: UInt16, nonce: UInt64?, size: Int)
    /// An ICMP error quoting our echo request `identifier`/`sequence`.
    case error(ICMPErrorReport)
}
