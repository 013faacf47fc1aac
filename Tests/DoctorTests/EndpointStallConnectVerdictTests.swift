import Foundation
import Testing
import NetProbes
@testable import Doctor
@testable import Report

/// Issue 11's HTTP-layer verdicts from hand-built facts: an HTTPS_PROXY that refuses CONNECT
/// is named with its status, and a server that accepts and never answers is named as that.
struct EndpointStallConnectVerdictTests {
    static let proxyTarget = EndpointTarget(host: "proxy.corp.test", port: 3128, scheme: .http, connectTarget: "proxy.golang.org:443")
    static let dnsOK = EndpointVerdictTests.dnsOK
    static let tcpOK = EndpointVerdictTests.tcp(nil, [EndpointVerdictTests.connect(.ok, "10.77.4.2:3128")])

    static func connectAnswer(_ line: String, code: Int, authenticate: String? = nil, body: String? = nil) -> EndpointFacts.HTTP {
        let outcome: ProbeOutcome = code == 200 ? .ok
            : .failed(FailureClass("proxy-connect-refused", "proxy http://proxy.corp.test:3128 refused CONNECT proxy.golang.org:443 → \(line.split(separator: " ", maxSplits: 1)[1])"))
        return EndpointFacts.HTTP(outcome: outcome, proxy: "http://proxy.corp.test:3128", connectStatus: code, connectStatusLine: line,
                                  proxyAuthenticate: authenticate, connectBody: body, firstByteTimeoutSeconds: 2)
    }

    func judge(_ target: EndpointTarget, _ http: EndpointFacts.HTTP, tls: EndpointFacts.TLS? = nil) -> EndpointVerdict {
        EndpointVerdict.judge(EndpointFacts(target: target, dns: Self.dnsOK, tcp: Self.tcpOK, tls: tls, http: http))
    }

