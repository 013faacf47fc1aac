import Foundation
import GoModConfig
@testable import ModuleFetch
import NetProbes
import Testing

@Suite
struct DirectTests {
    @Test
    func metaTagsParseAndMatchByPathPrefix() throws {
        let html = """
        <html><head>
        <meta name="go-import" content="corp.example/m git https://git.corp.example/m">
        <meta name='go-source' content='corp.example/m _ _ _'>
        <meta name="go-import" content="corp.example/other git https://git.corp.example/o">
        </head><body><meta name="go-import" content="late.example/x git https://x"></body></html>
        """
        let imports = GoImportMeta.parse(html)
        #expect(imports.map(\.prefix) == ["corp.example/m", "corp.example/other"])
        #expect(try GoImportMeta.match(imports, importPath: "corp.example/m/sub").get().repoRoot == "https://git.corp.example/m")
        guard case .failure(let error) = GoImportMeta.match(imports, importPath: "corp.example/mm") else {
            Issue.record("corp.example/mm must not match corp.example/m")
            return
        }
        #expect(error.message.hasPrefix("meta tag corp.example/m did not match import path corp.example/mm"))
        let modWins = GoImportMeta.parse(#"<meta name="go-import" content="a.io/m git https://g"><meta name="go-import" content="a.io/m mod https://p">"#)
        #expect(modWins == [GoImportMeta(prefix: "a.io/m", vcs: "mod", repoRoot: "https://p")])
    }

    /// The page is read as bytes by Go's XML tokenizer: a combining mark after `>` (one
    /// Swift Character with it) does not hide the tag; a script's `<` before the tags ends
    /// reading with the go command's error; tags found before an error are kept.
    @Test
    func metaTagsAreReadAsGoReadsTheBytes() throws {
        let combining = GoImportMeta.parse(Array(#"<meta name="go-import" content="p git r">"#.utf8) + [0xCC, 0x80])
        #expect(combining.imports == [GoImportMeta(prefix: "p", vcs: "git", repoRoot: "r")] && combining.error == nil)
        let script = GoImportMeta.parse(Array("<head><script>if (a < b) {}</script><meta name=go-import content='a git b'>".utf8))
        #expect(script.imports.isEmpty)
        #expect(script.error == "XML syntax error on line 1: expected element name after <")
        let kept = GoImportMeta.parse(Array("<meta name=go-import content='a git b'>\n<p>\u{0C}</p>".utf8))
        #expect(kept.imports.map(\.prefix) == ["a"] && kept.error == nil && kept.ending == .error)
        let subdirectory = Array(#"<meta name="go-import" content="a.io/m git https://g/r sub/dir">"#.utf8)
        #expect(GoImportMeta.parse(subdirectory).imports.first?.subdirectory == "sub/dir")
        #expect(GoImportMeta.parse(subdirectory, goRelease: GoReleaseVersion("1.24.11")).imports.isEmpty)
        // matchGoImport: two matching tags are an error even when equal; a mod tag then a VCS tag is not.
        let twice = [GoImportMeta(prefix: "a", vcs: "git", repoRoot: "r"), GoImportMeta(prefix: "a", vcs: "git", repoRoot: "r")]
        #expect(throws: DiscoveryError.self) { try GoImportMeta.match(twice, importPath: "a/b").get() }
        let modFirst = GoImportMeta.parse(#"<meta name="go-import" content="a git r"><meta name="go-import" content="a/b mod p">"#)
        #expect(modFirst.map(\.vcs) == ["mod", "git"])
        #expect(try GoImportMeta.match(modFirst, importPath: "a/b").get().vcs == "mod")
    }

    @Test
    func netrcSaysWhetherNotWhat() {
        let text = "machine git.corp.example login u password secret\nmachine other.example login x password y\n"
        #expect(NetrcLookup.hasCredentials(for: "git.corp.example", netrcText: text))
        #expect(!NetrcLookup.hasCredentials(for: "corp.example", netrcText: text))
        #expect(NetrcLookup.path(environment: ["NETRC": "/x/netrc", "HOME": "/h"]) == "/x/netrc")
        #expect(NetrcLookup.path(environment: ["HOME": "/h"]) == "/h/.netrc")
    }

    @Test
    func discoveryFailureIsAnUnrecognizedImportPath() async {
        let transport = ScriptedTransport(["https://corp.example/m?go-get=1": ScriptedTransport.transport(
            .dns, "nxdomain", "Get \"https://corp.example/m?go-get=1\": dial tcp: lookup corp.example: no such host")])
        let probe = DirectProbe(transport: transport, environment: [:], insecure: false, govcs: GoVCSRules(), isPrivate: true)
        let report = await probe.run(modulePath: "corp.example/m", deadline: .after(seconds: 5))
        #expect(report.failure?.layer == .dns)
        #expect(report.failure?.message ==
            "unrecognized import path \"corp.example/m\": https fetch: Get \"https://corp.example/m?go-get=1\": dial tcp: lookup corp.example: no such host")
        let notFound = await DirectProbe(transport: ScriptedTransport(), environment: [:], insecure: false, govcs: GoVCSRules(), isPrivate: true)
            .run(modulePath: "corp.example/m", deadline: .after(seconds: 5))
        #expect(notFound.failure?.message == "unrecognized import path \"corp.example/m\": reading https://corp.example/m?go-get=1: 404 Not Found")
    }

    @Test
    func govcsAndTheGitEndpoint() async throws {
        let page = #"<meta name="go-import" content="corp.example/m git https://git.corp.example/m">"#
        let transport = ScriptedTransport([
            "https://corp.example/m?go-get=1": ScriptedTransport.ok(page),
            "https://git.corp.example/m/info/refs?service=git-upload-pack": ScriptedTransport.status(401, ""),
        ])
        let denied = await DirectProbe(transport: transport, environment: [:], insecure: false,
                                       govcs: try GoVCSRules.parse("corp.example:off"), isPrivate: false)
            .run(modulePath: "corp.example/m", deadline: .after(seconds: 5))
        #expect(denied.failure?.message == "unrecognized import path \"corp.example/m\": GOVCS disallows using git for public corp.example/m; see 'go help vcs'")
        let auth = await DirectProbe(transport: transport, environment: [:], insecure: false, govcs: GoVCSRules(), isPrivate: true)
            .run(modulePath: "corp.example/m", deadline: .after(seconds: 5))
        #expect(auth.matched?.repoRoot == "https://git.corp.example/m")
        #expect(auth.vcsRequest?.status == 401)
        #expect(auth.failure?.failureClass == "auth")
        #expect(auth.netrcHasCredentials == false)
    }

    @Test
    func knownSitesNeedNoDiscovery() async throws {
        #expect(KnownVCSHosts.match("github.com/Foo/bar/v2/sub")?.repoRoot == "https://github.com/Foo/bar")
        #expect(KnownVCSHosts.match("bitbucket.org/a/b")?.prefix == "bitbucket.org/a/b")
        #expect(KnownVCSHosts.match("git.apache.org/thrift.git/lib/go")?.repoRoot == "https://git.apache.org/thrift.git")
        #expect(KnownVCSHosts.match("github.com/onlyuser") == nil)
        #expect(KnownVCSHosts.match("gitlab.com/a/b") == nil, "gitlab answers go-get like any other host")
        let transport = ScriptedTransport(["https://github.com/a/b/info/refs?service=git-upload-pack": ScriptedTransport.ok("")])
        let report = await DirectProbe(transport: transport, environment: [:], insecure: false, govcs: GoVCSRules(), isPrivate: false)
            .run(modulePath: "github.com/a/b/c", deadline: .after(seconds: 5))
        #expect(report.failure == nil)
        #expect(report.discovery.isEmpty)
        #expect(transport.requested == ["https://github.com/a/b/info/refs?service=git-upload-pack"])
        let denied = await DirectProbe(transport: transport, environment: [:], insecure: false, govcs: try GoVCSRules.parse("public:hg"), isPrivate: false)
            .run(modulePath: "github.com/a/b", deadline: .after(seconds: 5))
        #expect(denied.failure?.message == "GOVCS disallows using git for public github.com/a/b; see 'go help vcs'")
    }
}
