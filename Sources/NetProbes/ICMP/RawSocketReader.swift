#if canImport(Glibc)
import Glibc
#endif

/// Non-blocking `recvmsg` on a datagram or raw socket: the bytes, the sender's address and the
/// decoded control messages (timestamps, TTL / hop limit, extended errors).
struct RawSocketReader {
    let descriptor: Int32
    /// Largest message kept; longer ones are truncated (recvmsg's MSG_TRUNC semantics).
    var capacity = 2048

    struct Received {
        var bytes: [UInt8]
        var from: String?
        /// The sender's port (for MSG_ERRQUEUE: the original destination port, which names a UDP probe).
        var fromPort: Int?
        var control: SocketControlMessages
    }

    /// One message from the receive queue, or from the error queue when `errorQueue`.
    /// `.failure(errno)`: EAGAIN when empty; other values are a pending socket error.
    func receive(errorQueue: Bool = false) -> Result<Received, ICMPErrno> {
        var buffer = [UInt8](repeating: 0, count: capacity)
        var control = [UInt8](repeating: 0, count: 512)
        var source = sockaddr_storage()
        var controlLength = 0
        let flags: Int32 = errorQueue ? 0x2000 : 0  // MSG_ERRQUEUE
        let count = buffer.withUnsafeMutableBytes { payload in
            control.withUnsafeMutableBytes { ancillary in
                withUnsafeMutablePointer(to: &source) { name in
                    var vector = iovec(iov_base: payload.baseAddress, iov_len: payload.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(name)
                        message.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = ancillary.baseAddress
                        message.msg_controllen = ancillary.count
                        let count = recvmsg(descriptor, &message, flags | Int32(MSG_DONTWAIT))
                        controlLength = Int(message.msg_controllen)
                        return count
                    }
                }
            }
        }
        guard count >= 0 else { return .failure(ICMPErrno(code: errno)) }
        let from = withUnsafeMutablePointer(to: &source) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { PlatformAddressResolver.format($0)?.ip }
        }
        let fromPort = withUnsafeBytes(of: &source) { bytes -> Int? in
            let family = Int32(bytes.loadUnaligned(fromByteOffset: 0, as: sa_family_t.self))
            guard family == AF_INET || family == AF_INET6 else { return nil }
            return Int(UInt16(bytes[2]) << 8 | UInt16(bytes[3]))
        }
        let controlMessages = SocketControlMessages(parsing: Array(control.prefix(min(controlLength, control.count))))
        return .success(Received(bytes: Array(buffer.prefix(min(count, capacity))), from: from, fromPort: fromPort,
                                 control: controlMessages))
    }

    /// The next queued message, nil when the queue is empty (or the socket failed).
    func next() -> Received? {
        if case .success(let received) = receive() { return received }
        return nil
    }
}
