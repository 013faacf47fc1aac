import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A TCP peer on 127.0.0.1 (tests run in their own network namespace) that, for every
/// connection, reads what the client sends first, writes `reply`, then closes or holds the
/// connection open until `stop()`. Blocking sockets on its own thread: no cooperative-pool
/// thread is held.
final class ScriptedTCPPeer: @unchecked Sendable {
    let port: Int
    private let listener: Int32
    private let lock = NSLock()
    private var stopped = false
    private var held: [Int32] = []

    init(reply: [UInt8], hold: Bool = false) throws {
        listener = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let fd = listener
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                bind(fd, $0, length) == 0 && listen(fd, 16) == 0 && getsockname(fd, $0, &length) == 0
            }
        }
        guard fd >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
        port = Int(UInt16(bigEndian: address.sin_port))
        Thread.detachNewThread { [self] in
            while true {
                let client = accept(fd, nil, nil)
                guard client >= 0 else { return }
                var request = [UInt8](repeating: 0, count: 65536)
                var wait = pollfd(fd: client, events: Int16(POLLIN), revents: 0)
                if poll(&wait, 1, 2000) > 0 { _ = recv(client, &request, request.count, 0) }
                var sent = 0
                while sent < reply.count {
                    let count = reply[sent...].withUnsafeBytes { send(client, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
                    if count <= 0 { break }
                    sent += count
                }
                if hold {
                    lock.withLock { held.append(client) }
                } else {
                    close(client)
                }
            }
        }
    }

    func stop() {
        lock.withLock {
            guard !stopped else { return }
            stopped = true
            held.forEach { close($0) }
            shutdown(listener, Int32(SHUT_RDWR))
            close(listener)
        }
    }

    deinit { stop() }
}
