/// An address and port a probe dials; IPv4-mapped IPv6 text is compared as IPv4.
public struct SocketEndpoint: Sendable, Codable, Hashable, CustomStringConvertible {
    public var ip: String
    public var port: Int

    public init(ip: String, port: Int) {
        self.ip = Self.unmapped(ip)
        self.port = port
    }

    public var description: String { SocketTableEntry.join(ip, port) }

    static func unmapped(_ ip: String) -> String {
        let lower = ip.lowercased()
        return lower.hasPrefix("::ffff:") && lower.contains(".") ? String(lower.dropFirst(7)) : lower
    }
}
