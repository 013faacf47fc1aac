#if canImport(Glibc)
import Glibc

/// An IPv4 or IPv6 socket address in the form the socket calls take, built from and turned
/// back into text. Linux only (the trace transports are).
struct TraceSocketAddress {
    var storage = sockaddr_storage()
    var length: socklen_t = 0
    let isIPv6: Bool

    init?(ip: String, port: Int) {
        var v4 = in_addr()
        var v6 = in6_addr()
        if inet_pton(AF_INET, ip, &v4) == 1 {
            isIPv6 = false
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
            address.sin_addr = v4
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in>.size)
        } else if inet_pton(AF_INET6, ip, &v6) == 1 {
            isIPv6 = true
            var address = sockaddr_in6()
            address.sin6_family = sa_family_t(AF_INET6)
            address.sin6_port = in_port_t(UInt16(truncatingIfNeeded: port).bigEndian)
            address.sin6_addr = v6
            withUnsafeBytes(of: address) { bytes in
                withUnsafeMutableBytes(of: &storage) { $0.copyMemory(from: bytes) }
            }
            length = socklen_t(MemoryLayout<sockaddr_in6>.size)
        } else {
            return nil
        }
    }

    /// Calls `body` with the address as the `sockaddr` pointer the socket calls want.
    mutating func withSockaddr<T>(_ body: (UnsafePointer<sockaddr>, socklen_t) -> T) -> T {
        let length = self.length
        return withUnsafePointer(to: &storage) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { body($0, length) }
        }
    }

    /// The IP text and port of a raw `sockaddr_in`/`sockaddr_in6` held in `bytes`, or nil.
    static func decode(_ bytes: UnsafeRawBufferPointer) -> (ip: String, port: Int)? {
        guard bytes.count >= 2 else { return nil }
        let family = Int32(bytes.loadUnaligned(fromByteOffset: 0, as: sa_family_t.self))
        var buffer = [CChar](repeating: 0, count: Int(INET6_ADDRSTRLEN) + 1)
        let port = Int(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
        switch family {
        case AF_INET where bytes.count >= MemoryLayout<sockaddr_in>.size:
            var address = in_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[4..<8])) }
            guard inet_ntop(AF_INET, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        case AF_INET6 where bytes.count >= MemoryLayout<sockaddr_in6>.size:
            var address = in6_addr()
            withUnsafeMutableBytes(of: &address) { $0.copyMemory(from: UnsafeRawBufferPointer(rebasing: bytes[8..<24])) }
            guard inet_ntop(AF_INET6, &address, &buffer, socklen_t(buffer.count)) != nil else { return nil }
        default:
            return nil
        }
        let ip = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        return (ip, port)
    }
}

#endif
