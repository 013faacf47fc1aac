/// Live events of a ping run, for output as ping prints it (the evidence has them all at the end).
public enum PingProgress: Sendable, Equatable {
    /// The address and socket kind chosen, before the first request is sent; `socketErrors`
    /// are the kinds that could not be opened first (a datagram socket refused, then raw used).
    case started(address: ResolvedAddress, socket: ICMPSocketKind, socketErrors: [ICMPSocketOpenError])
    /// One request's fate was settled (reply, timeout, ICMP error, send error, or a duplicate).
    case settled(PingReply)
}
