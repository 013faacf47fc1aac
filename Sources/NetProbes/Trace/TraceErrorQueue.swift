#if canImport(Glibc)
import Glibc

/// One ICMP error the kernel queued on a socket with IP_RECVERR / IPV6_RECVERR: the
/// `sock_extended_err` fields, the offender (SO_EE_OFFENDER: who sent the ICMP) and the
/// original destination port (msg_name), which names the probe for UDP.
struct TraceQueuedError {
    var origin: UInt8
    var type: Int
    var code: Int
    var offender: String?
    var destinationPort: Int?
    /// What the kernel copied of the offending packet's payload: for a datagram ICMP socket,
    /// the quoted echo request (its sequence number names the probe).
    var payload: [UInt8] = []

    var isICMP: Bool { origin == TraceLinux.originICMP || origin == TraceLinux.originICMP6 }

    /// The trace answer this error stands for (nil for local errors or unknown ICMP types).
    var answer: TraceAnswer? {
        guard isICMP, let offender else { return nil }
        return TraceICMPCodes.answer(ipv6: origin == TraceLinux.originICMP6, type: type, code: code, from: offender)
    }

    /// Reads one entry of `fd`'s error queue without blocking; nil when the queue is empty.
    static func read(_ fd: Int32) -> TraceQueuedError? {
        var name = sockaddr_storage()
        var data = [UInt8](repeating: 0, count: 256)
        var control = [UInt8](repeating: 0, count: 512)
        var dataLength = 0
        let received: Int = data.withUnsafeMutableBytes { dataBytes in
            control.withUnsafeMutableBytes { controlBytes in
                withUnsafeMutablePointer(to: &name) { namePointer in
                    var vector = iovec(iov_base: dataBytes.baseAddress, iov_len: dataBytes.count)
                    return withUnsafeMutablePointer(to: &vector) { vectorPointer in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(namePointer)
                        message.msg_namelen = socklen_t(MemoryLayout<sockaddr_storage>.size)
                        message.msg_iov = vectorPointer
                        message.msg_iovlen = 1
                        message.msg_control = controlBytes.baseAddress
                        message.msg_controllen = controlBytes.count
                        let count = recvmsg(fd, &message, TraceLinux.msgErrQueue | TraceLinux.msgDontWait)
                        dataLength = max(0, count)
                        return count < 0 ? -1 : Int(message.msg_controllen)
                    }
                }
            }
        }
        guard received >= 0 else { return nil }
        let destinationPort = withUnsafeBytes(of: &name) { TraceSocketAddress.decode($0)?.port }
        var queued = control.withUnsafeBytes {
            parse(control: UnsafeRawBufferPointer(rebasing: $0[0..<min(received, $0.count)]), destinationPort: destinationPort)
        }
        queued?.payload = Array(data.prefix(dataLength))
        return queued
    }

    /// Walks the control messages (cmsghdr: size_t len, int level, int type, data at 16)
    /// for IP_RECVERR / IPV6_RECVERR and decodes `sock_extended_err` plus the offender.
    static func parse(control: UnsafeRawBufferPointer, destinationPort: Int?) -> TraceQueuedError? {
        var offset = 0
        let header = 16
        while offset + header <= control.count {
            let length = Int(control.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
            let level = control.loadUnaligned(fromByteOffset: offset + 8, as: Int32.self)
            let type = control.loadUnaligned(fromByteOffset: offset + 12, as: Int32.self)
            guard length >= header, offset + length <= control.count else { return nil }
            let isRecvErr = (level == TraceLinux.solIP && type == TraceLinux.ipRecvErr)
                || (level == TraceLinux.solIPv6 && type == TraceLinux.ipv6RecvErr)
            if isRecvErr, length >= header + 16 {
                let body = UnsafeRawBufferPointer(rebasing: control[(offset + header)..<(offset + length)])
                let offender = body.count > 16
                    ? TraceSocketAddress.decode(UnsafeRawBufferPointer(rebasing: body[16...]))?.ip : nil
                return TraceQueuedError(origin: body[4], type: Int(body[5]), code: Int(body[6]),
                                        offender: offender, destinationPort: destinationPort)
            }
            offset += (length + 7) & ~7
        }
        return nil
    }
}
#endif
