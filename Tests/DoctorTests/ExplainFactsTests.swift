import Testing
@testable import Doctor
@testable import Report

/// What `explain` reads out of an error, the next commands, multi-line input and hostile input.
struct ExplainFactsTests {
    static let composite = "go: github.com/kr/text@v0.2.0/go.mod: verifying module: github.com/kr/text@v0.2.0/go.mod: Get \"https://sum.golang.org/lookup/github.com/kr/text@v0.2.0\": dial tcp 172.217.160.81:443: i/o timeout"

    @Test func compositeExampleFacts() throws {
        let item = try #require(ErrorExplanation.explainAll(Self.composite).first)
        #expect(item.facts.module == "github.com/kr/text")
        #expect(item.facts.version == "v0.2.0")
        #expect(item.facts.host == "sum.golang.org")
        #expect(item.facts.address == "172.217.160.81:443")
        #expect(item.facts.url == "https://sum.golang.org/lookup/github.com/kr/text@v0.2.0")
        #expect(item.classification.stage == "sumdb")
        #expect(item.facts.message.hasPrefix("Get \"https://sum.golang.org/lookup/"))
        #expect(item.commands == ["gomod-doctor tcp 172.217.160.81:443", "gomod-doctor trace 172.217.160.81"])
    }

    @Test func privateModule410FromSumDBProposesGOPRIVATE() throws {
        let text = "go: git.corp.example.com/team/lib@v1.0.0: verifying module: git.corp.example.com/team/lib@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example.com/team/lib@v1.0.0: 410 Gone"
        let item = try #require(ErrorExplanation.explainAll(text).first)
        #expect(item.facts.status == 410)
        #expect(item.commands == ["go env -w GOPRIVATE=git.corp.example.com"])
    }

    @Test func lookupFactsAndDigCommands() throws {
        let text = "go: m@v1: Get \"https://goproxy.cn/m/@v/v1.info\": dial tcp: lookup goproxy.cn on 127.0.0.53:53: no such host"
        let item = try #require(ErrorExplanation.explainAll(text).first)
        #expect(item.facts.host == "goproxy.cn")
        #expect(item.facts.dnsServer == "127.0.0.53:53")
        #expect(item.commands == ["gomod-doctor dig --system goproxy.cn", "gomod-doctor dig --compare goproxy.cn"])
    }

    @Test func requiresChainNamesTheDeepestModuleAndTLSPort() throws {
        let text = "go: example.com/app@v1.0.0 requires\n\tgithub.com/acme/dep@v0.3.0: Get \"https://goproxy.corp.example.com:8443/github.com/acme/dep/@v/v0.3.0.mod\": x509: certificate has expired or is not yet valid: current time 2026-11-26 is after 2026-01-01"
        let items = ErrorExplanation.explainAll(text)
        #expect(items.count == 1)
        let item = try #require(items.first)
        #expect(item.facts.module == "github.com/acme/dep")
        #expect(item.facts.version == "v0.3.0")
        #expect(item.classification.cause == "tls-expired")
        #expect(item.commands == ["gomod-doctor tls goproxy.corp.example.com:8443"])
    }

    @Test func proxyURLGivesEscapedModuleBack() {
        let (module, version) = GoErrorFacts.module(fromURL: "https://proxy.golang.org/github.com/!google!cloud!platform/omega/@v/v1.0.0.zip")
        #expect(module == "github.com/GoogleCloudPlatform/omega")
        #expect(version == "v1.0.0")
    }

    @Test func multiLineInputExplainsEachErrorAndSkipsProgress() {
        let input = """
        go: downloading github.com/google/uuid v1.2.0
        go: github.com/google/uuid@v1.2.0: Get "https://proxy.golang.org/github.com/google/uuid/@v/v1.2.0.info": x509: certificate signed by unknown authority
        go: git.corp.example.com/lib@v1.0.0: reading https://proxy.golang.org/git.corp.example.com/lib/@v/v1.0.0.info: 404 Not Found
        \tserver response: not found
        verifying github.com/kr/text@v0.2.0: checksum mismatch
        \tdownloaded: h1:AAA=
        \tgo.sum:     h1:BBB=

        SECURITY ERROR
        This download does NOT match an earlier download recorded in go.sum.

        For more information, see 'go help module-auth'.
        """
        let causes = ErrorExplanation.explainAll(input).map(\.classification.cause)
        #expect(causes == ["tls-unknown-authority", "proxy-private-module", "gosum-mismatch"])
    }

    @Test func credentialsInURLsAreRedacted() throws {
        let text = "go: m@v1: reading https://alice:s3cret@goproxy.corp.example/m/@v/v1.info: 403 Forbidden"
        let item = try #require(ErrorExplanation.explainAll(text).first)
        let json = try ExplainReport([item], language: .en).json()
        #expect(!json.contains("s3cret"))
        #expect(item.classification.cause == "proxy-forbidden")
    }

    @Test func hostileInputIsBounded() {
        let huge = String(repeating: "go: x@v1: \u{0}\u{7}garbage ", count: 200_000) + "\n"
        let lines = String(repeating: "go: a@v1: reading https://p.example/a/@v/v1.info: 404 Not Found\n", count: 5000)
        #expect(ErrorExplanation.explainAll(huge).allSatisfy { $0.text.count <= GoErrorSplitter.maximumEntryCharacters })
        #expect(ErrorExplanation.explainAll(lines).count == GoErrorSplitter.maximumEntries)
        let binary = (0..<100_000).map { UInt8(truncatingIfNeeded: $0 &* 7919) }
        #expect(GoErrorSplitter.split(binary).count <= GoErrorSplitter.maximumEntries)
        #expect(ErrorExplanation.explainAll("").isEmpty)
    }

    @Test func everyCauseHasBothLanguages() {
        let causes = ExplainCatalogTests.cases.map(\.cause) + ["unknown", "tls-not-yet-valid", "dns-servfail", "rate-limited"]
        for cause in causes {
            #expect(MessageCatalog.has("explain.cause.\(cause)"), "missing explain.cause.\(cause)")
            #expect(MessageCatalog(language: .zh).text("explain.cause.\(cause)") != MessageCatalog(language: .en).text("explain.cause.\(cause)"))
        }
    }
}
