import Foundation

/// An http or https URL as the client needs it: where to connect, what to send, and how to
/// show it without credentials (all userinfo becomes REDACTED, stricter than net/url Redacted).
public struct HTTPRequestURL: Sendable, Hashable, CustomStringConvertible {
    public var scheme: String
    public var host: String
    /// The explicit port, else 80/443.
    public var port: Int
    public var explicitPort: Bool
    /// Path and query as sent on the request line ("/" when empty).
    public var pathAndQuery: String
    public var user: String?
    public var password: String?
    /// The path as written (empty allowed), for display.
    var writtenPath: String

    public struct ParseError: Error, Sendable, Equatable, CustomStringConvertible {
        public var description: String
    }

    public init(_ text: String) throws(ParseError) {
        guard let components = URLComponents(string: text), let scheme = components.scheme?.lowercased() else {
            throw ParseError(description: "parse \"\(Self.redact(text))\": invalid URL")
        }
        guard scheme == "http" || scheme == "https" else {
            throw ParseError(description: "unsupported protocol scheme \"\(scheme)\"")
        }
        guard let host = components.host, !host.isEmpty else {
            throw ParseError(description: "http: no Host in request URL")
        }
        self.scheme = scheme
        self.host = host.hasPrefix("[") && host.hasSuffix("]") ? String(host.dropFirst().dropLast()) : host
        explicitPort = components.port != nil
        port = components.port ?? (scheme == "https" ? 443 : 80)
        let query = components.percentEncodedQuery.map { "?" + $0 } ?? ""
        writtenPath = components.percentEncodedPath + query
        pathAndQuery = (components.percentEncodedPath.isEmpty ? "/" : components.percentEncodedPath) + query
        user = components.user
        password = components.password
    }

    public var isSecure: Bool { scheme == "https" }

    /// "host:port" as CONNECT and NO_PROXY matching want it.
    public var hostPort: String { HostPort(host: host, port: port).description }

    /// The Host header: the port only when it was explicit and not the default.
    public var hostHeader: String {
        let bracketed = host.contains(":") ? "[\(host)]" : host
        let defaultPort = isSecure ? 443 : 80
        return explicitPort && port != defaultPort ? "\(bracketed):\(port)" : bracketed
    }

    /// The URL with all userinfo (a user name is often a token too) and token-like query
    /// values replaced: safe for evidence.
    public var redacted: String {
        var authority = hostHeader
        if explicitPort, !authority.hasSuffix(":\(port)") { authority += ":\(port)" }
        let userinfo = user == nil ? "" : SecretRedactor.mask + "@"
        return SecretRedactor.redact("\(scheme)://\(userinfo)\(authority)\(writtenPath)")
    }

    public var description: String { redacted }

    /// Resolves a Location header against this URL (RFC 3986 reference resolution).
    public func resolve(_ location: String) throws(ParseError) -> HTTPRequestURL {
        guard let base = URL(string: unredactedString), let target = URL(string: location, relativeTo: base) else {
            throw ParseError(description: "failed to parse Location header \"\(Self.redact(location))\"")
        }
        return try HTTPRequestURL(target.absoluteString)
    }

    var unredactedString: String {
        var userinfo = ""
        if let user { userinfo = user + (password.map { ":" + $0 } ?? "") + "@" }
        let authority = hostHeader + (explicitPort && !hostHeader.hasSuffix(":\(port)") ? ":\(port)" : "")
        return "\(scheme)://\(userinfo)\(authority)\(pathAndQuery)"
    }

    /// Redacts the userinfo of any URL-looking text (for error messages about unparsable input).
    static func redact(_ text: String) -> String { SecretRedactor.redact(text) }
}
