/// What `SynSentWatcher` saw: every SYN_SENT connection to the endpoints, and the stuck ones
/// (in SYN_SENT for at least `minimumSeconds`). `available` is false where there is no
/// socket table (macOS).
public struct SynSentEvidence: Sendable, Codable, Equatable {
    public var available: Bool
    public var endpoints: [SocketEndpoint]
    public var samples: Int
    public var minimumSeconds: Double
    public var observed: [StuckConnection]
    public var stuck: [StuckConnection]
}
