import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How one exchange with a server ended.
enum DNSExchangeResult: Sendable, Equatable {
    /// An accepted response, plus the reasons other datagrams were ignored.
    case response([UInt8], rejected: [String])
    case timeout(rejected: [String])
    /// ICMP unreachable (ECONNREFUSED on a connected UDP socket: port unreachable), no route,
    /// or a TCP connection refused.
    case unreachable(String)
    case failed(String)
    /// The server closed a TCP connection before a whole accepted answer came: what came
    /// instead (`rejected`: answers it sent that were not taken, malformed or not ours).
    case closed(String, rejected: [String])
    case cancelled
}

/// A flag the async side sets on cancellation. The socket thread's waits also poll the read
/// end of a pipe that `cancel` writes to, so a cancelled exchange ends at once rather than at
/// the end of its poll slice (check cancels the public resolvers it no longer needs and
/// waits for them to end, so every millisecond here was a millisecond of the verdict).
final class DNSCancellationFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false
    /// Read and write ends of the wake-up pipe; nil when no pipe could be made (the waits then
    /// notice the flag within a poll slice).
    private let pipeEnds: (read: Int32, write: Int32)?

    init() {
        var ends: [Int32] = [-1, -1]
        if pipe(&ends) == 0 {
            for end in ends { _ = fcntl(end, F_SETFD, FD_CLOEXEC) }
            _ = fcntl(ends[1], F_SETFL, fcntl(ends[1], F_GETFL) | O_NONBLOCK)
            pipeEnds = (ends[0], ends[1])
        } else {
            pipeEnds = nil
        }
    }

    deinit {
        if let pipeEnds {
            close(pipeEnds.read)
            close(pipeEnds.write)
        }
    }

    var isSet: Bool { lock.withLock { set } }

    /// The descriptor that becomes readable on cancellation, when there is one.
    var wakeDescriptor: Int32? { pipeEnds?.read }

    func cancel() {
        let first = lock.withLock { () -> Bool in
            defer { set = true }
            return !set
        }
        if first, let pipeEnds {
            var byte: UInt8 = 1
            _ = write(pipeEnds.write, &byte, 1)
        }
    }
}

/// One query/response exchange over POSIX sockets, run on its own thread so blocking waits
/// never hold a cooperative-pool thread. Waits poll in short slices beside the cancellation
/// flag's pipe: the exchange ends at its deadline or as soon as it is cancelled, and the
/// socket is always closed.
///
/// POSIX rather than NIO because a connected UDP socket's ECONNREFUSED (the ICMP port
/// unreachable a dead resolver sends back) is the evidence we want, read straight from recv.
enum DNSSocketExchange {
    /// Largest message read over either transport (the TCP length prefix caps it anyway).
    static let maximumMessageSize = 65535
    static let pollSlice = 50

    /// Runs `work` on a new thread; cancelling the calling task sets its flag.
    static func onThread<T: Sendable>(_ work: @escaping @Sendable (DNSCancellationFlag) -> T) async -> T {
        let flag = DNSCancellationFlag()
        return await withTaskCancellationHandler {
            await withCheckedContinuation { (continuation: CheckedContinuation<T, Never>) in
                Thread.detachNewThread { continuation.resume(returning: work(flag)) }
            }
        } onCancel: {
            flag.cancel()
        }
    }

    /// Sends `query` from a connected UDP socket and waits for a datagram `accept` takes
    /// (it returns nil to accept, or why it ignores one: spoofed ID, other question, garbage).
    static func udp(_ query: [UInt8], to server: DNSServerAddress, until deadline: ContinuousClock.Instant,
                    cancel: DNSCancellationFlag, accept: ([UInt8]) -> String?) -> DNSExchangeResult {
        guard let address = DNSSocketAddress(server) else { return .failed("bad server address \(server.ip)") }
        let fd = socket(address.family, socketType(SOCK_DGRAM), 0)
        guard fd >= 0 else { return .failed("socket: \(errorText(errno))") }
        defer { close(fd) }
        if let failure = connectClassified(fd, address) { return failure }
        let sent = query.withUnsafeBytes { send(fd, $0.baseAddress, $0.count, 0) }
        if sent < 0 { return classify(errno, "send") }
        var rejected: [String] = []
        var buffer = [UInt8](repeating: 0, count: maximumMessageSize)
        while true {
            switch wait(fd, events: Int16(POLLIN), until: deadline, cancel: cancel) {
            case .cancelled: return .cancelled
            case .timedOut: return .timeout(rejected: rejected)
            case .ready: break
            }
            let count = buffer.withUnsafeMutableBytes { recv(fd, $0.baseAddress, $0.count, 0) }
            if count < 0 {
                if errno == EINTR || errno == EAGAIN { continue }
                return classify(errno, "recv")
            }
            let datagram = Array(buffer[0..<count])
            guard let reason = accept(datagram) else { return .response(datagram, rejected: rejected) }
            rejected.append(reason)
        }
    }

