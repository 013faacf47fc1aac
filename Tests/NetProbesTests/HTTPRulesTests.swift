import NetProbes
import Testing

/// The go command's `server response:` detail (cmd/go/internal/web/api.go formatErrorDetail).
@Suite struct HTTPErrorDetailTests {
    @Test func shortBodyIsKeptOnOneLine() {
        let detail = HTTPErrorDetail.format(Array("not found: example.com/m@v1.0.0\n".utf8))
        #expect(detail == "not found: example.com/m@v1.0.0")
        #expect(HTTPErrorDetail.goError(url: "https://proxy.example/m/@v/v1.0.0.info", status: "404 Not Found", detail: detail)
            == "reading https://proxy.example/m/@v/v1.0.0.info: 404 Not Found\n\tserver response: not found: example.com/m@v1.0.0")
    }

    @Test func multiLineBodyIsTabIndented() {
        let detail = HTTPErrorDetail.format(Array("line one\nline two\n\nafter blank".utf8))
        #expect(detail == "line one\n\tline two")
        #expect(HTTPErrorDetail.goError(url: "u", status: "410 Gone", detail: detail) == "reading u: 410 Gone\n\tserver response:\n\tline one\n\tline two")
    }

    @Test func moreThanEightLinesAreTruncated() {
        let body = (1...12).map { "l\($0)" }.joined(separator: "\n")
        let detail = HTTPErrorDetail.format(Array(body.utf8))
        #expect(detail == (1...8).map { "l\($0)" }.joined(separator: "\n\t") + "\n\t[Truncated: too many lines.]")
    }

    @Test func tooLongIsTruncated() {
        let line = String(repeating: "x", count: 80)
        let body = Array(repeating: line, count: 8).joined(separator: "\n") + "\n" + String(repeating: "y", count: 80)
        let detail = HTTPErrorDetail.format(Array(body.utf8))
        // 8 lines of 80 plus separators: 640 + 14 = 654 > 648 before the eighth line.
        #expect(detail.hasSuffix("[Truncated: too long.]"))
        #expect(detail.utf8.count <= 648 + "\n\t[Truncated: too long.]".utf8.count)
    }

    @Test func controlCharactersOrBadUTF8GiveNoDetail() {
        #expect(HTTPErrorDetail.format(Array("evil \u{1B}[31m red".utf8)) == "")
        #expect(HTTPErrorDetail.format([0x66, 0xFF, 0x66]) == "")
        #expect(HTTPErrorDetail.goError(url: "u", status: "500 Internal Server Error", detail: "") == "reading u: 500 Internal Server Error")
    }

    @Test func onlyPlainTextInUTF8IsCollected() {
        #expect(HTTPErrorDetail.collects(contentType: "text/plain"))
        #expect(HTTPErrorDetail.collects(contentType: "text/plain; charset=utf-8"))
        #expect(HTTPErrorDetail.collects(contentType: "Text/Plain; Charset=\"US-ASCII\""))
        #expect(!HTTPErrorDetail.collects(contentType: "text/plain; charset=iso-8859-1"))
        #expect(!HTTPErrorDetail.collects(contentType: "text/html"))
        #expect(!HTTPErrorDetail.collects(contentType: nil))
    }
}

/// Proxy choice like net/http ProxyFromEnvironment (golang.org/x/net/http/httpproxy).
@Suite struct HTTPProxySelectorTests {
    func url(_ text: String) throws -> HTTPRequestURL { try HTTPRequestURL(text) }

    @Test func upperCaseWinsAndSchemeChoosesTheVariable() throws {
        let selector = HTTPProxySelector(environment: ["HTTPS_PROXY": "http://upper:3128", "https_proxy": "http://lower:3128",
                                                       "http_proxy": "plain:8080"])
        #expect(try selector.proxy(for: url("https://proxy.golang.org/"))?.host == "upper")
        let plain = try selector.proxy(for: url("http://example.com/"))
        #expect(plain?.host == "plain" && plain?.port == 8080 && plain?.scheme == "http")
    }

    @Test func httpsDoesNotFallBackToHTTPProxy() throws {
        let selector = HTTPProxySelector(environment: ["HTTP_PROXY": "http://p:3128"])
        #expect(try selector.proxy(for: url("https://example.com/")) == nil)
    }

    @Test func localhostAndLoopbackAreNeverProxied() {
        let selector = HTTPProxySelector(httpProxy: "http://p:1", httpsProxy: "http://p:1")
        #expect(!selector.usesProxy(host: "localhost", port: 80))
        #expect(!selector.usesProxy(host: "127.0.0.1", port: 80))
        #expect(!selector.usesProxy(host: "::1", port: 443))
        #expect(selector.usesProxy(host: "10.0.0.1", port: 443))
    }

