/// `host`, `host:port`, `[v6]:port` or a bare IPv6 literal, as users type targets on the
/// command line (`gomod-doctor tcp proxy.golang.org:443`).
public struct HostPort: Sendable, Codable, Hashable, CustomStringConvertible {
    public var host: String
    public var port: Int?

    public init(host: String, port: Int?) {
        self.host = host
        self.port = port
    }

    public struct ParseError: Error, Sendable, CustomStringConvertible {
        public var description: String
    }

    public static func parse(_ text: String) throws(ParseError) -> HostPort {
        if text.hasPrefix("[") {
            guard let close = text.firstIndex(of: "]") else { throw ParseError(description: "\(text): missing ']' in address") }
            let host = String(text[text.index(after: text.startIndex)..<close])
            let rest = text[text.index(after: close)...]
            if rest.isEmpty { return HostPort(host: host, port: nil) }
            guard rest.hasPrefix(":"), let port = Int(rest.dropFirst()), (1...65535).contains(port) else {
                throw ParseError(description: "\(text): invalid port")
            }
            return HostPort(host: host, port: port)
        }
        let colons = text.filter { $0 == ":" }.count
        if colons > 1 { return HostPort(host: text, port: nil) }   // bare IPv6 literal
        if colons == 1, let colon = text.firstIndex(of: ":") {
            guard let port = Int(text[text.index(after: colon)...]), (1...65535).contains(port) else {
                throw ParseError(description: "\(text): invalid port")
            }
            return HostPort(host: String(text[..<colon]), port: port)
        }
        guard !text.isEmpty else { throw ParseError(description: "empty host") }
        return HostPort(host: text, port: nil)
    }

    public var description: String {
        guard let port else { return host }
        return host.contains(":") ? "[\(host)]:\(port)" : "\(host):\(port)"
    }
}
