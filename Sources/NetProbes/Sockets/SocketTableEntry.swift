/// One line of /proc/net/tcp or /proc/net/tcp6: the netstat view of a TCP socket.
public struct SocketTableEntry: Sendable, Codable, Equatable, Hashable {
    /// The `tr` column: which timer runs on the socket.
    public enum TimerKind: String, Sendable, Codable, Hashable {
        case none, retransmit, keepalive, timeWait = "time-wait", zeroWindowProbe = "zero-window-probe", other

        init(code: Int) {
            switch code {
            case 0: self = .none
            case 1: self = .retransmit
            case 2: self = .keepalive
            case 3: self = .timeWait
            case 4: self = .zeroWindowProbe
            default: self = .other
            }
        }
    }

    /// The file the line came from: ipv4 for tcp, ipv6 for tcp6 (which also lists
    /// IPv4-mapped sockets, "::ffff:10.0.0.1").
    public var family: AddressFamily
    public var localAddress: String
    public var localPort: Int
    public var remoteAddress: String
    public var remotePort: Int
    public var state: TCPSocketState
    public var transmitQueue: Int
    public var receiveQueue: Int
    public var timer: TimerKind
    /// When the timer fires, in clock ticks (`tm->when`, USER_HZ units).
    public var timerTicks: Int
    /// Retransmissions of the unacknowledged segment (for SYN_SENT: SYNs resent).
    public var retransmits: Int
    public var uid: Int
    /// Unanswered zero-window / keepalive probes (the `timeout` column).
    public var probes: Int
    /// The socket's inode (matches /proc/<pid>/fd links "socket:[inode]"); 0 once orphaned.
    public var inode: Int

    public init(family: AddressFamily, localAddress: String, localPort: Int, remoteAddress: String, remotePort: Int,
                state: TCPSocketState, transmitQueue: Int = 0, receiveQueue: Int = 0, timer: TimerKind = .none,
                timerTicks: Int = 0, retransmits: Int = 0, uid: Int = 0, probes: Int = 0, inode: Int = 0) {
        self.family = family
        self.localAddress = localAddress
        self.localPort = localPort
        self.remoteAddress = remoteAddress
        self.remotePort = remotePort
        self.state = state
        self.transmitQueue = transmitQueue
        self.receiveQueue = receiveQueue
        self.timer = timer
        self.timerTicks = timerTicks
        self.retransmits = retransmits
        self.uid = uid
        self.probes = probes
        self.inode = inode
    }

    /// `addr:port` / `[v6]:port`, as netstat prints them.
    public var local: String { Self.join(localAddress, localPort) }
    public var remote: String { Self.join(remoteAddress, remotePort) }

    static func join(_ address: String, _ port: Int) -> String {
        address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
    }
}
