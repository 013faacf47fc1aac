@testable import NetProbes
import Testing

/// How the client reads a proxy's answer to CONNECT (net/http/transport.go dialConn).
@Suite struct HTTPProxyTunnelTests {
    let proxy: HTTPRequestURL
    let target: HTTPRequestURL
    let deadline = ProbeDeadline.after(seconds: 60)

    init() throws {
        proxy = try HTTPRequestURL("http://alice:pa%40ss@proxy.corp:3128")
        target = try HTTPRequestURL("https://proxy.golang.org/github.com/x/@v/list")
    }

    @Test func twoHundredOpensTheTunnel() {
        #expect(HTTPHopRunner.tunnelFailure("HTTP/1.1 200 Connection established", proxy: proxy, url: target, deadline: deadline) == nil)
        #expect(HTTPHopRunner.tunnelFailure("HTTP/1.0 200 OK", proxy: proxy, url: target, deadline: deadline) == nil)
    }

    @Test func refusalKeepsTheStatusAndGoText() {
        let failure = HTTPHopRunner.tunnelFailure("HTTP/1.1 403 Forbidden", proxy: proxy, url: target, deadline: deadline)
        #expect(failure?.code == "proxy-connect")
        #expect(failure?.detail == "proxy http://REDACTED@proxy.corp:3128 refused CONNECT proxy.golang.org:443: 403 Forbidden (the go command says: Forbidden)")
        #expect(failure?.detail.contains("pa%40ss") == false)
        let bare = HTTPHopRunner.tunnelFailure("HTTP/1.1 407", proxy: proxy, url: target, deadline: deadline)
        #expect(bare?.detail.hasSuffix("(the go command says: unknown status code)") == true)
    }

    @Test func silenceOrCloseIsAProxyFailure() {
        let closed = HTTPHopRunner.tunnelFailure(nil, proxy: proxy, url: target, deadline: deadline)
        #expect(closed?.code == "proxy-connect")
        #expect(closed?.detail.contains("closed the connection") == true)
    }

    @Test func credentialsBecomeBasicAuthorization() {
        // "alice:pa@ss" in base64
        #expect(HTTPHopRunner.basicAuthorization(proxy) == "Basic YWxpY2U6cGFAc3M=")
        #expect(HTTPHopRunner.basicAuthorization(target) == nil)
    }

    @Test func headerEndIsFoundOnlyAfterTheBlankLine() {
        #expect(ProxyConnectResponseReader.headerEnd(Array("HTTP/1.1 200 OK\r\n".utf8)) == nil)
        #expect(ProxyConnectResponseReader.headerEnd(Array("HTTP/1.1 200 OK\r\n\r\n".utf8)) == 15)
    }
}
