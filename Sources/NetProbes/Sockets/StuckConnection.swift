/// A connection seen in SYN_SENT during a probe.
public struct StuckConnection: Sendable, Codable, Equatable {
    public var remote: SocketEndpoint
    public var local: String
    public var inode: Int
    public var uid: Int
    public var firstSeenSeconds: Double
    public var lastSeenSeconds: Double
    public var observations: Int
    /// The most SYN retransmissions seen.
    public var retransmits: Int

    public var stayedSeconds: Double { lastSeenSeconds - firstSeenSeconds }
}
