/// One endpoint the go command talks to, as the layered probe sees it: where to connect and
/// which request proves the HTTP layer works.
public struct EndpointTarget: Sendable, Equatable, Codable {
    public enum Scheme: String, Sendable, Codable, CaseIterable {
        case https, http
    }

    public var host: String
    public var port: Int
    public var scheme: Scheme
    /// Path (and query) of the HTTP request; "/" by default.
    public var path: String
    /// For an HTTPS_PROXY endpoint: the "host:port" it must open a CONNECT tunnel to (a module
    /// proxy the go command reaches through it). When set, the HTTP layer sends that CONNECT
    /// instead of a GET of the proxy itself: a GET says nothing about the proxy's tunnel policy.
    public var connectTarget: String?

    public init(host: String, port: Int? = nil, scheme: Scheme = .https, path: String = "/", connectTarget: String? = nil) {
        self.host = host
        self.connectTarget = connectTarget
        self.port = port ?? (scheme == .https ? 443 : 80)
        self.scheme = scheme
        self.path = path.hasPrefix("/") ? path : "/" + path
    }

    /// `host:port`, IPv6 literals in brackets.
    public var hostPort: String {
        host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }

    /// The URL the HTTP layer requests (raw: a token in the query is part of the request).
    public var url: String { "\(scheme.rawValue)://\(hostPort)\(path)" }

    /// `url` as it may be shown: token-like query values masked.
    public var redactedURL: String { SecretRedactorBridge.redact(url) }

    enum CodingKeys: String, CodingKey { case host, port, scheme, path, connectTarget }

    /// The path may carry a GOPROXY `?token=`: probes request the raw path, output shows it redacted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(host, forKey: .host)
        try container.encode(port, forKey: .port)
        try container.encode(scheme, forKey: .scheme)
        try container.encode(SecretRedactorBridge.redact(path), forKey: .path)
        try container.encodeIfPresent(connectTarget, forKey: .connectTarget)
    }
}
