import Foundation
import Testing
@testable import NetProbes

#if canImport(Glibc)
import Glibc
#endif

/// TCPConnectProbe against listeners on 127.0.0.1 (tests run in an isolated namespace; only
/// loopback is used): open, refused, a server that speaks first, a server that resets.
struct TCPLoopbackTests {
    /// A blocking IPv4 listener on 127.0.0.1 with an accept loop on its own thread.
    final class Listener: @unchecked Sendable {
        enum Behaviour { case hold, greet, reset }

        let descriptor: Int32
        let port: Int

        /// `backlog` 0 with one connection never accepted makes a port that drops SYNs.
        init(_ behaviour: Behaviour, backlog: Int32 = 16) throws {
            let listening = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            descriptor = listening
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            var length = socklen_t(MemoryLayout<sockaddr_in>.size)
            let bound = withUnsafeMutablePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(listening, $0, length) == 0 && listen(listening, backlog) == 0 && getsockname(listening, $0, &length) == 0
                }
            }
            guard listening >= 0, bound else { throw POSIXError(.EADDRNOTAVAIL) }
            port = Int(UInt16(bigEndian: address.sin_port))
            guard behaviour != .hold else { return }
            Thread.detachNewThread {
                while true {
                    let client = accept(listening, nil, nil)
                    guard client >= 0 else { return }
                    if behaviour == .greet {
                        _ = "SSH-2.0-lab\r\n".withCString { write(client, $0, 13) }
                        Thread.sleep(forTimeInterval: 1)
                    } else {
                        var reset = linger(l_onoff: 1, l_linger: 0)
                        setsockopt(client, SOL_SOCKET, SO_LINGER, &reset, socklen_t(MemoryLayout<linger>.size))
                    }
                    close(client)
                }
            }
        }

        func stop() {
            shutdown(descriptor, Int32(SHUT_RDWR))
            close(descriptor)
        }
    }

    let probe = TCPConnectProbe(attemptTimeout: .seconds(5), watchWindow: .milliseconds(200))

    func run(_ port: Int, deadline: ProbeDeadline = .after(seconds: 10)) async -> ProbeResult<TCPConnectEvidence> {
        await probe.run(HostPort(host: "127.0.0.1", port: port), deadline: deadline)
    }

    @Test func openPortConnectsQuietly() async throws {
        let listener = try Listener(.hold)
        defer { listener.stop() }
        let result = await run(listener.port)
        #expect(result.outcome == .ok)
        #expect(result.evidence.attempts.map(\.result) == [.ok])
        #expect(result.evidence.attempts.first?.afterConnect == .quiet)
        #expect(result.evidence.verdict == .allReachable)
        #expect(result.target == "127.0.0.1:\(listener.port)")
    }

    @Test func closedPortIsRefused() async throws {
        let listener = try Listener(.hold)
        let port = listener.port
        listener.stop()
        let result = await run(port)
        #expect(result.outcome == .failed(FailureClass("refused", "dial tcp 127.0.0.1:\(port): connect: connection refused")))
        #expect(result.evidence.attempts.first?.errno == "ECONNREFUSED: Connection refused")
    }

    @Test func serverThatSpeaksFirstIsRecorded() async throws {
        let listener = try Listener(.greet)
        defer { listener.stop() }
        let result = await run(listener.port)
        #expect(result.outcome == .ok)
        #expect(result.evidence.attempts.first?.afterConnect == .data)
        #expect(result.evidence.attempts.first?.bytesReceived == 13)
    }

    @Test func serverThatAcceptsAndResetsIsReset() async throws {
        let listener = try Listener(.reset)
        defer { listener.stop() }
        let result = await run(listener.port)
        #expect(result.outcome.failure?.code == "reset", "\(result)")
        #expect(result.evidence.attempts.first?.errno?.hasPrefix("ECONNRESET") == true)
        #expect(result.evidence.verdict == .allFailed)
    }

    @Test func passedDeadlineEndsAtOnce() async throws {
        let listener = try Listener(.hold)
        defer { listener.stop() }
        let result = await run(listener.port, deadline: .after(seconds: 0))
        #expect(result.outcome.failure?.code == "timeout", "\(result)")
    }
}