    /// The same over TCP with the two-byte length prefix (RFC 1035 4.2.2, RFC 7766).
    static func tcp(_ query: [UInt8], to server: DNSServerAddress, until deadline: ContinuousClock.Instant,
                    cancel: DNSCancellationFlag, accept: ([UInt8]) -> String?) -> DNSExchangeResult {
        guard let address = DNSSocketAddress(server) else { return .failed("bad server address \(server.ip)") }
        let fd = socket(address.family, socketType(SOCK_STREAM), 0)
        guard fd >= 0 else { return .failed("socket: \(errorText(errno))") }
        defer { close(fd) }
        _ = fcntl(fd, F_SETFL, fcntl(fd, F_GETFL) | O_NONBLOCK)
        if address.withSockaddr({ connect(fd, $0, $1) }) != 0 {
            guard errno == EINPROGRESS else { return classify(errno, "connect") }
            switch wait(fd, events: Int16(POLLOUT), until: deadline, cancel: cancel) {
            case .cancelled: return .cancelled
            case .timedOut: return .timeout(rejected: [])
            case .ready: break
            }
            var error: Int32 = 0
            var length = socklen_t(MemoryLayout<Int32>.size)
            getsockopt(fd, SOL_SOCKET, SO_ERROR, &error, &length)
            if error != 0 { return classify(error, "connect") }
        }
        let framed = [UInt8(query.count >> 8), UInt8(query.count & 0xFF)] + query
        var written = 0
        while written < framed.count {
            let count = framed[written...].withUnsafeBytes { send(fd, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            if count < 0 {
                guard errno == EAGAIN || errno == EINTR else { return classify(errno, "send") }
                switch wait(fd, events: Int16(POLLOUT), until: deadline, cancel: cancel) {
                case .cancelled: return .cancelled
                case .timedOut: return .timeout(rejected: [])
                case .ready: continue
                }
            }
            written += max(count, 0)
        }
        var rejected: [String] = []
        while true {
            let prefix: [UInt8]
            switch readExactly(fd, 2, until: deadline, cancel: cancel) {
            case .success(let bytes): prefix = bytes
            case .failure(let failure):
                return tcpEnd(failure, rejected: rejected, closed: { got in
                    got == 0 ? "the server closed the TCP connection without answering"
                             : "the server closed the TCP connection inside a length prefix (1 of 2 bytes)"
                })
            }
            let length = Int(prefix[0]) << 8 | Int(prefix[1])
            switch readExactly(fd, length, until: deadline, cancel: cancel) {
            case .success(let message):
                guard let reason = accept(message) else { return .response(message, rejected: rejected) }
                rejected.append(reason)
            case .failure(let failure):
                return tcpEnd(failure, rejected: rejected, closed: { got in
                    "the server closed the TCP connection after \(got) of the \(length) bytes its length prefix announced: the answer is cut short"
                })
            }
        }
    }

    enum WaitResult { case ready, timedOut, cancelled }

    static func wait(_ fd: Int32, events: Int16, until deadline: ContinuousClock.Instant, cancel: DNSCancellationFlag) -> WaitResult {
        while true {
            if cancel.isSet { return .cancelled }
            let left = deadline - .now
            guard left > .zero else { return .timedOut }
            let milliseconds = Int32(min(Int64(pollSlice), max(1, left.components.seconds * 1000 + left.components.attoseconds / 1_000_000_000_000_000)))
            var descriptors = [pollfd(fd: fd, events: events, revents: 0)]
            if let wake = cancel.wakeDescriptor { descriptors.append(pollfd(fd: wake, events: Int16(POLLIN), revents: 0)) }
            let ready = poll(&descriptors, nfds_t(descriptors.count), milliseconds)
            if ready > 0, descriptors[0].revents == 0 { continue }   // the wake-up pipe: the flag is set
            if ready > 0 { return .ready }
            if ready < 0, errno != EINTR { return .ready }   // let the following call report the error
        }
    }

    static func readExactly(_ fd: Int32, _ count: Int, until deadline: ContinuousClock.Instant,
                            cancel: DNSCancellationFlag) -> Result<[UInt8], ExchangeFailure> {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: max(count, 1))
        while bytes.count < count {
            switch wait(fd, events: Int16(POLLIN), until: deadline, cancel: cancel) {
            case .cancelled: return .failure(ExchangeFailure(.cancelled))
            case .timedOut: return .failure(ExchangeFailure(.timeout(rejected: [])))
            case .ready: break
            }
            let want = count - bytes.count
            let got = chunk.withUnsafeMutableBytes { recv(fd, $0.baseAddress, want, 0) }
            if got == 0 { return .failure(ExchangeFailure(.closed("\(bytes.count)", rejected: []))) }
            if got < 0 {
                if errno == EAGAIN || errno == EINTR { continue }
                return .failure(ExchangeFailure(classify(errno, "recv")))
            }
            bytes += chunk[0..<got]
        }
        return .success(bytes)
    }

    /// How a TCP exchange ends on a failed read: a timeout keeps what was rejected; a close
    /// says where it came (`closed` gets the bytes read of the part being read).
    static func tcpEnd(_ failure: ExchangeFailure, rejected: [String], closed: (Int) -> String) -> DNSExchangeResult {
        switch failure.result {
        case .timeout: return .timeout(rejected: rejected)
        case .closed(let got, _): return .closed(closed(Int(got) ?? 0), rejected: rejected)
        default: return failure.result
        }
    }

    struct ExchangeFailure: Error, Equatable {
        let result: DNSExchangeResult
        init(_ result: DNSExchangeResult) { self.result = result }
    }

    static func connectClassified(_ fd: Int32, _ address: DNSSocketAddress) -> DNSExchangeResult? {
        address.withSockaddr({ connect(fd, $0, $1) }) == 0 ? nil : classify(errno, "connect")
    }

    static func classify(_ code: Int32, _ operation: String) -> DNSExchangeResult {
        switch code {
        case ECONNREFUSED, EHOSTUNREACH, ENETUNREACH, EHOSTDOWN, ENETDOWN:
            return .unreachable("\(operation): \(errorText(code))")
        default:
            return .failed("\(operation): \(errorText(code))")
        }
    }

    static func errorText(_ code: Int32) -> String { String(cString: strerror(code)).lowercased() }

    static func socketType(_ type: __socket_type) -> Int32 { Int32(type.rawValue) | Int32(SOCK_CLOEXEC.rawValue) }
}
