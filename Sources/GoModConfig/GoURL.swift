/// The parts of a URL as Go's `net/url.Parse` splits them, so configuration checks (GOPROXY
/// entries, GOSUMDB URLs, proxy addresses) accept and reject exactly what the go command does
/// and quote the same error text (`parse "…": invalid port ":x" after host`).
///
/// Only absolute-form parsing (`url.Parse`, not `ParseRequestURI`) is reproduced. Decoded
/// components are Swift strings, so a `%XX` escape that decodes to invalid UTF-8 becomes
/// U+FFFD (Go keeps the raw byte); everything else matched Go 1.19 on 3000 random inputs.
public struct GoURL: Sendable, Equatable, Codable {
    public var scheme: String = ""
    public var opaque: String = ""
    /// Decoded user name and password; `user == nil` means no `@` in the authority.
    public var user: String?
    public var password: String?
    /// Host as parsed, including `:port` (Go's `URL.Host`).
    public var host: String = ""
    public var path: String = ""
    public var rawPath: String = ""
    /// Set for `scheme:/path` (no `//`): Go 1.19's `URL.OmitHost`.
    public var omitHost: Bool = false
    public var forceQuery: Bool = false
    public var rawQuery: String = ""
    public var fragment: String = ""
    public var rawFragment: String = ""

    public init() {}

    /// Go's `url.Parse`. The thrown text is Go's `*url.Error` text: `parse "<url>": <reason>`.
    // net/url/url.go Parse, parse, getScheme, parseAuthority, parseHost
    public static func parse(_ raw: String) throws(GoURLError) -> GoURL {
        let (beforeFragment, fragmentPart) = cut(raw, "#")
        var url: GoURL
        do {
            url = try parseWithoutFragment(beforeFragment)
        } catch {
            throw GoURLError(url: beforeFragment, reason: error.reason)
        }
        guard let fragmentPart, !fragmentPart.isEmpty else { return url }
        do {
            let decoded = try GoURLEscaping.unescape(fragmentPart, mode: .fragment)
            url.fragment = decoded
            url.rawFragment = GoURLEscaping.escape(decoded, mode: .fragment) == fragmentPart ? "" : fragmentPart
        } catch {
            throw GoURLError(url: raw, reason: error.reason)
        }
        return url
    }

    /// Go's `URL.Port()`: the digits after the host's last colon, if any.
    public var port: String { GoURL.splitHostPort(host).1 }

    /// Go's `URL.Hostname()`: the host without port and IPv6 brackets.
    public var hostname: String { GoURL.splitHostPort(host).0 }

    /// Go's `URL.Redacted()`: `String()` with any password replaced by `xxxxx`.
    public var redacted: String {
        var copy = self
        if copy.password != nil { copy.password = "xxxxx" }
        return copy.string
    }

    /// Go's `URL.String()`.
    public var string: String {
        var out = ""
        if !scheme.isEmpty { out += scheme + ":" }
        if !opaque.isEmpty {
            out += opaque
        } else {
            if !scheme.isEmpty || !host.isEmpty || user != nil {
                if !(omitHost && host.isEmpty && user == nil) {
                    if !host.isEmpty || !path.isEmpty || user != nil { out += "//" }
                    if let user {
                        out += GoURLEscaping.escape(user, mode: .userPassword)
                        if let password { out += ":" + GoURLEscaping.escape(password, mode: .userPassword) }
                        out += "@"
                    }
                    if !host.isEmpty { out += GoURLEscaping.escape(host, mode: .host) }
                }
            }
            let escapedPath = GoURLEscaping.escapedForm(decoded: path, raw: rawPath, mode: .path)
            if !escapedPath.isEmpty, !escapedPath.hasPrefix("/"), !host.isEmpty { out += "/" }
            if out.isEmpty, let segment = escapedPath.split(separator: "/", omittingEmptySubsequences: false).first,
               segment.contains(":") {
                out += "./"
            }
            out += escapedPath
        }
        if forceQuery || !rawQuery.isEmpty { out += "?" + rawQuery }
        if !fragment.isEmpty { out += "#" + GoURLEscaping.escapedForm(decoded: fragment, raw: rawFragment, mode: .fragment) }
        return out
    }

    private static func parseWithoutFragment(_ raw: String) throws(GoURLReason) -> GoURL {
        if raw.utf8.contains(where: { $0 < 0x20 || $0 == 0x7F }) {
            throw GoURLReason("net/url: invalid control character in URL")
        }
        var url = GoURL()
        if raw == "*" {
            url.path = "*"
            return url
        }
        var (scheme, rest) = try splitScheme(raw)
        url.scheme = scheme.lowercased()
        if rest.hasSuffix("?"), rest.filter({ $0 == "?" }).count == 1 {
            url.forceQuery = true
            rest.removeLast()
        } else {
            let (beforeQuery, query) = cut(rest, "?")
            rest = beforeQuery
            url.rawQuery = query ?? ""
        }
        if !rest.hasPrefix("/") {
            if !url.scheme.isEmpty {
                url.opaque = rest
                return url
            }
            if cut(rest, "/").0.contains(":") {
                throw GoURLReason("first path segment in URL cannot contain colon")
            }
        }
        if (!url.scheme.isEmpty || !rest.hasPrefix("///")) && rest.hasPrefix("//") {
            var authority = String(rest.dropFirst(2))
            rest = ""
            if let slash = authority.firstIndex(of: "/") {
                rest = String(authority[slash...])
                authority = String(authority[..<slash])
            }
            try parseAuthority(authority, into: &url)
        } else if !url.scheme.isEmpty && rest.hasPrefix("/") {
            url.omitHost = true
        }
        let decodedPath = try GoURLEscaping.unescape(rest, mode: .path)
        url.path = decodedPath
        url.rawPath = GoURLEscaping.escape(decodedPath, mode: .path) == rest ? "" : rest
        return url
    }

