#if canImport(Glibc)
import Glibc

/// Socket option numbers from <linux/in.h>, <linux/in6.h> and <linux/errqueue.h> that the
/// Swift Glibc overlay does not export (or exports with awkward types).
enum TraceLinux {
    static let solIP: Int32 = 0
    static let solIPv6: Int32 = 41
    static let ipTTL: Int32 = 2
    static let ipRecvErr: Int32 = 11
    static let ipv6UnicastHops: Int32 = 16
    static let ipv6RecvErr: Int32 = 25
    static let msgDontWait: Int32 = 0x40
    static let originICMP: UInt8 = 2
    static let originICMP6: UInt8 = 3

    /// strerror text for `code`.
    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)) }

    /// Sets an int socket option; returns the errno text on failure.
    static func setOption(_ fd: Int32, _ level: Int32, _ name: Int32, _ value: Int32) -> String? {
        var value = value
        guard setsockopt(fd, level, name, &value, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            return "setsockopt(\(level), \(name)): " + errorText(errno)
        }
        return nil
    }

    /// Sets the TTL (IPv4) or unicast hop limit (IPv6) of what `fd` sends next.
    static func setTTL(_ fd: Int32, ipv6: Bool, _ ttl: Int) -> String? {
        ipv6 ? setOption(fd, solIPv6, ipv6UnicastHops, Int32(ttl)) : setOption(fd, solIP, ipTTL, Int32(ttl))
    }

    /// sendto that tolerates one stale error: an ICMP error that arrived for an earlier probe
    /// is also left pending on an unconnected datagram socket (sk_err) and fails the next
    /// sendto once; the error itself is read from the queue, so the probe is sent again.
    static func send(_ fd: Int32, _ payload: [UInt8], to address: inout TraceSocketAddress) -> String? {
        var failure: Int32 = 0
        for _ in 0..<4 {
            let sent = payload.withUnsafeBytes { bytes in
                address.withSockaddr { sendto(fd, bytes.baseAddress, bytes.count, 0, $0, $1) }
            }
            if sent >= 0 { return nil }
            failure = errno
            guard [EHOSTUNREACH, ENETUNREACH, ECONNREFUSED, EPROTO, EACCES, EMSGSIZE].contains(failure) else { break }
        }
        return "sendto: " + errorText(failure)
    }

    /// Asks the kernel to queue ICMP errors on `fd`'s error queue (IP_RECVERR / IPV6_RECVERR).
    static func enableErrorQueue(_ fd: Int32, ipv6: Bool) -> String? {
        ipv6 ? setOption(fd, solIPv6, ipv6RecvErr, 1) : setOption(fd, solIP, ipRecvErr, 1)
    }
}
#endif
