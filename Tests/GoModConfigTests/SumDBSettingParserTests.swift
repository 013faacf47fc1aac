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

/// A correctly hashed key for `name` (32 zero bytes of Ed25519 key data).
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

    @Test func funnyDatabaseNamesAreRejected() {
        let trailingSlash = failure(key(named: "sum.example.com/"))
        #expect(trailingSlash?.hasPrefix("invalid sumdb name (must be host[/path]): sum.example.com/ {Scheme:https") == true)
        let withQuery = failure(key(named: "sum.example.com?x=1"))
        #expect(withQuery?.hasPrefix("invalid sumdb name (must be host[/path]): sum.example.com?x=1 {") == true)
        #expect(withQuery?.contains("RawQuery:x=1") == true)
        let withUser = failure(key(named: "user@sum.example.com"))
        #expect(withUser?.hasPrefix("invalid sumdb name (must be host[/path]): user@sum.example.com") == true)
        let noHost = failure(key(named: "/db"))
        #expect(noHost?.hasPrefix("invalid sumdb name (must be host[/path]): /db") == true)
    }
}
