import Foundation
@testable import NetProbes
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// Issue 13 item 8: a UDP answer with TC=1 is only a pointer to TCP. When the TCP retry is
/// refused or stalls, the query failed (Go: net/dnsclient_unix.go exchange returns the dial or
/// read error) — the truncated UDP answer is kept as evidence, never presented as the answer.
@Suite(.serialized)
struct DNSTruncatedTCPFallbackTests {
    let question = DNSQuestion(name: (try? DNSName(parsing: "proxy.golang.org")) ?? .root, type: .a)

    /// A TCP listener on `port` of 127.0.0.1 that never accepts: the kernel completes the
    /// handshake, the query is written, and no answer ever comes.
    final class StallingListener {
        let fd: Int32

        init(port: Int) throws {
            fd = socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var one: Int32 = 1
            setsockopt(fd, SOL_SOCKET, SO_REUSEADDR, &one, socklen_t(MemoryLayout<Int32>.size))
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let bound = withUnsafePointer(to: &address) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(fd, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) }
            }
            guard bound == 0, listen(fd, 4) == 0 else {
                close(fd)
                throw CancellationError()
            }
        }

        func stop() { close(fd) }
    }

    static func truncatedServer() throws -> ScriptedDNSServer {
        try ScriptedDNSServer { query, _ in [DNSClientLoopbackTests.answer(to: query, truncated: true)] }
    }

    @Test func refusedTCPRetryIsAFailureNotTheTruncatedAnswer() async throws {
        let server = try Self.truncatedServer()   // no TCP listener: the retry is refused
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address,
                                             options: DNSQueryOptions(timeoutPerAttempt: .seconds(2), attempts: 1), deadline: .after(seconds: 5))
        #expect(result.outcome.failure?.code == "truncated-tcp-failed", "\(result.outcome)")
        #expect(result.outcome.failure?.detail.contains(server.address.description) == true)
        #expect(result.outcome.failure?.detail.contains("connection refused") == true, "\(result.outcome)")
        #expect(result.evidence.rcode == nil, "the truncated UDP answer is not the answer")
        #expect(result.evidence.transport == nil)
        #expect(result.evidence.retriedOverTCP)
        #expect(result.evidence.attempts.map(\.result) == ["truncated", "unreachable"])
        let kept = try #require(result.evidence.truncatedUDPAnswer, "kept as evidence")
        #expect(kept.rcode == "NOERROR" && kept.flags.contains("tc"))
    }

    @Test func stalledTCPRetryIsAFailureAtItsTimeout() async throws {
        let server = try Self.truncatedServer()
        defer { server.stop() }
        let listener = try StallingListener(port: server.address.port)
        defer { listener.stop() }
        let result = await DNSClient().query(question, server: server.address,
                                             options: DNSQueryOptions(timeoutPerAttempt: .milliseconds(500), attempts: 2),
                                             deadline: .after(seconds: 5))
        #expect(result.outcome.failure?.code == "truncated-tcp-failed", "\(result.outcome)")
        #expect(result.outcome.failure?.detail.contains("the TCP retry timed out (no response in 500 ms)") == true, "\(result.outcome)")
        #expect(result.evidence.rcode == nil)
        #expect(result.evidence.attempts.map(\.transport) == ["udp", "tcp"])
        #expect(result.evidence.truncatedUDPAnswer != nil)
        let tcp = try #require(result.evidence.attempts.last)
        #expect(tcp.durationSeconds >= 0.45 && tcp.durationSeconds < 3, "the per-try timeout ended it, not the 5 s deadline: \(tcp)")
    }

    /// GoDNSReply sees no reply: the go command's resolver moves on / fails, never "no such host".
    @Test func goResolverSeesNoReply() async throws {
        let server = try Self.truncatedServer()
        defer { server.stop() }
        let result = await DNSClient().query(question, server: server.address,
                                             options: DNSQueryOptions(timeoutPerAttempt: .seconds(2), attempts: 1), deadline: .after(seconds: 5))
        let reply = GoDNSReply(result.evidence)
        #expect(reply.rcode == nil && reply.noReply != nil)
    }

    /// The comparison counts that resolver as failed: no rcode, its own failure code.
    @Test func comparisonTreatsTheResolverAsFailed() async throws {
        let server = try Self.truncatedServer()
        defer { server.stop() }
        let comparison = ResolverComparison(resolvers: [ResolverSpec(role: "configured", server: server.address)], types: [.a],
                                            options: DNSQueryOptions(timeoutPerAttempt: .seconds(1), attempts: 1), includePlatform: false)
        let result = await comparison.run("proxy.golang.org", deadline: .after(seconds: 5))
        #expect(result.evidence.answers.first?.rcode == nil)
        #expect(result.evidence.answers.first?.outcome.failure?.code == "truncated-tcp-failed")
        #expect(result.outcome.failure?.code == "unreachable", "no resolver answered: \(result.outcome)")
    }
}
