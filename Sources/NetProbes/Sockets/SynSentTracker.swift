/// Accumulates socket-table samples taken during a probe and keeps the connections to the
/// probed endpoints that sat in SYN_SENT: a SYN that nobody answers, neither SYN-ACK nor RST
/// nor ICMP, is the signature of a silent drop (a firewall DROP, a blackhole route).
/// Pure over samples and times (unit-tested); `SynSentWatcher` feeds it from /proc.
public struct SynSentTracker: Sendable {
    public let endpoints: [SocketEndpoint]
    public private(set) var samples = 0
    private var seen: [String: StuckConnection] = [:]
    private var order: [String] = []

    public init(endpoints: [SocketEndpoint]) {
        self.endpoints = endpoints
    }

    /// Takes one sample of the table at `time` (seconds on any monotonic clock).
    public mutating func observe(_ entries: [SocketTableEntry], at time: Double) {
        samples += 1
        for entry in entries where entry.state == .synSent {
            let remote = SocketEndpoint(ip: SocketEndpoint.unmapped(entry.remoteAddress), port: entry.remotePort)
            guard endpoints.contains(remote) else { continue }
            let key = "\(entry.local)>\(entry.remote)#\(entry.inode)"
            if var known = seen[key] {
                known.lastSeenSeconds = time
                known.observations += 1
                known.retransmits = max(known.retransmits, entry.retransmits)
                seen[key] = known
            } else {
                order.append(key)
                seen[key] = StuckConnection(remote: remote, local: entry.local, inode: entry.inode, uid: entry.uid,
                                            firstSeenSeconds: time, lastSeenSeconds: time, observations: 1,
                                            retransmits: entry.retransmits)
            }
        }
    }

    /// Every SYN_SENT connection to an endpoint that was seen, first seen first.
    public var observed: [StuckConnection] { order.compactMap { seen[$0] } }

    /// Those that stayed in SYN_SENT for at least `minimumSeconds` (between first and last sample).
    public func stuck(minimumSeconds: Double) -> [StuckConnection] {
        observed.filter { $0.lastSeenSeconds - $0.firstSeenSeconds >= minimumSeconds }
    }
}
