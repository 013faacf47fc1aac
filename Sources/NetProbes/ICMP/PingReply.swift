/// What became of one echo request.
public struct PingReply: Sendable, Equatable, Codable {
    public enum Status: String, Sendable, Codable {
        /// Sent, no answer yet (only seen while the run is in progress).
        case pending
        /// An echo reply arrived within the per-reply timeout.
        case reply
        /// No reply within the timeout (a later reply is kept in `lateRTTMilliseconds`).
        case timeout
        /// An ICMP error (destination unreachable, time exceeded…) came back instead.
        case icmpError = "icmp-error"
        /// The kernel refused to send it (no route: ENETUNREACH, EHOSTUNREACH…).
        case sendError = "send-error"
    }

    /// icmp_seq, from 1 as ping counts.
    public var sequence: Int
    public var status: Status
    public var rttMilliseconds: Double?
    public var ttl: Int?
    /// ICMP bytes received (64 for a default echo reply).
    public var bytes: Int?
    /// Who answered: the target for a reply, the reporting router or host for an ICMP error.
    public var from: String?
    /// Copies of the reply beyond the first (ping's "DUP!").
    public var duplicates: Int
    /// Round trip of a reply that came after the timeout (the request still counts as lost).
    public var lateRTTMilliseconds: Double?
    public var icmpError: ICMPErrorReport?
    /// The ICMP error in ping's words, or the send error's text.
    public var detail: String?
    /// The errno of a send error (ENETUNREACH: no route; EPERM: a local firewall).
    public var sendErrno: Int32?

    public init(sequence: Int, status: Status) {
        self.sequence = sequence
        self.status = status
        self.duplicates = 0
    }
}
