import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A non-blocking ICMP socket for one address family. Used by one thread only (the pinger's),
/// closed on deinit.
final class ICMPEchoSocket {
    let descriptor: Int32
    let family: AddressFamily
    let kind: ICMPSocketKind

    typealias Received = RawSocketReader.Received

    private init(descriptor: Int32, family: AddressFamily, kind: ICMPSocketKind) {
        self.descriptor = descriptor
        self.family = family
        self.kind = kind
    }

    deinit { close(descriptor) }

    /// Opens a socket of `kind` or returns the errno text ("EACCES: Permission denied").
    static func open(family: AddressFamily, kind: ICMPSocketKind) -> Result<ICMPEchoSocket, ICMPSocketOpenError> {
        let domain = family == .ipv4 ? AF_INET : AF_INET6
        let proto = family == .ipv4 ? Int32(IPPROTO_ICMP) : Int32(IPPROTO_ICMPV6)
        #if canImport(Glibc)
        let type = kind == .datagram ? Int32(SOCK_DGRAM.rawValue) : Int32(SOCK_RAW.rawValue)
        #else
        let type = kind == .datagram ? SOCK_DGRAM : SOCK_RAW
        #endif
        let descriptor = socket(domain, type, proto)
        guard descriptor >= 0 else { return .failure(ICMPSocketOpenError(kind: kind, errno: errno)) }
        let socket = ICMPEchoSocket(descriptor: descriptor, family: family, kind: kind)
        _ = fcntl(descriptor, F_SETFL, fcntl(descriptor, F_GETFL) | O_NONBLOCK)
        socket.enable(level: SocketControlMessages.solSocket, option: SocketControlMessages.scmTimestampNS)
        switch family {
        case .ipv4:
            socket.enable(level: SocketControlMessages.levelIP, option: 12)  // IP_RECVTTL
            if kind == .datagram { socket.enable(level: SocketControlMessages.levelIP, option: SocketControlMessages.ipRecvErr) }
        case .ipv6:
            socket.enable(level: SocketControlMessages.levelIPv6, option: 51)  // IPV6_RECVHOPLIMIT
            if kind == .datagram { socket.enable(level: SocketControlMessages.levelIPv6, option: SocketControlMessages.ipv6RecvErr) }
        }
        return .success(socket)
    }

    private func enable(level: Int32, option: Int32) {
        var on: Int32 = 1
        _ = setsockopt(descriptor, level, option, &on, socklen_t(MemoryLayout<Int32>.size))
    }

    /// Sends `bytes` to `address`; the errno on failure.
    func send(_ bytes: [UInt8], to address: String) -> Int32? {
        let sent: Int
        switch family {
        case .ipv4:
            var destination = sockaddr_in()
            destination.sin_family = sa_family_t(AF_INET)
            guard inet_pton(AF_INET, address, &destination.sin_addr) == 1 else { return EINVAL }
            sent = withUnsafePointer(to: &destination) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in>.size))
                }
            }
        case .ipv6:
            var destination = sockaddr_in6()
            destination.sin6_family = sa_family_t(AF_INET6)
            guard inet_pton(AF_INET6, address, &destination.sin6_addr) == 1 else { return EINVAL }
            sent = withUnsafePointer(to: &destination) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    sendto(descriptor, bytes, bytes.count, 0, $0, socklen_t(MemoryLayout<sockaddr_in6>.size))
                }
            }
        }
        return sent < 0 ? errno : nil
    }

    /// One message from the receive queue, or from the error queue when `errorQueue`.
    /// `.failure(errno)`: EAGAIN when empty; other values are a pending socket error.
    /// `capacity`: the largest reply expected (IPv4 header, ICMP header, payload).
    func receive(errorQueue: Bool, capacity: Int) -> Result<Received, ICMPErrno> {
        RawSocketReader(descriptor: descriptor, capacity: capacity).receive(errorQueue: errorQueue)
    }

    /// Waits until the socket is readable or has an error, at most `milliseconds`.
    /// Returns (readable, error pending).
    func wait(milliseconds: Int32) -> (readable: Bool, error: Bool) {
        var entry = pollfd(fd: descriptor, events: Int16(POLLIN), revents: 0)
        guard poll(&entry, 1, milliseconds) > 0 else { return (false, false) }
        return (entry.revents & Int16(POLLIN) != 0, entry.revents & Int16(POLLERR) != 0)
    }
}
