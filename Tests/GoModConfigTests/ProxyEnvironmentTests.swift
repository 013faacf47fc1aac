import Testing
@testable import GoModConfig

/// golang.org/x/net/http/httpproxy proxy_test.go proxyForURLTests:
/// (HTTP proxy, HTTPS proxy, NO_PROXY, request scheme, host, port, want).
/// Two vectors differ from the upstream file, whose expectations assume a newer net/url:
/// with Go 1.19 (checked against its vendored httpproxy) `foo://host` is re-parsed as
/// `http://foo://host`, and `http://[1000::%25.example.com]:123` matches NO_PROXY
/// `example.com` by suffix, so it goes direct.
private let proxyForURLVectors: [(String, String, String, String, String, Int?, String?)] = [
    ("127.0.0.1:8080", "", "", "http", "example.com", nil, "http://127.0.0.1:8080"),
    ("cache.corp.example.com:1234", "", "", "http", "example.com", nil, "http://cache.corp.example.com:1234"),
    ("cache.corp.example.com", "", "", "http", "example.com", nil, "http://cache.corp.example.com"),
    ("localhost", "", "", "http", "example.com", nil, "http://localhost"),
    ("https://cache.corp.example.com", "", "", "http", "example.com", nil, "https://cache.corp.example.com"),
    ("http://127.0.0.1:8080", "", "", "http", "example.com", nil, "http://127.0.0.1:8080"),
    ("https://127.0.0.1:8080", "", "", "http", "example.com", nil, "https://127.0.0.1:8080"),
    ("socks5://127.0.0.1", "", "", "http", "example.com", nil, "socks5://127.0.0.1"),
    ("foo://host", "", "", "http", "example.com", nil, "http://foo://host"),
    ("http.proxy.tld", "secure.proxy.tld", "", "http", "insecure.tld", nil, "http://http.proxy.tld"),
    ("http.proxy.tld", "secure.proxy.tld", "", "https", "secure.tld", nil, "http://secure.proxy.tld"),
    ("http.proxy.tld", "https://secure.proxy.tld", "", "https", "secure.tld", nil, "https://secure.proxy.tld"),
    ("http.proxy.tld", "", "", "https", "secure.tld", nil, nil),
    ("http.proxy.tld", "", "", "ftp", "insecure.tld", nil, nil),
    ("", "", "", "http", "example.com", nil, nil),
    ("proxy", "", "example.com", "http", "example.com", nil, nil),
    ("proxy", "", ".example.com", "http", "example.com", nil, "http://proxy"),
    ("proxy", "", "ample.com", "http", "example.com", nil, "http://proxy"),
    ("proxy", "", "example.com", "http", "foo.example.com", nil, nil),
    ("proxy", "", ".foo.com", "http", "example.com", nil, "http://proxy"),
    ("proxy", "", ".示例.com", "http", "www.示例.com", nil, nil),
    ("proxy", "", "xn--fsq092h.com", "http", "www.示例.com", nil, nil),
    ("proxy", "", "示例.com", "http", "www.xn--fsq092h.com", nil, nil),
    ("proxy", "", "example.com", "http", "1000::%.example.com", 123, nil),
]

@Suite struct ProxyEnvironmentTests {
    /// Found by the proxyenv fuzz target at a million runs (fuzz/proxyenv/corpus/
    /// regression-comma-before-combining-mark): Go splits NO_PROXY by bytes, so a comma followed
    /// by a combining mark still separates two entries; a Character split kept them as one.
    @Test func aCommaBeforeACombiningMarkStillSeparates() throws {
        let environment = ProxyEnvironment(httpProxy: "", httpsProxy: "http://proxy.invalid:3128", noProxy: "g.int,\u{315}e.com")
        #expect(try environment.route(forScheme: "https", host: "g.int", port: nil).proxyURL == nil)
        #expect(GoStrings.split("a,\u{315}b", ",") == ["a", "\u{315}b"])
        #expect(PrefixPatterns.match("corp.example,\u{301}x", "corp.example/m"))
    }

    @Test func proxyForURLMatchesHttpproxyTests() throws {
        for (http, https, noProxy, scheme, host, port, want) in proxyForURLVectors {
            let environment = ProxyEnvironment(httpProxy: http, httpsProxy: https, noProxy: noProxy)
            let got = try environment.proxyURL(forScheme: scheme, host: host, port: port)
            #expect(got == want, "http=\(http) https=\(https) no_proxy=\(noProxy) req=\(scheme)://\(host)")
        }
    }

