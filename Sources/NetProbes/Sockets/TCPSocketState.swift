/// The kernel's TCP states as /proc/net/tcp numbers them (include/net/tcp_states.h), named
/// the way netstat prints them.
public enum TCPSocketState: String, Sendable, Codable, Hashable, CaseIterable {
    case established = "ESTABLISHED"
    case synSent = "SYN_SENT"
    case synReceived = "SYN_RECV"
    case finWait1 = "FIN_WAIT1"
    case finWait2 = "FIN_WAIT2"
    case timeWait = "TIME_WAIT"
    case closed = "CLOSE"
    case closeWait = "CLOSE_WAIT"
    case lastAck = "LAST_ACK"
    case listen = "LISTEN"
    case closing = "CLOSING"
    case newSynReceived = "NEW_SYN_RECV"

    /// The state for the `st` column (1…12).
    public init?(code: Int) {
        let ordered: [TCPSocketState] = [.established, .synSent, .synReceived, .finWait1, .finWait2, .timeWait,
                                         .closed, .closeWait, .lastAck, .listen, .closing, .newSynReceived]
        guard (1...ordered.count).contains(code) else { return nil }
        self = ordered[code - 1]
    }

    /// Accepts "syn-sent", "SYN_SENT", "synsent", "listen" … (command-line spelling).
    public init?(argument: String) {
        let wanted = argument.uppercased().replacingOccurrences(of: "-", with: "_")
        let squeezed = wanted.replacingOccurrences(of: "_", with: "")
        guard let state = Self.allCases.first(where: {
            $0.rawValue == wanted || $0.rawValue.replacingOccurrences(of: "_", with: "") == squeezed
        }) else { return nil }
        self = state
    }
}
