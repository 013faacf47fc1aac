/// What the socket table showed.
public struct SocketTableEvidence: Sendable, Codable, Equatable {
    /// False where there is no /proc/net/tcp (macOS).
    public var available: Bool
    /// The files read.
    public var sources: [String]
    public var entries: [SocketTableEntry]
    public var errors: [String]
}
