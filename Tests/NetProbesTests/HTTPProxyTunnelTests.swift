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

    func answered(_ line: String, authenticate: String? = nil, body: String? = nil) -> Result<ProxyConnectAnswer, any Error> {
        .success(ProxyConnectAnswer(statusLine: line, proxyAuthenticate: authenticate, bodyFirstLine: body))
    }

    /// Found by the connect fuzz target (fuzz/connect/corpus/regression-negative-status-code):
    /// "-03" was read as code -3. net/http's ReadResponse wants exactly three digits.
    @Test func aStatusCodeIsThreeDigitsOrNothing() {
        #expect(ProxyConnectAnswer(statusLine: "HTTP/1.1 403 Forbidden").code == 403)
        #expect(ProxyConnectAnswer(statusLine: "PT0 -03 ").code == nil)
        #expect(ProxyConnectAnswer(statusLine: "HTTP/1.1 +20 x").code == nil)
        #expect(ProxyConnectAnswer(statusLine: "HTTP/1.1 2000 x").code == nil)
    }

    @Test func twoHundredOpensTheTunnel() {
        #expect(HTTPHopRunner.tunnelFailure(answered("HTTP/1.1 200 Connection established"), proxy: proxy, url: target, deadline: deadline) == nil)
        #expect(HTTPHopRunner.tunnelFailure(answered("HTTP/1.0 200 OK"), proxy: proxy, url: target, deadline: deadline) == nil)
    }

    @Test func refusalIsItsOwnCodeAndSaysWhy() {
        let failure = HTTPHopRunner.tunnelFailure(answered("HTTP/1.1 403 Forbidden", body: "denied by policy 7"), proxy: proxy,
                                                  url: target, deadline: deadline)
        #expect(failure?.code == "proxy-connect-refused")
        #expect(failure?.detail == "proxy http://REDACTED@proxy.corp:3128 refused CONNECT proxy.golang.org:443 → 403 Forbidden: denied by policy 7")
        #expect(failure?.detail.contains("pa%40ss") == false)
        let credentials = HTTPHopRunner.tunnelFailure(answered("HTTP/1.1 407 Proxy Authentication Required", authenticate: "Basic realm=\"corp\""),
                                                      proxy: proxy, url: target, deadline: deadline)
        #expect(credentials?.code == "proxy-connect-refused")
        #expect(credentials?.detail.hasSuffix("407 Proxy Authentication Required: the proxy wants credentials (Proxy-Authenticate: Basic realm=\"corp\")") == true)
    }

    /// net/http transport.go dialConn: errors.New(text after the code), wrapped in url.Error.
    @Test func goTextIsTheStatusWithoutItsCode() {
        let url = "https://proxy.golang.org/github.com/x/@v/v1.0.0.info"
        #expect(HTTPClient.connectRefusedGoError(method: "GET", url: url, statusLine: "HTTP/1.1 403 Forbidden")
                == "Get \"\(url)\": Forbidden")
        #expect(HTTPClient.connectRefusedGoError(method: "GET", url: url, statusLine: "HTTP/1.0 403 Access violation")
                == "Get \"\(url)\": Access violation")
        #expect(HTTPClient.connectRefusedGoError(method: "HEAD", url: url, statusLine: "HTTP/1.1 407")
                == "Head \"\(url)\": unknown status code")
        #expect(HTTPClient.connectRefusedGoError(method: "GET", url: url, statusLine: "HTTP/1.1 403 ") == "Get \"\(url)\": ")
    }

    @Test func silenceOrCloseIsAProxyFailure() {
        let closed = HTTPHopRunner.tunnelFailure(.failure(HTTPExchangeError.closedEarly(headReceived: false, bodyBytes: 0)),
                                                 proxy: proxy, url: target, deadline: deadline)
        #expect(closed?.code == "proxy-connect")
        #expect(closed?.detail.contains("closed the connection") == true)
        let silent = HTTPHopRunner.tunnelFailure(.failure(HTTPExchangeError.noResponse(seconds: 2)), proxy: proxy, url: target, deadline: deadline)
        #expect(silent?.code == "no-response")
        #expect(silent?.detail.contains("no answer to CONNECT proxy.golang.org:443 in 2.0 s") == true)
    }

    @Test func answerKeepsTheChallengeAndATextBodyLine() {
        let header = Array("HTTP/1.0 407 Proxy Authentication Required\r\nProxy-Authenticate: Basic realm=\"corp\"\r\nContent-Type: text/plain".utf8)
        let answer = ProxyConnectResponseReader.answer(header: header, rest: Array("\n  blocked: ask IT\nmore\n".utf8))
        #expect(answer.code == 407)
        #expect(answer.proxyAuthenticate == "Basic realm=\"corp\"")
        #expect(answer.bodyFirstLine == "blocked: ask IT")
        let html = ProxyConnectResponseReader.answer(header: Array("HTTP/1.0 403 Access violation\r\nContent-Type: text/html".utf8),
                                                     rest: Array("<html>".utf8))
        #expect(html.code == 403 && html.bodyFirstLine == nil && html.proxyAuthenticate == nil)
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
