import NIOCore

public enum AddressFamily: String, Sendable, Codable, Hashable {
    case ipv4, ipv6
}

/// One IP address as text plus its family: the unit that connect, TLS and HTTP evidence
/// refer to, so "IPv6 refused, IPv4 fine" stays visible per address.
public struct ResolvedAddress: Sendable, Codable, Hashable, CustomStringConvertible {
    public var ip: String
    public var family: AddressFamily

    public init(ip: String, family: AddressFamily) {
        self.ip = ip
        self.family = family
    }

    /// Parses an IPv4 or IPv6 literal (brackets allowed); nil for anything else.
    public init?(literal: String) {
        var text = literal
        if text.hasPrefix("["), text.hasSuffix("]") { text = String(text.dropFirst().dropLast()) }
        guard let address = try? SocketAddress(ipAddress: text, port: 0), let ip = address.ipAddress else { return nil }
        self.ip = ip
        switch address {
        case .v6: family = .ipv6
        default: family = .ipv4
        }
    }

    /// `1.2.3.4:443` or `[2001:db8::1]:443`.
    public func withPort(_ port: Int) -> String {
        family == .ipv6 ? "[\(ip)]:\(port)" : "\(ip):\(port)"
    }

    public func socketAddress(port: Int) throws -> SocketAddress {
        try SocketAddress(ipAddress: ip, port: port)
    }

    public var description: String { ip }
}
