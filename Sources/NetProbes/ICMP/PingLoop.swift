import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// Drives one ping run over a socket: sends on schedule, reads replies and errors, expires
/// timeouts, and stops at the deadline or on cancellation. Blocking (poll with short waits),
/// so it runs on a thread of its own, never on the cooperative pool.
struct PingLoop {
    let socket: ICMPEchoSocket
    let address: String
    let options: PingOptions
    let identifier: UInt16
    let nonce: UInt64
    let deadline: ProbeDeadline
    let stopFlag: StopFlag
    let onUpdate: (@Sendable (PingReply) -> Void)?

    /// Longest single wait, so cancellation and the deadline are noticed promptly.
    static let longestWaitMilliseconds: Int64 = 50

    /// The session and whether it completed (false: deadline or cancellation ended it).
    func run() -> (session: PingSession, completed: Bool) {
        var session = PingSession(count: options.count,
                                  intervalNanoseconds: Int64(options.intervalSeconds * 1e9),
                                  timeoutNanoseconds: Int64(options.timeoutSeconds * 1e9), adaptive: options.adaptive)
        while !stopFlag.isSet && !deadline.hasPassed {
            let now = Self.realtimeNanoseconds()
            session.expire(now: now).forEach { onUpdate?($0) }
            if session.isFinished { break }
            if let due = session.nextSendTime, due <= now {
                send(&session)
                continue
            }
            let wake = session.nextWakeup ?? now + Self.longestWaitMilliseconds * 1_000_000
            let untilWake = (wake - now + 999_999) / 1_000_000
            let untilDeadline = Int64((deadline.remaining / .milliseconds(1)).rounded(.up))
            let wait = max(0, min(untilWake, untilDeadline, Self.longestWaitMilliseconds))
            let ready = socket.wait(milliseconds: Int32(wait))
            if ready.error { drainErrors(&session) }
            if ready.readable { drainReplies(&session) }
        }
        let completed = session.isFinished
        session.abandonPending()
        return (session, completed)
    }

    private func send(_ session: inout PingSession) {
        let request = ICMPEchoRequest(family: socket.family, identifier: identifier,
                                      sequence: UInt16(truncatingIfNeeded: session.nextSequence),
                                      nonce: nonce, payloadSize: options.payloadSize)
        let time = Self.realtimeNanoseconds()
        if let failure = socket.send(request.bytes, to: address) {
            session.recordSendFailure(at: time, errno: failure)
            if let reply = session.replies.last { onUpdate?(reply) }
        } else {
            session.recordSend(at: time)
        }
    }

    private func drainReplies(_ session: inout PingSession) {
        while true {
            switch socket.receive(errorQueue: false, capacity: options.payloadSize + 128) {
            case .failure(let error):
                if error.code != EAGAIN && error.code != EWOULDBLOCK && error.code != EINTR { drainErrors(&session) }
                return
            case .success(let received):
                handle(received, &session)
            }
        }
    }

    private func handle(_ received: ICMPEchoSocket.Received, _ session: inout PingSession) {
        let time = received.control.timestampNanoseconds ?? Self.realtimeNanoseconds()
        let raw = socket.kind == .raw
        guard let parsed = ICMPMessageParser.parse(received.bytes, family: socket.family,
                                                   includesIPHeader: raw && socket.family == .ipv4) else { return }
        switch parsed.message {
        case .echoReply(let identifier, let sequence, let nonce, let size):
            // A datagram socket's identifier is the kernel's and its replies are already ours.
            guard nonce == self.nonce, !raw || (identifier == self.identifier && received.from == address) else { return }
            let ttl = parsed.ttl ?? received.control.hopLimit
            if let reply = session.recordReply(sequence: sequence, at: time, ttl: ttl, bytes: size, from: received.from) {
                onUpdate?(reply)
            }
        case .error(var report):
            guard !raw || report.identifier == identifier else { return }
            report.reporter = received.from
            if let reply = session.recordError(report, sequence: report.sequence) { onUpdate?(reply) }
        }
    }

    /// A datagram socket's ICMP errors: the error queue holds our own request with an
    /// IP_RECVERR / IPV6_RECVERR control message saying what came back and from whom.
    private func drainErrors(_ session: inout PingSession) {
        while case .success(let received) = socket.receive(errorQueue: true, capacity: options.payloadSize + 128) {
            guard let error = received.control.extendedError,
                  error.origin == ExtendedSocketError.originICMP || error.origin == ExtendedSocketError.originICMPv6,
                  let sequence = ICMPMessageParser.sequenceOfOwnRequest(received.bytes) else { continue }
            let report = ICMPErrorReport(family: socket.family, type: error.type, code: error.code,
                                         identifier: identifier, sequence: sequence, reporter: error.offender)
            if let reply = session.recordError(report, sequence: sequence) { onUpdate?(reply) }
        }
    }

    /// CLOCK_REALTIME, the clock of the kernel's SO_TIMESTAMPNS receive stamps.
    static func realtimeNanoseconds() -> Int64 {
        var now = timespec()
        clock_gettime(CLOCK_REALTIME, &now)
        return Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec)
    }
}
