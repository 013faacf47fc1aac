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

    public init(host: String, port: Int? = nil, scheme: Scheme = .https, path: String = "/") {
        self.host = host
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
