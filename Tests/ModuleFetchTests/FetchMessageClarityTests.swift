import Foundation
@testable import ModuleFetch
@testable import NetProbes
import Testing

/// Issue 13 item 10 at the module-protocol level: a `.info` that is not the object the go
/// command expects is named with its limit and checked in one linear pass; a body over the
/// limit names the limit itself (not limit + 1); a server that accepted and then stalled is an
/// HTTP failure, not a TCP one.
@Suite(.serialized)
struct FetchMessageClarityTests {
    @Test func deeplyNestedInfoIsNamedWithTheLimit() {
        let deep = Array(repeating: UInt8(ascii: "["), count: 1_000_000)
        let start = ContinuousClock.now
        let failure = ProxyResponseChecks.checkInfo(deep, requested: "v1.0.0", modulePath: "example.com/m", proxy: "https://proxy.corp")
        #expect(ContinuousClock.now - start < .seconds(10), "one pass over 1 MB")
        let message = failure?.message ?? ""
        #expect(failure?.failureClass == "invalid-response")
        #expect(message.hasPrefix("invalid response from proxy \"https://proxy.corp\": exceeded max depth"), "\(message)")
        #expect(message.contains("example.com/m@v1.0.0.info"), "\(message)")
        #expect(message.contains("nested deeper than 10000 levels (at byte 10000 of 1000000)"), "\(message)")

        let inObject = Array("{\"Version\":\"v1.0.0\",\"X\":".utf8) + Array(repeating: UInt8(ascii: "{"), count: 20_000)
        #expect(ProxyInfoShape.problem(inObject) == .tooDeep(offset: 10_023))
        // Brackets inside strings are text, not nesting.
        let quoted = Array("{\"Version\":\"v1.0.0\",\"Time\":\"".utf8) + Array(repeating: UInt8(ascii: "["), count: 20_000) + Array("\"}".utf8)
        #expect(ProxyInfoShape.problem(quoted) == nil)
        #expect(ProxyInfoShape.problem(Array(#"{"Version":"v1.0.0","Time":"2024-01-01T00:00:00Z"}"#.utf8)) == nil)
    }

    @Test func infoThatIsNotAnObjectSaysWhatItIs() {
        let failure = ProxyResponseChecks.checkInfo(Array("[1,2]".utf8), requested: "v1.0.0", modulePath: "example.com/m", proxy: "https://p")
        #expect(failure?.message.hasPrefix("invalid response from proxy \"https://p\": json: cannot unmarshal array into Go value of type modfetch.RevInfo") == true,
                "\(failure?.message ?? "")")
        #expect(failure?.message.contains("its top-level value is a JSON array") == true)
        #expect(ProxyInfoShape.problem(Array("\"v1\"".utf8)) == .notAnObject(kind: "string"))
        #expect(ProxyInfoShape.problem(Array("<html>".utf8)) == nil, "not JSON at all is the decoder's to name")
    }

    @Test func bodyOverTheLimitNamesTheLimit() async throws {
        let peer = try ScriptedTCPPeer(reply: Array("HTTP/1.1 200 OK\r\nContent-Length: 11\r\n\r\n0123456789A".utf8))
        defer { peer.stop() }
        let response = await HTTPModuleTransport(environment: [:], auth: GoAuthCredentials(goauth: "off", supported: true, environment: [:])).get("http://127.0.0.1:\(peer.port)/m/@v/v1.0.0.mod", maxBodyBytes: 10,
                                                                         insecure: false, deadline: .after(seconds: 10))
        let failure = try #require(response.failure, "\(response.bodyTruncated)")
        #expect(failure.failureClass == "too-large")
        #expect(failure.message.contains("larger than 10 bytes"), "\(failure.message)")
        #expect(!failure.message.contains("11 bytes"), "\(failure.message)")
    }

    @Test func aStallAfterConnectIsAnHTTPFailure() async throws {
        let silent = try ScriptedTCPPeer(reply: [], hold: true)
        defer { silent.stop() }
        let response = await HTTPModuleTransport(environment: [:], auth: GoAuthCredentials(goauth: "off", supported: true, environment: [:])).get("http://127.0.0.1:\(silent.port)/m/@v/list", maxBodyBytes: 1 << 20,
                                                                         insecure: false, deadline: .after(seconds: 1.5))
        let failure = try #require(response.failure)
        #expect(failure.failureClass == "timeout")
        #expect(failure.layer == .http, "the server accepted the connection: \(failure.layer) (\(failure.failureClass))")
    }

    @Test func aTimeoutIsPlacedByHowFarTheRequestGot() {
        let timeout = FailureClass("timeout", "no complete response before the deadline (context deadline exceeded)")
        var hop = HTTPHop(method: "GET", url: "https://p/x", proxy: nil, addresses: [], connectAttempts: [], tls: nil, tlsVerdict: nil,
                          status: nil, statusLine: nil, headers: [], location: nil, contentType: nil, bodyBytes: 0, bodyTruncated: false,
                          serverResponse: nil, timings: HTTPPhaseTimings(), failure: timeout)
        #expect(FetchFailure.from(http: timeout, status: nil, goError: nil, hop: hop).layer == .tcp, "never connected")
        hop.connectAttempts = [ConnectAttempt(address: "10.0.0.1:443", errorClass: nil, error: nil, durationSeconds: 0.01)]
        #expect(FetchFailure.from(http: timeout, status: nil, goError: nil, hop: hop).layer == .http)
        hop.tls = TLSHandshakeReport(serverName: "p", completed: false, protocolVersion: nil, cipherSuite: nil, alpn: nil, chain: [],
                                     chainDER: [], failure: nil, durationSeconds: 1)
        #expect(FetchFailure.from(http: timeout, status: nil, goError: nil, hop: hop).layer == .tls)
    }
}
