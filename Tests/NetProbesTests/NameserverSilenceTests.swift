import Foundation
@testable import NetProbes
import Testing

/// NameserverSilence against scripted servers on 127.0.0.1: a server that answers anything is
/// alive however slow its real answers; one that answers nothing is judged silent at 0.8 s,
/// and the run's lookups then end at once in the go command's words.
@Suite(.serialized)
struct NameserverSilenceTests {
    /// REFUSED to every question: alive.
    static func refuse(_ query: DNSMessage) -> [UInt8] {
        let header = DNSHeader(id: query.header.id, isResponse: true, recursionDesired: query.header.recursionDesired,
                               recursionAvailable: true, rcode: 5)
        return DNSMessage(header: header, questions: query.questions).encode()
    }

    @Test func aServerThatAnswersAnythingIsAlive() async throws {
        // Only the liveness questions (RD=0) get an answer: the name's own query would hang.
        let server = try ScriptedDNSServer { query, _ in query.header.recursionDesired ? [] : [Self.refuse(query)] }
        defer { server.stop() }
        let started = ContinuousClock.now
        #expect(await NameserverSilence.answers(server.address, deadline: .after(seconds: 5)))
        #expect(ContinuousClock.now - started < .seconds(1), "it returns as soon as the server answered")
    }

    @Test func aServerThatAnswersNothingIsSilent() async throws {
        let server = try ScriptedDNSServer { _, _ in [] }
        defer { server.stop() }
        let started = ContinuousClock.now
        #expect(await NameserverSilence.allSilent([server.address], deadline: .after(seconds: 5)) == true)
        let took = ContinuousClock.now - started
        #expect(took >= NameserverSilence.judgeAfter && took < .seconds(3), "\(took)")
        #expect(await NameserverSilence.allSilent([], deadline: .after(seconds: 5)) == false)
    }

    @Test func oneLiveServerIsEnough() async throws {
        let silent = try ScriptedDNSServer { _, _ in [] }
        let alive = try ScriptedDNSServer { query, _ in [Self.refuse(query)] }
        defer { silent.stop(); alive.stop() }
        #expect(await NameserverSilence.allSilent([silent.address, alive.address], deadline: .after(seconds: 5)) == false)
    }

    /// What a lookup of the run reports once the board has every server silent: the go
    /// command's timeout for its lookup, naming the server Go names (the lab's
    /// CheckServfailLabTests.proxyNameResolverSilent checks the whole path against the go command).
    @Test func aSilencedLookupIsTheGoCommandsTimeout() throws {
        let conf = ResolvConf.parse("nameserver 10.0.0.53\nnameserver 10.0.0.54\noptions attempts:1\n")
        let servers = conf.nameservers.compactMap { DNSServerAddress(parsing: $0) }
        guard case .failed(let error)? = DialNameResolution.silencedLookup("proxy.lab.example", conf: conf, servers: servers) else {
            Issue.record("no failure")
            return
        }
        #expect(error.kind == .timeout)
        #expect(error.description == "lookup proxy.lab.example on 10.0.0.54:53: read udp 10.0.0.54:53: i/o timeout", "\(error)")
    }
}
