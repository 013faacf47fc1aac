import Testing
@testable import GoModConfig

private func parse(_ goproxy: String, gonoproxy: String = "") throws(ConfigInputError) -> [ProxySpec] {
    try ProxyListParser.parse(goproxy, gonoproxy: gonoproxy)
}

private func failure(_ goproxy: String, gonoproxy: String = "") -> String? {
    do {
        _ = try parse(goproxy, gonoproxy: gonoproxy)
        return nil
    } catch {
        #expect(error.input == "GOPROXY")
        return error.message
    }
}

private func url(_ text: String, _ fallback: ProxyFallback = .onNotFound) -> ProxySpec {
    ProxySpec(entry: .url(text), fallback: fallback)
}

private let direct = ProxySpec(entry: .direct, fallback: .onNotFound)
private let noproxy = ProxySpec(entry: .noproxy, fallback: .onNotFound)

@Suite struct ProxyListParserTests {
    @Test func defaultList() throws {
        #expect(try parse("https://proxy.golang.org,direct") == [url("https://proxy.golang.org"), direct])
    }

    @Test func separatorAfterAnEntryDecidesItsFallback() throws {
        #expect(try parse("https://a.example|https://b.example,direct")
            == [url("https://a.example", .onAnyError), url("https://b.example"), direct])
        #expect(try parse("https://a.example|direct")
            == [url("https://a.example", .onAnyError), direct])
        #expect(try parse("https://a.example|") == [url("https://a.example", .onAnyError)])
        #expect(try parse("https://a.example,") == [url("https://a.example")])
    }

    @Test func noproxyIsPrependedWhenGONOPROXYIsSetUnlessGOPROXYIsDirect() throws {
        #expect(try parse("https://p.example,direct", gonoproxy: "*.corp") == [noproxy, url("https://p.example"), direct])
        #expect(try parse("direct", gonoproxy: "*.corp") == [direct])
        #expect(try parse(" direct", gonoproxy: "*.corp") == [noproxy, direct])
        #expect(try parse("off", gonoproxy: "*.corp") == [noproxy, ProxySpec(entry: .off, fallback: .onNotFound)])
    }

    @Test func offAndDirectEndTheList() throws {
        #expect(try parse("off,https://p.example") == [ProxySpec(entry: .off, fallback: .onNotFound)])
        #expect(try parse("off|https://p.example") == [ProxySpec(entry: .off, fallback: .onAnyError)])
        #expect(try parse(" direct , https://p.example") == [direct])
        #expect(try parse("direct,foo") == [direct]) // the bad entry after direct is never checked
    }

    @Test func entriesAreTrimmedAndEmptyOnesSkipped() throws {
        #expect(try parse(" ,, https://p.example ,\t,direct") == [url("https://p.example"), direct])
    }

    @Test func httpsIsAddedToBareHosts() throws {
        #expect(try parse("proxy.golang.org") == [url("https://proxy.golang.org")])
        #expect(try parse("goproxy.cn,direct") == [url("https://goproxy.cn"), direct])
        #expect(try parse("corp.example/go/") == [url("https://corp.example/go/")])
        #expect(try parse("localhost:3000") == [url("https://localhost:3000")])
        #expect(try parse("http://127.0.0.1:8080/mod") == [url("http://127.0.0.1:8080/mod")])
        #expect(try parse("file:///srv/goproxy") == [url("file:///srv/goproxy")])
        #expect(try parse("FILE:///srv/goproxy") == [url("FILE:///srv/goproxy")])
    }

    @Test func goErrorTexts() {
        #expect(failure("foo") == "invalid proxy URL missing scheme: foo")
        #expect(failure("/srv/proxydir") == "invalid proxy URL missing scheme: /srv/proxydir")
        #expect(failure("ftp://x") == "invalid proxy URL scheme (must be https, http, file): ftp://x")
        #expect(failure("ftp://user:secret@x/p") == "invalid proxy URL scheme (must be https, http, file): ftp://user:xxxxx@x/p")
        #expect(failure("file://host/srv/goproxy") == "invalid file:// proxy URL with non-path elements: file://host/srv/goproxy")
        #expect(failure("file:///srv/goproxy?x=1") == "invalid file:// proxy URL with non-path elements: file:///srv/goproxy?x=1")
        #expect(failure("file:/srv/goproxy") == "invalid file:// proxy URL with non-path elements: file:/srv/goproxy")
        #expect(failure(",") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure(" ") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure(",|,") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure("") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure(",", gonoproxy: "x") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure("", gonoproxy: "x") == "GOPROXY list is not the empty string, but contains no entries")
        #expect(failure(":foo") == "parse \"https://:foo\": invalid port \":foo\" after host")
        #expect(failure("https://p.example/%zz") == "parse \"https://p.example/%zz\": invalid URL escape \"%zz\"")
        #expect(failure("https://p.example,foo") == "invalid proxy URL missing scheme: foo")
    }

    @Test func entryTextNamesTheEntry() {
        #expect(ProxyEntry.noproxy.text == "noproxy")
        #expect(ProxyEntry.url("https://p.example").text == "https://p.example")
    }
}
