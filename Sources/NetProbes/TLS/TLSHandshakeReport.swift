import Foundation

/// What the handshake itself showed, before any trust decision: the evidence both the TLS
/// probe and the HTTP client keep.
public struct TLSHandshakeReport: Sendable, Codable, Equatable {
    /// The name sent as SNI (nil for an IP target: SNI carries no addresses).
    public var serverName: String?
    public var completed: Bool
    /// "TLSv1.3", "TLSv1.2", … from the ServerHello.
    public var protocolVersion: String?
    public var cipherSuite: String?
    /// The protocol agreed through ALPN ("h2", "http/1.1"), nil when none.
    public var alpn: String?
    /// The presented chain, leaf first.
    public var chain: [CertificateSummary]
    /// The raw DER of the chain, for verification (not encoded: the summaries say it all).
    public var chainDER: [[UInt8]]
    /// Handshake failure, classified: "handshake-timeout", "reset", "not-tls", "tls-alert", "handshake".
    public var failure: FailureClass?
    public var durationSeconds: Double

    enum CodingKeys: String, CodingKey {
        case serverName, completed, protocolVersion, cipherSuite, alpn, chain, failure, durationSeconds
    }

    public init(serverName: String?, completed: Bool, protocolVersion: String?, cipherSuite: String?, alpn: String?,
                chain: [CertificateSummary], chainDER: [[UInt8]], failure: FailureClass?, durationSeconds: Double) {
        self.serverName = serverName
        self.completed = completed
        self.protocolVersion = protocolVersion
        self.cipherSuite = cipherSuite
        self.alpn = alpn
        self.chain = chain
        self.chainDER = chainDER
        self.failure = failure
        self.durationSeconds = durationSeconds
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        serverName = try container.decodeIfPresent(String.self, forKey: .serverName)
        completed = try container.decode(Bool.self, forKey: .completed)
        protocolVersion = try container.decodeIfPresent(String.self, forKey: .protocolVersion)
        cipherSuite = try container.decodeIfPresent(String.self, forKey: .cipherSuite)
        alpn = try container.decodeIfPresent(String.self, forKey: .alpn)
        chain = try container.decode([CertificateSummary].self, forKey: .chain)
        chainDER = []
        failure = try container.decodeIfPresent(FailureClass.self, forKey: .failure)
        durationSeconds = try container.decode(Double.self, forKey: .durationSeconds)
    }
}
