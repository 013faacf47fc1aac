import Foundation
@testable import NetProbes
import Testing

/// Issue 13 item 4, the client's part: a 2xx body streamed to a nameless file (never a name in
/// TMPDIR, never the whole body in memory), other bodies kept only up to 64 KiB, and a
/// Content-Length above the limit refused at the head, before any body byte is read.
@Suite struct HTTPBodyFileTests {
    static func client(limit: Int, file: HTTPBodyFile?) -> HTTPClient {
        var options = HTTPClientOptions(maxBodyBytes: limit, environment: [:])
        options.bodyFile = file
        return HTTPClient(options: options)
    }

    static func directory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("body-file-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theFileHasNoNameAndReadsBackThroughItsDescriptor() throws {
        let directory = try Self.directory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let file = try HTTPBodyFile(directory: directory.path)
        try file.append(Array("hello ".utf8))
        try file.append(Array("world".utf8))
        #expect(try FileManager.default.contentsOfDirectory(atPath: directory.path).isEmpty, "a name appeared in the directory")
        #expect(file.size == 11)
        #expect(try Data(contentsOf: URL(fileURLWithPath: file.path)) == Data("hello world".utf8))
        #expect(try file.read(at: 6, count: 100) == Array("world".utf8))
        try file.reset()
        #expect(file.size == 0)
        #expect(try file.read(at: 0, count: 10).isEmpty)
    }

    @Test func anOKBodyGoesToTheFileNotToMemory() async throws {
        let body = String(repeating: "z", count: 200_000)
        let peer = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        defer { peer.stop() }
        let file = try HTTPBodyFile()
        let fetch = await Self.client(limit: 1 << 20, file: file).fetch(try HTTPRequestURL("http://127.0.0.1:\(peer.port)/z"),
                                                                          deadline: .after(seconds: 10))
        #expect(fetch.outcome == .ok, "\(fetch.outcome)")
        #expect(fetch.body.isEmpty)
        #expect(file.size == 200_000)
        #expect(try file.read(at: 0, count: 300_000) == Array(body.utf8))
    }

    @Test func anErrorBodyStaysInMemoryUpTo64KiB() async throws {
        let body = String(repeating: "e", count: 100_000)
        let peer = try ScriptedTCPPeer(reply: Array("HTTP/1.1 404 Not Found\r\nContent-Length: \(body.utf8.count)\r\n\r\n\(body)".utf8))
        defer { peer.stop() }
        let file = try HTTPBodyFile()
        let fetch = await Self.client(limit: 1 << 20, file: file).fetch(try HTTPRequestURL("http://127.0.0.1:\(peer.port)/e"),
                                                                          deadline: .after(seconds: 10))
        #expect(fetch.outcome.failure?.code == "http-status")
        #expect(fetch.body.count == 64 << 10)
        #expect(file.size == 0)
    }

    /// A declared length over the limit is too-large at once: the peer holds the connection open
    /// and sends nothing more, so only a refusal at the head ends this before the deadline.
    @Test func aDeclaredLengthOverTheLimitIsRefusedAtTheHead() async throws {
        let peer = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: 2147483648\r\n\r\nPK".utf8), hold: true)
        defer { peer.stop() }
        let file = try HTTPBodyFile()
        let start = ContinuousClock.now
        let fetch = await Self.client(limit: 500 << 20, file: file).fetch(try HTTPRequestURL("http://127.0.0.1:\(peer.port)/big.zip"),
                                                                            deadline: .after(seconds: 5))
        #expect(fetch.outcome.failure?.code == "too-large", "\(fetch.outcome)")
        #expect(ContinuousClock.now - start < .seconds(3))
        #expect(file.size == 0)
    }
}
