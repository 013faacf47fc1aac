import Foundation
@testable import NetProbes
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// The client against a scripted server on 127.0.0.1 (loopback only): spoofed replies are
/// ignored, lost datagrams retried, truncation repeated over TCP, the deadline honoured.
@Suite(.serialized)
struct DNSClientLoopbackTests {
    let question = DNSQuestion(name: (try? DNSName(parsing: "proxy.golang.org")) ?? .root, type: .a)

    static func answer(to query: DNSMessage, id: UInt16? = nil, name: DNSName? = nil, truncated: Bool = false, count: Int = 1) -> [UInt8] {
        let asked = query.questions.first ?? DNSQuestion(name: .root, type: .a)
        var reply = DNSMessage(header: DNSHeader(id: id ?? query.header.id, isResponse: true, truncated: truncated, recursionAvailable: true),
                               questions: [DNSQuestion(name: name ?? asked.name, type: asked.type)])
        if !truncated {
            reply.answers = (0..<count).map { DNSResourceRecord(name: asked.name, type: .a, ttl: 30, data: .a([10, 77, 0, UInt8($0 + 1)])) }
        }
        return reply.encode()
    }

    @Test func spoofedRepliesAreIgnored() async throws {
        let server = try ScriptedDNSServer { query, _ in
            [Self.answer(to: query, id: query.header.id &+ 1), Self.answer(to: query, name: try? DNSName(parsing: "evil.example")),
             Self.answer(to: query)]
        }
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address, options: DNSQueryOptions(timeoutPerAttempt: .seconds(3), attempts: 1),
                                             deadline: .after(seconds: 5))
        #expect(result.outcome == .ok)
        #expect(result.evidence.addresses == ["10.77.0.1"])
        #expect(result.evidence.attempts.first?.ignored.count == 2)
    }

    @Test func lostQueryIsRetried() async throws {
        let server = try ScriptedDNSServer { query, index in index == 0 ? [] : [Self.answer(to: query)] }
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address,
                                             options: DNSQueryOptions(timeoutPerAttempt: .milliseconds(300), attempts: 3),
                                             deadline: .after(seconds: 5))
        #expect(result.evidence.attempts.map(\.result) == ["timeout", "response"])
        #expect(result.evidence.rcode == "NOERROR")
    }

    @Test func truncatedAnswerIsRepeatedOverTCP() async throws {
        let server = try ScriptedDNSServer(tcp: { query in Self.answer(to: query, count: 40) }) { query, _ in
            [Self.answer(to: query, truncated: true)]
        }
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address, deadline: .after(seconds: 5))
        #expect(result.evidence.retriedOverTCP && result.evidence.transport == "tcp")
        #expect(result.evidence.answers.count == 40)
    }

    @Test func deadlineEndsTheQuery() async throws {
        let server = try ScriptedDNSServer { _, _ in [] }
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address,
                                             options: DNSQueryOptions(timeoutPerAttempt: .seconds(20), attempts: 3),
                                             deadline: .after(.milliseconds(300)))
        #expect(result.outcome.failure?.code == "timeout")
        #expect(result.evidence.attempts.count == 1, "the deadline, not the 20 s per-try timeout, ended the query")
    }
}

/// A UDP (and optionally TCP) DNS server on 127.0.0.1 that answers each query with what its
/// script returns, on its own thread until `stop()`.
final class ScriptedDNSServer: @unchecked Sendable {
    let address: DNSServerAddress
    private let udp: Int32
    private let tcp: Int32
    private let lock = NSLock()
    private var stopped = false

    init(tcp tcpScript: (@Sendable (DNSMessage) -> [UInt8])? = nil,
         udp script: @escaping @Sendable (DNSMessage, Int) -> [[UInt8]]) throws {
        let udpSocket = socket(AF_INET, Int32(SOCK_DGRAM.rawValue), 0)
        var bound = sockaddr_in()
        bound.sin_family = sa_family_t(AF_INET)
        bound.sin_addr.s_addr = inet_addr("127.0.0.1")
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        _ = withUnsafePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(udpSocket, $0, length) } }
        _ = withUnsafeMutablePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(udpSocket, $0, &length) } }
        let port = Int(UInt16(bigEndian: bound.sin_port))
        guard port != 0 else { throw CancellationError() }
        address = DNSServerAddress(ip: "127.0.0.1", port: port)
        let tcpSocket = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        if let tcpScript {
            var one: Int32 = 1
            setsockopt(tcpSocket, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            _ = withUnsafePointer(to: &bound) { $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(tcpSocket, $0, length) } }
            listen(tcpSocket, 4)
        }
        udp = udpSocket
        tcp = tcpSocket
        self.tcpScript = tcpScript
        self.script = script
        start()
    }

    private let tcpScript: (@Sendable (DNSMessage) -> [UInt8])?
    private let script: @Sendable (DNSMessage, Int) -> [[UInt8]]

    private func start() {
        if let tcpScript {
            Thread.detachNewThread { self.serveTCP(self.tcp, tcpScript) }
        }
        Thread.detachNewThread { self.serveUDP(self.udp, self.script) }
    }

    var isStopped: Bool { lock.withLock { stopped } }

    func stop() {
        lock.withLock { stopped = true }
        shutdown(udp, Int32(SHUT_RDWR))
        shutdown(tcp, Int32(SHUT_RDWR))
        if tcpScript == nil { close(tcp) }   // no TCP thread owns it
    }

    private func serveUDP(_ fd: Int32, _ script: (DNSMessage, Int) -> [[UInt8]]) {
        defer { close(fd) }
        var buffer = [UInt8](repeating: 0, count: 4096)
        var index = 0
        while !isStopped {
            var peer = sockaddr_storage()
            var peerLength = socklen_t(MemoryLayout<sockaddr_storage>.size)
            var descriptor = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let count = withUnsafeMutablePointer(to: &peer) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { recvfrom(fd, &buffer, buffer.count, 0, $0, &peerLength) }
            }
            guard count > 0, let query = try? DNSMessage.decode(Array(buffer[0..<count])) else { continue }
            for reply in script(query, index) {
                _ = withUnsafePointer(to: &peer) { pointer in
                    pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { sendto(fd, reply, reply.count, 0, $0, peerLength) }
                }
            }
            index += 1
        }
    }

    private func serveTCP(_ listener: Int32, _ script: (DNSMessage) -> [UInt8]) {
        defer { close(listener) }
        while !isStopped {
            var descriptor = pollfd(fd: listener, events: Int16(POLLIN), revents: 0)
            guard poll(&descriptor, 1, 50) > 0 else { continue }
            let connection = accept(listener, nil, nil)
            guard connection >= 0 else { continue }
            var prefix = [UInt8](repeating: 0, count: 2)
            if recv(connection, &prefix, 2, Int32(MSG_WAITALL)) == 2 {
                var body = [UInt8](repeating: 0, count: Int(prefix[0]) << 8 | Int(prefix[1]))
                if recv(connection, &body, body.count, Int32(MSG_WAITALL)) == body.count, let query = try? DNSMessage.decode(body) {
                    let reply = script(query)
                    let framed = [UInt8(reply.count >> 8), UInt8(reply.count & 0xFF)] + reply
                    _ = send(connection, framed, framed.count, Int32(MSG_NOSIGNAL))
                }
            }
            close(connection)
        }
    }
}
