import Foundation
@testable import NetProbes
import Testing

/// The Go-ordered lookup against scripted servers on 127.0.0.1 (loopback only): a SERVFAIL
/// sends it to the next server, `attempts` rounds are made over all servers, and an NXDOMAIN
/// ends it at once — with the go command's text naming the deciding server.
@Suite(.serialized)
struct GoResolverServfailLoopbackTests {
    static func reply(to query: DNSMessage, rcode: UInt8, address: [UInt8]? = nil) -> [UInt8] {
        let asked = query.questions.first ?? DNSQuestion(name: .root, type: .a)
        var message = DNSMessage(header: DNSHeader(id: query.header.id, isResponse: true, recursionDesired: true,
                                                   recursionAvailable: true, rcode: rcode),
                                 questions: [asked])
        if let address, asked.type == .a {
            message.answers = [DNSResourceRecord(name: asked.name, type: .a, ttl: 30, data: .a(address))]
        }
        return message.encode()
    }

    /// resolv.conf with the given options; the servers are passed separately (loopback ports).
    static func conf(_ options: String = "") -> ResolvConf {
        ResolvConf.parse("nameserver 127.0.0.1\nnameserver 127.0.0.2\n" + (options.isEmpty ? "" : "options \(options)\n"))
    }

    @Test func servfailEverywhereIsServerMisbehavingAfterEveryRound() async throws {
        let first = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 2)] }
        let second = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 2)] }
        defer { first.stop(); second.stop() }
        let result = await GoResolverLookup.run("proxy.lab.example", conf: Self.conf("attempts:2"), servers: [first.address, second.address],
                                                deadline: .after(seconds: 10))
        let error = try #require(result.outcome?.error)
        #expect(error.kind == .servfail)
        #expect(error.description == "lookup proxy.lab.example on 127.0.0.1:\(second.address.port): server misbehaving")
        // Two rounds over both servers, for A and for AAAA.
        #expect(result.queries.count == 8)
        #expect(result.queries.filter { $0.type == "A" }.map(\.server)
                == [first.address, second.address, first.address, second.address].map(\.description))
    }

    @Test func theSecondServerAnswersAfterASERVFAIL() async throws {
        let first = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 2)] }
        let second = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 0, address: [10, 77, 2, 2])] }
        defer { first.stop(); second.stop() }
        let result = await GoResolverLookup.run("proxy.lab.example", conf: Self.conf(), servers: [first.address, second.address],
                                                deadline: .after(seconds: 10))
        // A resolves on the second server; AAAA is a NOERROR without data there ("no such host"), which a found A outweighs.
        #expect(result.outcome == .addresses(["10.77.2.2"]))
    }

    @Test func nxdomainOnTheFirstServerEndsTheLookup() async throws {
        let first = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 3)] }
        let second = try ScriptedDNSServer { query, _ in [Self.reply(to: query, rcode: 0, address: [10, 77, 2, 2])] }
        defer { first.stop(); second.stop() }
        let result = await GoResolverLookup.run("proxy.lab.example", conf: Self.conf(), servers: [first.address, second.address],
                                                deadline: .after(seconds: 10))
        let error = try #require(result.outcome?.error)
        #expect(error.kind == .nxdomain && error.description == "lookup proxy.lab.example on 127.0.0.1:\(first.address.port): no such host")
        #expect(result.queries.allSatisfy { $0.server == first.address.description })
    }

    @Test func silentServersTimeOutWithinTheDeadline() async throws {
        let silent = try ScriptedDNSServer { _, _ in [] }
        defer { silent.stop() }
        let start = ContinuousClock.now
        let result = await GoResolverLookup.run("proxy.lab.example", conf: Self.conf("timeout:1 attempts:1"), servers: [silent.address],
                                                deadline: .after(seconds: 5))
        #expect(ContinuousClock.now - start < .seconds(3))
        let error = try #require(result.outcome?.error)
        #expect(error.kind == .timeout && error.err == "read udp 127.0.0.1:\(silent.address.port): i/o timeout")
    }
}