    @Test func forbiddenConnectIsTheProxysPolicy() throws {
        let verdict = judge(Self.proxyTarget, Self.connectAnswer("HTTP/1.0 403 Access violation", code: 403, body: "CONNECT to port 443 denied"))
        #expect(verdict.rootLayer == .http)
        let finding = try #require(verdict.findings.first)
        #expect(finding.id == "endpoint.https-proxy.connect-refused")
        #expect(finding.layer == .http && finding.severity == .failure)
        #expect(finding.arguments["status"] == "403 Access violation")
        #expect(finding.arguments["statusCode"] == "403")
        #expect(finding.arguments["proxy"] == "http://proxy.corp.test:3128")
        #expect(finding.arguments["target"] == "proxy.golang.org:443")
        #expect(finding.evidence == ["CONNECT proxy.golang.org:443 → 403 Access violation", "HTTP/1.0 403 Access violation",
                                     "CONNECT to port 443 denied"])
        #expect(finding.fix?.commands == ["curl -sS -x http://proxy.corp.test:3128 -I https://proxy.golang.org:443/"])
        // The layer's detail says why.
        let http = try #require(verdict.layers.first { $0.layer == .http })
        #expect(http.status == .failed)
        #expect(http.detail.contains("CONNECT proxy.golang.org:443 → 403 Access violation"))
        #expect(finding.arguments["endpoint"] == "proxy.corp.test:3128")
        #expect(finding.arguments["message"] == "CONNECT proxy.golang.org:443 → 403 Access violation")
        let text = MessageCatalog(language: .en).text(finding.id, finding.arguments)
        #expect(text == "HTTPS_PROXY proxy.corp.test:3128 refuses to open a tunnel to proxy.golang.org:443: CONNECT answered 403 Access violation")
    }

    @Test func proxyAuthenticationRequiredSaysCredentials() throws {
        let verdict = judge(Self.proxyTarget, Self.connectAnswer("HTTP/1.1 407 Proxy Authentication Required", code: 407,
                                                                 authenticate: "Basic realm=\"corp\""))
        let finding = try #require(verdict.findings.first)
        #expect(finding.id == "endpoint.https-proxy.connect-refused")
        #expect(finding.evidence.contains("407: the proxy wants credentials (Proxy-Authenticate: Basic realm=\"corp\")"))
    }

    @Test func connectAnsweredTwoHundredIsAWorkingProxy() throws {
        let verdict = judge(Self.proxyTarget, Self.connectAnswer("HTTP/1.1 200 Connection established", code: 200))
        #expect(verdict.rootLayer == nil)
        #expect(verdict.findings.map(\.id) == ["endpoint.healthy"])
        let http = try #require(verdict.layers.first { $0.layer == .http })
        #expect(http.status == .ok && http.detail == "CONNECT proxy.golang.org:443 → 200 Connection established")
    }

    /// A module proxy fetched through HTTPS_PROXY: its refused tunnel names the proxy, not the mirror.
    @Test func refusedTunnelToAModuleProxyNamesTheProxy() throws {
        let mirror = EndpointTarget(host: "proxy.golang.org")
        let verdict = judge(mirror, Self.connectAnswer("HTTP/1.1 403 Forbidden", code: 403), tls: EndpointVerdictTests.tlsOK)
        let finding = try #require(verdict.findings.first)
        #expect(finding.id == "endpoint.https-proxy.connect-refused")
        #expect(finding.arguments["proxy"] == "http://proxy.corp.test:3128")
        #expect(finding.arguments["endpoint"] == "proxy.corp.test:3128")
        #expect(finding.arguments["target"] == "proxy.golang.org:443")
    }

    @Test(arguments: [EndpointTarget(host: "proxy.lab.test"), EndpointTarget(host: "proxy.lab.test", scheme: .http)])
    func acceptAndStallIsNoResponse(target: EndpointTarget) throws {
        let http = EndpointFacts.HTTP(outcome: .failed(FailureClass("no-response", "connected (and TLS handshake completed, for https) but no response byte in 2.0 s: the server accepts connections and never answers")),
                                      firstByteTimeoutSeconds: 2)
        let verdict = judge(target, http, tls: target.scheme == .https ? EndpointVerdictTests.tlsOK : nil)
        #expect(verdict.rootLayer == .http)
        let finding = try #require(verdict.findings.first)
        #expect(finding.id == "endpoint.http.no-response")
        #expect(finding.arguments["seconds"] == "2.0")
        #expect(finding.fix?.commands == ["curl -v --max-time 10 \(target.url)", "gomod-doctor http \(target.url) -v"])
        #expect(MessageCatalog(language: .en).text(finding.id, finding.arguments).contains("accepts connections and never answers"))
        #expect(MessageCatalog(language: .zh).text(finding.id, finding.arguments).contains("接受连接但始终不响应"))
    }

    @Test func silentHandshakeStaysATLSFailure() throws {
        let tls = EndpointFacts.TLS(outcome: .failed(FailureClass("handshake-timeout", "net/http: TLS handshake timeout (the server accepted the TCP connection and never answered the handshake: no TLS byte in 2.0 s)")),
                                    handshakeCompleted: false)
        let verdict = EndpointVerdict.judge(EndpointFacts(target: EndpointTarget(host: "proxy.lab.test"), dns: Self.dnsOK,
                                                          tcp: EndpointVerdictTests.tcpOK, tls: tls))
        #expect(verdict.rootLayer == .tls)
        #expect(verdict.findings.first?.id == "endpoint.tls.handshake-timeout")
    }

    @Test func everyNewKeyHasBothLanguages() {
        for key in ["endpoint.https-proxy.connect-refused", "fix.endpoint.https-proxy.connect-refused", "endpoint.http.no-response",
                    "fix.endpoint.http.no-response", "ui.http.failure.no-response", "ui.http.failure.proxy-connect-refused"] {
            #expect(MessageCatalog.has(key), "\(key)")
            #expect(MessageCatalog(language: .zh).text(key) != MessageCatalog(language: .en).text(key), "\(key)")
        }
    }

    @Test func skippedConnectIsShownSkipped() throws {
        let verdict = judge(Self.proxyTarget, EndpointFacts.HTTP(outcome: .skipped(reason: "localhost:443 is never sent through a proxy")))
        #expect(verdict.rootLayer == nil)
        #expect(verdict.layers.first { $0.layer == .http }?.status == .skipped)
    }

    @Test func connectTargetDecodesAsNilWhenAbsent() throws {
        let data = Array(#"{"host":"p","port":3128,"scheme":"http","path":"/"}"#.utf8)
        let target = try JSONDecoder().decode(EndpointTarget.self, from: Data(data))
        #expect(target.connectTarget == nil)
        #expect(EndpointProbeRun.proxyEnvironment(["https_proxy": "http://u:p@p:3128", "NO_PROXY": "*"], proxy: target)
                == ["HTTPS_PROXY": "http://u:p@p:3128"])
        #expect(EndpointProbeRun.proxyEnvironment(["HTTPS_PROXY": "other:8080", "X": "1"], proxy: target) == ["HTTPS_PROXY": "http://p:3128", "X": "1"])
    }
}