    @Test func noProxyRules() {
        let selector = HTTPProxySelector(httpsProxy: "http://p:1", noProxy: "corp.example, .sub.example,10.0.0.0/8, 192.168.1.5, *.wild.example, port.example:8443")
        #expect(!selector.usesProxy(host: "corp.example", port: 443))
        #expect(!selector.usesProxy(host: "git.corp.example", port: 443))
        #expect(selector.usesProxy(host: "notcorp.example", port: 443))
        #expect(selector.usesProxy(host: "sub.example", port: 443))
        #expect(!selector.usesProxy(host: "a.sub.example", port: 443))
        #expect(!selector.usesProxy(host: "10.20.30.40", port: 443))
        #expect(!selector.usesProxy(host: "192.168.1.5", port: 443))
        #expect(selector.usesProxy(host: "192.168.1.6", port: 443))
        #expect(!selector.usesProxy(host: "x.wild.example", port: 443))
        #expect(!selector.usesProxy(host: "port.example", port: 8443))
        #expect(selector.usesProxy(host: "port.example", port: 443))
        #expect(!HTTPProxySelector(httpsProxy: "http://p:1", noProxy: "*").usesProxy(host: "any.example", port: 443))
    }
}

/// Redirect rules (cmd/go/internal/web/http.go CheckRedirect) and URL handling.
@Suite struct HTTPRedirectWalkTests {
    func url(_ text: String) throws -> HTTPRequestURL { try HTTPRequestURL(text) }

    @Test func httpsToHTTPIsRefusedWithGoText() throws {
        var walk = RedirectWalk(start: try url("https://a.example/x"))
        #expect(walk.redirect(to: try url("https://b.example/y")) == .follow(try url("https://b.example/y")))
        let decision = walk.redirect(to: try url("http://c.example/z"))
        #expect(decision == .stop(FailureClass("insecure-redirect",
                                                "redirected from secure URL https://b.example/y to insecure URL http://c.example/z")))
    }

    @Test func httpToHTTPSIsFine() throws {
        var walk = RedirectWalk(start: try url("http://a.example/"))
        #expect(walk.redirect(to: try url("https://a.example/")) == .follow(try url("https://a.example/")))
    }

    @Test func tenthRedirectStops() throws {
        var walk = RedirectWalk(start: try url("http://h.example/0"))
        for index in 1...9 {
            #expect(walk.redirect(to: try url("http://h.example/\(index)")) == .follow(try url("http://h.example/\(index)")))
        }
        #expect(walk.redirect(to: try url("http://h.example/10")) == .stop(FailureClass("too-many-redirects", "stopped after 10 redirects")))
        #expect(walk.visited.count == 10)
    }

    @Test func loopIsNamed() throws {
        var walk = RedirectWalk(start: try url("http://h.example/a"))
        _ = walk.redirect(to: try url("http://h.example/b"))
        guard case .stop(let failure) = walk.redirect(to: try url("http://h.example/a")) else {
            Issue.record("expected a stop")
            return
        }
        #expect(failure.code == "redirect-loop")
        #expect(failure.detail.contains("http://h.example/a -> http://h.example/b -> http://h.example/a"))
    }

    @Test func credentialsAreRedactedAndLocationsResolve() throws {
        let secret = try url("https://user:s3cret@host.example:8443/p?q=1")
        #expect(secret.redacted == "https://REDACTED@host.example:8443/p?q=1")
        #expect(!secret.redacted.contains("s3cret"))
        #expect(secret.hostHeader == "host.example:8443")
        #expect(try secret.resolve("/other").redacted == "https://REDACTED@host.example:8443/other")
        #expect(try url("http://h.example/a/b").resolve("../c").pathAndQuery == "/c")
        #expect(try url("http://[fd77::2]:8080/").hostPort == "[fd77::2]:8080")
    }

    @Test func badURLsAreRejected() {
        #expect(throws: HTTPRequestURL.ParseError.self) { try HTTPRequestURL("ftp://x/") }
        #expect(throws: HTTPRequestURL.ParseError.self) { try HTTPRequestURL("http:///path") }
    }

    @Test func statusClasses() {
        #expect(HTTPClient.statusClass(200) == "success")
        #expect(HTTPClient.statusClass(410) == "not-found")
        #expect(HTTPClient.statusClass(407) == "auth")
        #expect(HTTPClient.statusClass(429) == "client-error")
        #expect(HTTPClient.statusClass(502) == "server-error")
    }
}
