import Foundation
import NIOHTTP1
@testable import NetProbes
import Testing

/// Issue 13 item 10: failure texts a person can act on — what was wrong, with which peer, and
/// which limit applied — instead of a library's own words ("invalid constant string",
/// "connection closed after 0 of 2 bytes", "larger than 16777217 bytes").
@Suite(.serialized)
struct MessageClarityTests {
    static let client = HTTPClient(options: HTTPClientOptions(maxBodyBytes: 10, environment: [:]))

    // MARK: a peer that does not speak HTTP

    @Test func nonHTTPPeerIsNamedWithItsFirstBytes() async throws {
        let peer = try ScriptedTCPPeer(reply: Array("SSH-2.0-OpenSSH_9.6\r\n".utf8))
        defer { peer.stop() }
        let fetch = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(peer.port)/x/@v/list"), deadline: .after(seconds: 10))
        let failure = try #require(fetch.outcome.failure)
        #expect(failure.code == "not-http", "\(failure)")
        #expect(failure.detail.contains("the server at 127.0.0.1:\(peer.port) did not answer HTTP"), "\(failure.detail)")
        #expect(failure.detail.contains(#"first bytes: "SSH-2.0-OpenSSH_9.6\r\n""#), "\(failure.detail)")
        #expect(!failure.detail.contains("invalid constant"), "\(failure.detail)")
    }

    @Test func controlBytesOfANonHTTPAnswerAreEscapedAndBounded() {
        let bytes: [UInt8] = [0x1B, 0x5D, 0x30, 0x3B, 0x07, 0x00, 0xFF] + Array(repeating: 0x41, count: 60)
        let failure = HTTPFailureText.notHTTP(peer: "10.0.0.1:80", firstBytes: bytes, headReceived: false, parserError: .invalidConstant)
        #expect(failure.detail.contains(#"first bytes: "\x1b]0;\x07\x00\xff"#), "\(failure.detail)")
        #expect(failure.detail.contains("…"), "more than 32 bytes are cut and marked")
        #expect(!failure.detail.unicodeScalars.contains { $0.value < 0x20 || $0.value == 0x7F })
        let body = HTTPFailureText.notHTTP(peer: "10.0.0.1:80", firstBytes: Array("HTTP/1.1 200 OK\r\n".utf8), headReceived: true,
                                          parserError: .invalidChunkSize)
        #expect(body.detail == "the server at 10.0.0.1:80 sent a valid response head but a malformed body (invalid chunk size): "
                + "the response is not valid HTTP/1.1")
    }

    // MARK: the body limit is the real limit

    @Test func tooLargeNamesTheLimitItself() async throws {
        let exact = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: 10\r\n\r\n0123456789".utf8))
        defer { exact.stop() }
        let fits = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(exact.port)/f"), deadline: .after(seconds: 10))
        #expect(fits.outcome == .ok, "a body of exactly the limit passes: \(fits.outcome)")
        let over = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789A".utf8))
        defer { over.stop() }
        let big = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(over.port)/f"), deadline: .after(seconds: 10))
        #expect(big.outcome.failure?.code == "too-large")
        #expect(big.outcome.failure?.detail.hasPrefix("response body from 127.0.0.1:\(over.port) larger than 10 bytes (10 B)") == true,
                "\(big.outcome)")
        #expect(HTTPFailureText.tooLarge(limit: 16 << 20, peer: "p:443").detail.contains("larger than 16777216 bytes (16 MiB)"))
    }

    // MARK: how far a stalled request got

    @Test func aStallAfterConnectIsNotADialFailure() async throws {
        let silent = try ScriptedTCPPeer(reply: [], hold: true)
        defer { silent.stop() }
        let fetch = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(silent.port)/x"), deadline: .after(seconds: 1.5))
        #expect(fetch.outcome.failure?.code == "timeout", "\(fetch.outcome)")
        let hop = try #require(fetch.evidence.hops.last)
        #expect(hop.connected)
        #expect(hop.phase == .responseHead)
        let headOnly = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nab".utf8), hold: true)
        defer { headOnly.stop() }
        let body = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(headOnly.port)/x"), deadline: .after(seconds: 1.5))
        #expect(body.evidence.hops.last?.phase == .body, "\(body.outcome)")
    }

    @Test func aRefusedDialStaysADialFailure() async throws {
        let closed = try ScriptedTCPPeer(reply: [])
        let port = closed.port
        closed.stop()
        let fetch = await Self.client.fetch(try HTTPRequestURL("http://127.0.0.1:\(port)/x"), deadline: .after(seconds: 5))
        #expect(fetch.evidence.hops.last?.connected == false)
        #expect(fetch.evidence.hops.last?.phase == .dial)
    }

    // MARK: DNS over TCP

    static let question = DNSQuestion(name: (try? DNSName(parsing: "proxy.golang.org")) ?? .root, type: .a)
    static let tcpOnly = DNSQueryOptions(timeoutPerAttempt: .seconds(3), attempts: 1, tcpOnly: true)

    @Test func malformedAnswerOverTCPIsNamed() async throws {
        // A length prefix announcing 5 bytes, 5 bytes that are no DNS message, then a close.
        let server = try ScriptedTCPPeer(reply: [0x00, 0x05, 1, 2, 3, 4, 5])
        defer { server.stop() }
        let address = DNSServerAddress(ip: "127.0.0.1", port: server.port)
        let result = await DNSClient().query(Self.question, server: address, options: Self.tcpOnly, deadline: .after(seconds: 5))
        let failure = try #require(result.outcome.failure)
        #expect(failure.code == "malformed", "\(failure)")
        #expect(failure.detail.hasPrefix("127.0.0.1#\(server.port): the answer over TCP was not taken (malformed DNS message: truncated"),
                "\(failure.detail)")
        #expect(!failure.detail.contains("0 of 2 bytes"), "\(failure.detail)")
    }

    @Test func answerCutShortOverTCPSaysHowShort() async throws {
        let server = try ScriptedTCPPeer(reply: [0x00, 0x40, 1, 2, 3])
        defer { server.stop() }
        let address = DNSServerAddress(ip: "127.0.0.1", port: server.port)
        let result = await DNSClient().query(Self.question, server: address, options: Self.tcpOnly, deadline: .after(seconds: 5))
        #expect(result.outcome.failure?.detail == "127.0.0.1#\(server.port): the server closed the TCP connection after 3 of the 64 bytes "
                + "its length prefix announced: the answer is cut short", "\(result.outcome)")
        let silent = try ScriptedTCPPeer(reply: [])
        defer { silent.stop() }
        let none = await DNSClient().query(Self.question, server: DNSServerAddress(ip: "127.0.0.1", port: silent.port),
                                           options: Self.tcpOnly, deadline: .after(seconds: 5))
        #expect(none.outcome.failure?.detail == "127.0.0.1#\(silent.port): the server closed the TCP connection without answering",
                "\(none.outcome)")
    }
}
