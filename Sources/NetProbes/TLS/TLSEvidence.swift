import Foundation

/// What `gomod-doctor tls` saw (and what `check` keeps for a TLS endpoint).
public struct TLSEvidence: Sendable, Codable, Equatable {
    public var host: String
    public var port: Int
    /// The SNI and verification name (`--servername`, else the host).
    public var serverName: String
    public var addresses: [ResolvedAddress]
    public var connectAttempts: [ConnectAttempt]
    public var handshake: TLSHandshakeReport?
    public var verdict: ChainVerdict?
    public var trustRoots: TrustRootOrigin
    /// This machine's clock when verifying (a skewed clock makes valid certificates look
    /// expired or not yet valid).
    public var localTime: String
}