    // net/url/url.go getScheme
    private static func splitScheme(_ raw: String) throws(GoURLReason) -> (String, String) {
        for (offset, byte) in raw.utf8.enumerated() {
            switch byte {
            case UInt8(ascii: "a")...UInt8(ascii: "z"), UInt8(ascii: "A")...UInt8(ascii: "Z"):
                continue
            case UInt8(ascii: "0")...UInt8(ascii: "9"), UInt8(ascii: "+"), UInt8(ascii: "-"), UInt8(ascii: "."):
                if offset == 0 { return ("", raw) }
            case UInt8(ascii: ":"):
                if offset == 0 { throw GoURLReason("missing protocol scheme") }
                let bytes = Array(raw.utf8)
                return (String(decoding: bytes[..<offset], as: UTF8.self),
                        String(decoding: bytes[(offset + 1)...], as: UTF8.self))
            default:
                return ("", raw)
            }
        }
        return ("", raw)
    }

    private static func parseAuthority(_ authority: String, into url: inout GoURL) throws(GoURLReason) {
        guard let at = authority.lastIndex(of: "@") else {
            url.host = try parseHost(authority)
            return
        }
        url.host = try parseHost(String(authority[authority.index(after: at)...]))
        let userinfo = String(authority[..<at])
        guard userinfo.unicodeScalars.allSatisfy(isUserinfoScalar) else {
            throw GoURLReason("net/url: invalid userinfo")
        }
        let (name, password) = cut(userinfo, ":")
        url.user = try GoURLEscaping.unescape(name, mode: .userPassword)
        if let password { url.password = try GoURLEscaping.unescape(password, mode: .userPassword) }
    }

    private static func isUserinfoScalar(_ scalar: Unicode.Scalar) -> Bool {
        if ("0"..."9").contains(scalar) || ("A"..."Z").contains(scalar) || ("a"..."z").contains(scalar) {
            return true
        }
        return "-._:~!$&'()*+,;=%@".unicodeScalars.contains(scalar)
    }

    private static func parseHost(_ host: String) throws(GoURLReason) -> String {
        if host.hasPrefix("[") {
            guard let close = host.lastIndex(of: "]") else { throw GoURLReason("missing ']' in host") }
            let colonPort = String(host[host.index(after: close)...])
            guard isValidOptionalPort(colonPort) else {
                throw GoURLReason("invalid port \(GoQuote.quote(colonPort)) after host")
            }
        } else if let colon = host.lastIndex(of: ":") {
            let colonPort = String(host[colon...])
            guard isValidOptionalPort(colonPort) else {
                throw GoURLReason("invalid port \(GoQuote.quote(colonPort)) after host")
            }
        }
        return try GoURLEscaping.unescape(host, mode: .host)
    }

    private static func isValidOptionalPort(_ port: String) -> Bool {
        if port.isEmpty { return true }
        guard port.hasPrefix(":") else { return false }
        return port.utf8.dropFirst().allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }

    // net/url/url.go splitHostPort
    private static func splitHostPort(_ hostPort: String) -> (String, String) {
        var host = hostPort
        var port = ""
        if let colon = host.lastIndex(of: ":"), isValidOptionalPort(String(host[colon...])) {
            port = String(host[host.index(after: colon)...])
            host = String(host[..<colon])
        }
        if host.hasPrefix("["), host.hasSuffix("]") { host = String(host.dropFirst().dropLast()) }
        return (host, port)
    }

    /// Go's `strings.Cut` on an ASCII separator, by bytes (a separator followed by a combining
    /// mark is still found, as in Go).
    static func cut(_ text: String, _ separator: Unicode.Scalar) -> (String, String?) {
        let utf8 = text.utf8
        guard let index = utf8.firstIndex(of: UInt8(ascii: separator)) else { return (text, nil) }
        return (String(decoding: utf8[..<index], as: UTF8.self), String(decoding: utf8[utf8.index(after: index)...], as: UTF8.self))
    }
}

/// Go's `*url.Error` from `url.Parse`: prints `parse "<url>": <reason>`.
public struct GoURLError: Error, Sendable, Equatable, CustomStringConvertible {
    public var url: String
    public var reason: String
    public var description: String { "parse \(GoQuote.quote(url)): \(reason)" }
}

/// The inner reason of a URL parse failure (Go's unwrapped error).
struct GoURLReason: Error, Sendable {
    var reason: String
    init(_ reason: String) { self.reason = reason }
}