    @Test func cgiRefusesHTTPProxyButKeepsHTTPSProxy() throws {
        let cgi = ProxyEnvironment(httpProxy: "http://10.1.2.3:8080", isCGI: true)
        #expect(throws: ConfigInputError(input: "HTTP_PROXY",
                                         message: "refusing to use HTTP_PROXY value in CGI environment; see golang.org/s/cgihttpproxy")) {
            try cgi.proxyURL(forScheme: "http", host: "example.com", port: nil)
        }
        let secure = ProxyEnvironment(httpsProxy: "https://secure.proxy.tld", isCGI: true)
        #expect(try secure.proxyURL(forScheme: "https", host: "secure.tld", port: nil) == "https://secure.proxy.tld")
    }

    /// httpproxy TestUseProxy: (host, proxied) with the test's NO_PROXY list and port 80.
    private let useProxyVectors: [(String, Bool)] = [
        ("localhost", false), ("127.0.0.1", false), ("127.0.0.2", false), ("::1", false), ("::2", true),
        ("192.168.1.1", false), ("192.168.1.2", true), ("192.168.1.3", false), ("192.168.1.4", true),
        ("10.0.0.2", false), ("2001:db8::52:0:1", false), ("2001:db8::52:0:2", true), ("2001:db8::52:0:3", false),
        ("2002:db8:a::123", false), ("fe80::424b:c8be:1643:a1b6", true),
        ("barbaz.net", true), ("www.barbaz.net", false), ("foobar.com", false), ("www.foobar.com", false),
        ("foofoobar.com", true), ("baz.com", true), ("localhost.net", true), ("local.localhost", true),
        ("barbarbaz.net", true), ("wildcard.io", true), ("nested.wildcard.io", false), ("awildcard.io", true),
    ]

    private let testNoProxy = "foobar.com, .barbaz.net, *.wildcard.io, 192.168.1.1, 192.168.1.2:81, 192.168.1.3:80, "
        + "10.0.0.0/30, 2001:db8::52:0:1, [2001:db8::52:0:2]:443, [2001:db8::52:0:3]:80, 2002:db8:a::45/64"

    @Test func noProxyRulesMatchHttpproxyUseProxyTests() throws {
        let environment = ProxyEnvironment(httpProxy: "http://proxy.example.org", noProxy: testNoProxy)
        for (host, proxied) in useProxyVectors {
            let got = try environment.proxyURL(forScheme: "http", host: host, port: 80)
            #expect((got != nil) == proxied, "useProxy(\(host))")
        }
    }

    @Test func starAndMalformedNoProxy() throws {
        let all = ProxyEnvironment(httpsProxy: "proxy:3128", noProxy: "*")
        for (host, _) in useProxyVectors {
            #expect(try all.proxyURL(forScheme: "https", host: host, port: 80) == nil)
        }
        // TestInvalidNoProxy: ":1" is ignored.
        let invalid = ProxyEnvironment(httpsProxy: "proxy:3128", noProxy: ":1")
        #expect(try invalid.proxyURL(forScheme: "https", host: "example.com", port: 80) == "http://proxy:3128")
    }

    @Test func defaultPortsAndPortRules() throws {
        let environment = ProxyEnvironment(httpsProxy: "proxy:3128", noProxy: "example.com:443,10.1.2.3:8443")
        #expect(try environment.proxyURL(forScheme: "https", host: "example.com", port: nil) == nil)
        #expect(try environment.proxyURL(forScheme: "https", host: "example.com", port: 8443) == "http://proxy:3128")
        #expect(try environment.proxyURL(forScheme: "https", host: "10.1.2.3", port: 8443) == nil)
        #expect(try environment.proxyURL(forScheme: "https", host: "10.1.2.3", port: nil) == "http://proxy:3128")
        #expect(try environment.proxyURL(forScheme: "https", host: "EXAMPLE.com", port: nil) == nil)
    }

    @Test func fromEnvironmentPrefersUpperCaseAndRecordsSources() {
        let upper = ProxyEnvironment.from(["HTTP_PROXY": "httpproxy", "HTTPS_PROXY": "httpsproxy", "NO_PROXY": "noproxy",
                                           "http_proxy": "lower", "REQUEST_METHOD": ""])
        #expect(upper == ProxyEnvironment(httpProxy: "httpproxy", httpsProxy: "httpsproxy", noProxy: "noproxy",
                                          httpProxySource: "HTTP_PROXY", httpsProxySource: "HTTPS_PROXY", noProxySource: "NO_PROXY"))
        let lower = ProxyEnvironment.from(["http_proxy": "httpproxy", "https_proxy": "httpsproxy", "no_proxy": "noproxy",
                                           "HTTPS_PROXY": ""])
        #expect(lower == ProxyEnvironment(httpProxy: "httpproxy", httpsProxy: "httpsproxy", noProxy: "noproxy",
                                          httpProxySource: "http_proxy", httpsProxySource: "https_proxy", noProxySource: "no_proxy"))
        #expect(ProxyEnvironment.from(["REQUEST_METHOD": "PUT"]).isCGI)
        #expect(ProxyEnvironment.from([:]) == ProxyEnvironment())
    }

    @Test func unparseableProxyGoesDirectAndIsReported() throws {
        let environment = ProxyEnvironment(httpsProxy: "http://proxy%zz:3128", httpsProxySource: "https_proxy")
        #expect(try environment.proxyURL(forScheme: "https", host: "proxy.golang.org", port: nil) == nil)
        #expect(environment.invalidProxyAddresses() == [
            ConfigInputError(input: "https_proxy",
                             message: "invalid proxy address \"http://proxy%zz:3128\": parse \"http://proxy%zz:3128\": invalid URL escape \"%zz\""),
        ])
        #expect(ProxyEnvironment(httpsProxy: "proxy.corp:3128").invalidProxyAddresses() == [])
    }

    @Test func badPortIsRescuedByTheHTTPPrefixAsGoDoes() throws {
        // url.Parse("http://proxy:port") fails, "http://" + value parses with host "http:".
        let environment = ProxyEnvironment(httpsProxy: "http://proxy:port")
        #expect(try environment.proxyURL(forScheme: "https", host: "proxy.golang.org", port: nil) == "http://http://proxy:port")
        #expect(environment.invalidProxyAddresses() == [])
    }

    @Test func punycodeOfUnicodeLabels() {
        #expect(GoIDNA.toASCII("www.示例.com") == "www.xn--fsq092h.com")
        #expect(GoIDNA.toASCII("bücher.example") == "xn--bcher-kva.example")
        #expect(GoIDNA.toASCII("plain.example") == "plain.example")
    }

    @Test func ipParsingFollowsGo() throws {
        let inside = try #require(GoIP.parse("10.0.0.3"))
        let outside = try #require(GoIP.parse("10.0.0.4"))
        #expect(GoIP.parse("10.0.0.1") != nil)
        #expect(GoIP.parse("010.0.0.1") == nil) // leading zeros rejected since Go 1.17
        #expect(GoIP.parse("::ffff:10.0.0.1") == GoIP.parse("10.0.0.1"))
        #expect(GoIP.parse("1::2::3") == nil)
        #expect(GoIP.parse("1:2:3:4:5:6:7:8") != nil)
        #expect(GoIP.parse("1:2:3:4:5:6:7::8") == nil)
        #expect(GoIP.parse("fe80::1%eth0") == nil)
        #expect(GoIP.parse("example.com") == nil)
        #expect(GoIPNetwork.parse("10.0.0.0/30")?.contains(inside) == true)
        #expect(GoIPNetwork.parse("10.0.0.0/30")?.contains(outside) == false)
        #expect(GoIPNetwork.parse("10.0.0.0/33") == nil)
        #expect(GoIPNetwork.parse("::/0")?.contains(outside) == false)
        #expect(GoIPNetwork.parse("::/0")?.contains(try #require(GoIP.parse("2001:db8::1"))) == true)
    }

    @Test func routeExplainsWhyARequestGoesDirect() throws {
        let environment = ProxyEnvironment.from([
            "https_proxy": "http://user:pw@proxy.corp:3128", "NO_PROXY": "*.corp.example,10.0.0.0/8",
            "http_proxy": "http://bad%zz",
        ])
        #expect(try environment.route(forScheme: "https", host: "proxy.golang.org", port: nil)
            == .proxy(url: "http://user:pw@proxy.corp:3128", source: "https_proxy"))
        #expect(try environment.route(forScheme: "https", host: "git.corp.example", port: nil)
            == .direct(.noProxyRule(.domain(suffix: ".corp.example", port: "", matchesItself: false), source: "NO_PROXY")))
        let tenNet = try #require(GoIPNetwork.parse("10.0.0.0/8"))
        #expect(try environment.route(forScheme: "https", host: "10.1.2.3", port: 443)
            == .direct(.noProxyRule(.network(tenNet), source: "NO_PROXY")))
        #expect(try environment.route(forScheme: "https", host: "localhost", port: 8443) == .direct(.localhost))
        #expect(try environment.route(forScheme: "https", host: "127.0.0.53", port: nil) == .direct(.loopback))
        #expect(try environment.route(forScheme: "https", host: "::1", port: nil) == .direct(.loopback))
        #expect(try environment.route(forScheme: "ftp", host: "proxy.golang.org", port: nil) == .direct(.schemeNotProxied))
        #expect(try ProxyEnvironment().route(forScheme: "https", host: "proxy.golang.org", port: nil) == .direct(.noProxyConfigured))
        let unparseable = try environment.route(forScheme: "http", host: "example.com", port: nil)
        guard case .direct(.unparseableProxy(let problem)) = unparseable else {
            Issue.record("expected unparseableProxy, got \(unparseable)")
            return
        }
        #expect(problem.input == "http_proxy")
        #expect(problem.message == "invalid proxy address \"http://bad%zz\": parse \"http://bad%zz\": invalid URL escape \"%zz\"")
    }
}
