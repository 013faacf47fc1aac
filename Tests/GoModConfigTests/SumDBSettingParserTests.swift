import Testing
@testable import GoModConfig

private let knownKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"

private func failure(_ text: String) -> String? {
    do {
        _ = try SumDBSettingParser.parse(text)
        return nil
    } catch {
        #expect(error.input == "GOSUMDB")
        return error.message
    }
}

/// A correctly hashed key for `name` (key data: 32 bytes of 7).
private func key(named name: String) -> String {
    let data: [UInt8] = [1] + [UInt8](repeating: 7, count: 32)
    let hash = String(VerifierKey.keyHash(name: name, keyData: data), radix: 16)
    return "\(name)+\(String(repeating: "0", count: 8 - hash.count) + hash)+\(GoBase64.encode(data))"
}

@Suite struct SumDBSettingParserTests {
    @Test func knownKeyTableHasSumGolangOrg() {
        #expect(SumDBSettingParser.knownKeys == ["sum.golang.org": knownKey])
    }

    @Test func acceptedForms() throws {
        #expect(try SumDBSettingParser.parse("off") == .off)
        #expect(try SumDBSettingParser.parse("sum.golang.org") == .database(name: "sum.golang.org", verifierKey: knownKey, url: nil))
        #expect(try SumDBSettingParser.parse(knownKey) == .database(name: "sum.golang.org", verifierKey: knownKey, url: nil))
        #expect(try SumDBSettingParser.parse("sum.golang.google.cn")
            == .database(name: "sum.golang.org", verifierKey: knownKey, url: "https://sum.golang.google.cn"))
        #expect(try SumDBSettingParser.parse("sum.golang.org https://sum.example.net/db")
            == .database(name: "sum.golang.org", verifierKey: knownKey, url: "https://sum.example.net/db"))
        #expect(try SumDBSettingParser.parse("  \(knownKey)\thttps://mirror.example  ")
            == .database(name: "sum.golang.org", verifierKey: knownKey, url: "https://mirror.example"))
        let custom = key(named: "sum.corp.example.com/db")
        #expect(try SumDBSettingParser.parse(custom) == .database(name: "sum.corp.example.com/db", verifierKey: custom, url: nil))
        let withPort = key(named: "sum.corp.example.com:8443")
        #expect(try SumDBSettingParser.parse(withPort) == .database(name: "sum.corp.example.com:8443", verifierKey: withPort, url: nil))
    }

    @Test func goErrorTexts() {
        #expect(failure("") == "missing GOSUMDB")
        #expect(failure("   ") == "missing GOSUMDB")
        #expect(failure("sum.golang.org https://a https://b") == "invalid GOSUMDB: too many fields")
        #expect(failure("nosuchdb.example.com") == "invalid GOSUMDB: malformed verifier id")
        #expect(failure(" off") == "invalid GOSUMDB: malformed verifier id")
        #expect(failure("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8") == "invalid GOSUMDB: invalid verifier hash")
        #expect(failure("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == "invalid GOSUMDB: unknown verifier algorithm")
        #expect(failure("sum.golang.org ://nope") == "invalid GOSUMDB URL: parse \"://nope\": missing protocol scheme")
    }

    /// Expected texts recorded from Go 1.19's dbDial with x/mod 0.7.0.
    @Test func funnyDatabaseNamesAreRejected() {
        let tail = "OmitHost:false ForceQuery:false"
        #expect(failure(key(named: "sum.example.com/")) == "invalid sumdb name (must be host[/path]): sum.example.com/ "
            + "{Scheme:https Opaque: User: Host:sum.example.com Path:/ RawPath: \(tail) RawQuery: Fragment: RawFragment:}")
        #expect(failure(key(named: "sum.example.com?x=1")) == "invalid sumdb name (must be host[/path]): sum.example.com?x=1 "
            + "{Scheme:https Opaque: User: Host:sum.example.com Path: RawPath: \(tail) RawQuery:x=1 Fragment: RawFragment:}")
        #expect(failure(key(named: "user@sum.example.com")) == "invalid sumdb name (must be host[/path]): user@sum.example.com "
            + "{Scheme:https Opaque: User:user Host:sum.example.com Path: RawPath: \(tail) RawQuery: Fragment: RawFragment:}")
        #expect(failure(key(named: "/db")) == "invalid sumdb name (must be host[/path]): /db "
            + "{Scheme:https Opaque: User: Host: Path:/db RawPath: \(tail) RawQuery: Fragment: RawFragment:}")
        #expect(failure(key(named: "sum.example.com#f")) == "invalid sumdb name (must be host[/path]): sum.example.com#f "
            + "{Scheme:https Opaque: User: Host:sum.example.com Path: RawPath: \(tail) RawQuery: Fragment:f RawFragment:}")
        // Go 1.19 crashes on these (nil URL dereference); we report the parse error.
        #expect(failure(key(named: "h{x")) == "invalid sumdb name (must be host[/path]): h{x "
            + "(parse \"https://h{x\": invalid character \"{\" in host name)")
        #expect(failure(key(named: "a%2Fb.example")) == "invalid sumdb name (must be host[/path]): a%2Fb.example "
            + "(parse \"https://a%2Fb.example\": invalid URL escape \"%2F\")")
    }

    @Test func keyHelperMatchesGo() {
        // recorded from Go: same name and key data give the same text
        #expect(key(named: "sum.corp.example.com/db") == "sum.corp.example.com/db+733c28b2+AQcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcHBwcH")
    }
}
