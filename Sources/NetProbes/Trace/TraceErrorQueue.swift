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
}

extension TraceQueuedError {
    /// The queued error a `recvmsg(MSG_ERRQUEUE)` returned, when its control messages carry an
    /// IP_RECVERR / IPV6_RECVERR (nil otherwise).
    init?(control: SocketControlMessages, destinationPort: Int?, payload: [UInt8] = []) {
        guard let error = control.extendedError else { return nil }
        self.init(origin: error.origin, type: Int(error.type), code: Int(error.code), offender: error.offender,
                  destinationPort: destinationPort, payload: payload)
    }

    /// Reads one entry of `fd`'s error queue without blocking (the pinger's reader: msg_name's
    /// port names a UDP probe); nil when the queue is empty.
    static func read(_ fd: Int32) -> TraceQueuedError? {
        guard case .success(let received) = RawSocketReader(descriptor: fd, capacity: 256).receive(errorQueue: true) else { return nil }
        return TraceQueuedError(control: received.control, destinationPort: received.fromPort, payload: received.bytes)
    }
}
#endif
