#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A DNS server: an IP literal and a port. Printed the way dig names it ("10.0.0.1#53").
public struct DNSServerAddress: Sendable, Codable, Hashable, CustomStringConvertible {
    public var ip: String
    public var port: Int

    public init(ip: String, port: Int = 53) {
        self.ip = ip
        self.port = port
    }

    /// "10.0.0.1", "10.0.0.1#5353", "fd77::2", "[fd77::2]:5353", "10.0.0.1:5353"; nil unless
    /// the host part is an IP literal (a resolver must be reachable without DNS).
    public init?(parsing text: String, defaultPort: Int = 53) {
        var host = text
        var port = defaultPort
        if let hash = text.lastIndex(of: "#") {
            host = String(text[..<hash])
            guard let value = Int(text[text.index(after: hash)...]) else { return nil }
            port = value
        } else if let parsed = try? HostPort.parse(text) {
            host = parsed.host
            port = parsed.port ?? defaultPort
        }
        guard (1...65535).contains(port), let literal = ResolvedAddress(literal: host) else { return nil }
        self.init(ip: literal.ip, port: port)
    }

    public var description: String { "\(ip)#\(port)" }
}

/// A socket address built from a `DNSServerAddress` with inet_pton.
struct DNSSocketAddress {
    let family: Int32
    private var storage = sockaddr_storage()
    private let length: socklen_t

    init?(_ server: DNSServerAddress) {
        guard let port = UInt16(exactly: server.port) else { return nil }
        if server.ip.contains(":") {
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = port.bigEndian
            guard inet_pton(AF_INET6, server.ip, &address.sin6_addr) == 1 else { return nil }
            family = AF_INET6
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: address) { raw.copyMemory(from: $0) } }
        } else {
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = port.bigEndian
            guard inet_pton(AF_INET, server.ip, &address.sin_addr) == 1 else { return nil }
            family = AF_INET
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
            withUnsafeMutableBytes(of: &storage) { raw in withUnsafeBytes(of: address) { raw.copyMemory(from: $0) } }
        }
    }

    func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        withUnsafeBytes(of: storage) { raw in
            body(raw.baseAddress!.assumingMemoryBound(to: sockaddr.self), length)
        }
    }
}
