import Testing
@testable import GoModConfig

/// Go 1.19 `url.Parse` results, recorded from the real toolchain: the input, and either
/// `ERR <error text>` or `scheme|opaque|user|password|host|path|rawPath|omitHost|forceQuery|
/// rawQuery|fragment|rawFragment|Redacted()|Hostname()|Port()`.
private let goURLParseResults: [(String, String)] = [
    ("https://proxy.golang.org", "https||<nil>|<nil>|proxy.golang.org|||false|false||||https://proxy.golang.org|proxy.golang.org|"),
    ("ftp://user:secret@x/p", "ftp||user|secret|x|/p||false|false||||ftp://user:xxxxx@x/p|x|"),
    ("file:///srv/goproxy", "file||<nil>|<nil>||/srv/goproxy||false|false||||file:///srv/goproxy||"),
    ("file:/srv/goproxy", "file||<nil>|<nil>||/srv/goproxy||true|false||||file:/srv/goproxy||"),
    ("file://host/srv/goproxy", "file||<nil>|<nil>|host|/srv/goproxy||false|false||||file://host/srv/goproxy|host|"),
    ("file:///srv/goproxy?x=1", "file||<nil>|<nil>||/srv/goproxy||false|false|x=1|||file:///srv/goproxy?x=1||"),
    ("file:///srv/go%20proxy", "file||<nil>|<nil>||/srv/go proxy||false|false||||file:///srv/go%20proxy||"),
    ("file:///srv/go proxy", "file||<nil>|<nil>||/srv/go proxy|/srv/go proxy|false|false||||file:///srv/go%20proxy||"),
    ("https://:foo", "ERR parse \"https://:foo\": invalid port \":foo\" after host"),
    ("https://p.example/%zz", "ERR parse \"https://p.example/%zz\": invalid URL escape \"%zz\""),
    ("https://p.ex%41mple/", "ERR parse \"https://p.ex%41mple/\": invalid URL escape \"%41\""),
    ("https://[::1]:80/x", "https||<nil>|<nil>|[::1]:80|/x||false|false||||https://[::1]:80/x|::1|80"),
    ("https://[::1/x", "ERR parse \"https://[::1/x\": missing ']' in host"),
    ("https://p.example/a#frag%20x", "https||<nil>|<nil>|p.example|/a||false|false||frag x||https://p.example/a#frag%20x|p.example|"),
    ("https://p.example/a#%zz", "ERR parse \"https://p.example/a#%zz\": invalid URL escape \"%zz\""),
    ("mailto:x@y", "mailto|x@y|<nil>|<nil>||||false|false||||mailto:x@y||"),
    ("/abs/path", "||<nil>|<nil>||/abs/path||false|false||||/abs/path||"),
    ("foo", "||<nil>|<nil>||foo||false|false||||foo||"),
    ("a:b", "a|b|<nil>|<nil>||||false|false||||a:b||"),
    (":foo", "ERR parse \":foo\": missing protocol scheme"),
    ("1a:b", "ERR parse \"1a:b\": first path segment in URL cannot contain colon"),
    ("https://u@p:3128", "https||u|<nil>|p:3128|||false|false||||https://u@p:3128|p|3128"),
    ("https://u:p%40ss@h/", "https||u|p@ss|h|/||false|false||||https://u:xxxxx@h/|h|"),
    ("https://h{/", "ERR parse \"https://h{/\": invalid character \"{\" in host name"),
    ("https://h\u{7F}/", "ERR parse \"https://h\\x7f/\": net/url: invalid control character in URL"),
    ("HTTPS://H/P", "https||<nil>|<nil>|H|/P||false|false||||https://H/P|H|"),
    ("https://h/p?", "https||<nil>|<nil>|h|/p||false|true||||https://h/p?|h|"),
    ("https://h/p?q=1?", "https||<nil>|<nil>|h|/p||false|false|q=1?|||https://h/p?q=1?|h|"),
    ("https://[fe80::1%25en0]:8080/", "https||<nil>|<nil>|[fe80::1%en0]:8080|/||false|false||||https://[fe80::1%25en0]:8080/|fe80::1%en0|8080"),
    ("https://h/a%2Fb", "https||<nil>|<nil>|h|/a/b|/a%2Fb|false|false||||https://h/a%2Fb|h|"),
    ("http://foo://host", "http||<nil>|<nil>|foo:|//host||false|false||||http://foo://host|foo|"),
    ("http://h/é", "http||<nil>|<nil>|h|/é|/é|false|false||||http://h/%C3%A9|h|"),
    ("https://é.example/", "https||<nil>|<nil>|é.example|/||false|false||||https://%C3%A9.example/|é.example|"),
    ("//host/path", "||<nil>|<nil>|host|/path||false|false||||//host/path|host|"),
    ("///x", "||<nil>|<nil>||///x||false|false||||///x||"),
    ("*", "||<nil>|<nil>||*||false|false||||*||"),
    ("/p/x%tép.s", "ERR parse \"/p/x%tép.s\": invalid URL escape \"%t\\xc3\""),
]

@Suite struct GoURLTests {
    @Test func parseMatchesGo119() {
        for (input, want) in goURLParseResults {
            #expect(summary(input) == want, "url.Parse(\(input))")
        }
    }

    private func summary(_ input: String) -> String {
        do {
            let url = try GoURL.parse(input)
            return [url.scheme, url.opaque, url.user ?? "<nil>", url.password ?? "<nil>", url.host, url.path,
                    url.rawPath, String(url.omitHost), String(url.forceQuery), url.rawQuery, url.fragment,
                    url.rawFragment, url.redacted, url.hostname, url.port].joined(separator: "|")
        } catch {
            return "ERR " + error.description
        }
    }

    @Test func goQuoteEscapesLikeStrconv() {
        #expect(GoQuote.quote("a\"b\\c") == "\"a\\\"b\\\\c\"")
        #expect(GoQuote.quote("tab\there\u{7F}\u{01}") == "\"tab\\there\\x7f\\x01\"")
        #expect(GoQuote.quote("示例") == "\"示例\"")
        #expect(GoQuote.quote("\u{200B}") == "\"\\u200b\"")
    }
}
