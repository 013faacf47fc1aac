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

    /// The URL the HTTP layer requests.
    public var url: String { "\(scheme.rawValue)://\(hostPort)\(path)" }
}
