import Testing
import GoModConfig
@testable import Doctor

/// One test per class the whole catalogue adds (issue #11): what each is classified as, what
/// it names, and what it proposes.
struct ExplainCatalogueClassTests {
    static func one(_ text: String, env: ResolvedGoEnv? = nil) throws -> ErrorExplanation {
        let all = ErrorExplanation.explainAll(text, env: env)
        #expect(all.count == 1, "expected one error, got \(all.count): \(all.map(\.text))")
        return try #require(all.first)
    }

    @Test func bareStatusTextAfterURLIsAnHTTPSProxyRefusingCONNECT() throws {
        let item = try Self.one("go: github.com/google/uuid@v1.6.0: Get \"https://proxy.golang.org/github.com/google/uuid/@v/v1.6.0.info\": Forbidden")
        #expect(item.classification.layer == .http)
        #expect(item.classification.failureClass == "proxy-connect")
        #expect(item.classification.cause == "https-proxy-refused")
        #expect(item.facts.status == 403)
        #expect(item.facts.host == "proxy.golang.org")
        // Never "switch GOPROXY": the proxy in between refused, not the module proxy.
        #expect(!item.commands.contains { $0.contains("GOPROXY") })
        let auth = try Self.one("go: m@v1: Get \"https://goproxy.cn/m/@v/v1.info\": Proxy Authentication Required")
        #expect(auth.facts.status == 407)
        #expect(auth.classification.cause == "https-proxy-refused")
    }

    @Test func wordsThatAreNotAStatusStayWhatTheyAre() throws {
        #expect(try Self.one("go: m@v1: Get \"https://example.com/m?go-get=1\": stopped after 10 redirects").classification.cause == "too-many-redirects")
        #expect(try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.info\": EOF").classification.cause == "http-eof")
        #expect(try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.info\": context deadline exceeded").classification.cause == "http-timeout")
    }

    @Test func eofAndUnexpectedEOFMidRequest() throws {
        let eof = try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.mod\": EOF")
        #expect(eof.classification.layer == .http && eof.classification.cause == "http-eof")
        let truncated = try Self.one("go: m@v1: read \"https://goproxy.cn/m/@v/v1.zip\": unexpected EOF")
        #expect(truncated.classification.cause == "http-eof")
        let broken = try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.info\": net/http: HTTP/1.x transport connection broken: unexpected EOF")
        #expect(broken.classification.cause == "http-eof")
    }

    @Test func http2StreamGoawayAndConnectionErrors() throws {
        let stream = try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.zip\": stream error: stream ID 1; INTERNAL_ERROR")
        #expect(stream.classification.layer == .http && stream.classification.cause == "http2-stream-error")
        #expect(stream.commands == ["gomod-doctor http -L https://proxy.golang.org/m/@v/v1.zip"])
        let goaway = try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.zip\": http2: server sent GOAWAY and closed the connection; LastStreamID=1999, ErrCode=NO_ERROR, debug=\"\"")
        #expect(goaway.classification.cause == "http2-goaway")
        let lost = try Self.one("go: m@v1: Get \"https://proxy.golang.org/m/@v/v1.zip\": http2: client connection lost")
        #expect(lost.classification.cause == "http2-connection-error")
    }

    static let lsRemote = "go: github.com/acme/lib@v1.2.0: git ls-remote -q origin in /root/go/pkg/mod/cache/vcs/3b1f: exit status 128:\n\t"

    @Test func gitCredentialsAndHelpTextAreOneError() throws {
        let item = try Self.one(Self.lsRemote + "fatal: could not read Username for 'https://github.com': terminal prompts disabled\nConfirm the import path was entered correctly.\nIf this is a private repository, see https://go.dev/doc/faq#git_https for additional information.")
        #expect(item.classification.cause == "git-auth")
        #expect(item.classification.stage == "direct")
        #expect(item.facts.module == "github.com/acme/lib")
        let ssh = try Self.one(Self.lsRemote + "git@github.com: Permission denied (publickey).\n\tfatal: Could not read from remote repository.")
        #expect(ssh.classification.cause == "git-auth")
    }

    @Test func gitRepositoryNotFound() throws {
        let item = try Self.one(Self.lsRemote + "remote: Repository not found.\n\tfatal: repository 'https://github.com/acme/lib/' not found")
        #expect(item.classification.layer == .http && item.classification.failureClass == "not-found")
        #expect(item.classification.cause == "git-repo-not-found")
        #expect(item.commands.first == "git ls-remote https://github.com/acme/lib/")
    }

    @Test func curlAndSSHNetworkErrorsNameTheirLayer() throws {
        let dns = try Self.one(Self.lsRemote + "fatal: unable to access 'https://git.corp.example.com/lib/': Could not resolve host: git.corp.example.com")
        #expect(dns.classification.layer == .dns && dns.classification.cause == "dns-unresolved")
        #expect(dns.facts.host == "git.corp.example.com")
        let timeout = try Self.one(Self.lsRemote + "fatal: unable to access 'https://github.com/acme/lib/': Failed to connect to github.com port 443 after 21038 ms: Connection timed out")
        #expect(timeout.classification.layer == .tcp && timeout.classification.cause == "tcp-timeout")
        #expect(timeout.facts.address == "github.com:443")
        let ssh = try Self.one(Self.lsRemote + "ssh: connect to host github.com port 22: Connection refused")
        #expect(ssh.classification.cause == "tcp-refused")
        #expect(ssh.facts.address == "github.com:22")
        let tls = try Self.one(Self.lsRemote + "fatal: unable to access 'https://git.corp.example.com/lib/': SSL certificate problem: unable to get local issuer certificate")
        #expect(tls.classification.layer == .tls && tls.classification.cause == "tls-unknown-authority")
        let connect = try Self.one(Self.lsRemote + "fatal: unable to access 'https://github.com/acme/lib/': Received HTTP code 403 from proxy after CONNECT")
        #expect(connect.classification.cause == "https-proxy-refused")
        #expect(connect.facts.status == 403)
    }

    @Test func toolchainSwitchOutput() throws {
        let switching = try Self.one("go: rsc.io/needall@v0.0.1 requires go >= 1.23; switching to go1.23.9")
        #expect(switching.classification.cause == "toolchain-switch")
        #expect(switching.commands.isEmpty)
        let local = try Self.one("go: go.mod requires go >= 1.23 (running go 1.21; GOTOOLCHAIN=local)")
        #expect(local.classification.cause == "toolchain-switch-forbidden")
        #expect(local.commands.first == "go env -w GOTOOLCHAIN=auto")
        let unavailable = try Self.one("go: downloading go1.22 (linux/amd64)\ngo: download go1.22 for linux/amd64: toolchain not available")
        #expect(unavailable.classification.cause == "toolchain-unavailable")
        // The failed download of the new toolchain is classified by its own error.
        let download = try Self.one("go: download go1.23.9: golang.org/toolchain@v0.0.1-go1.23.9.linux-amd64: Get \"https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.23.9.linux-amd64.zip\": dial tcp 10.9.9.9:443: i/o timeout")
        #expect(download.classification.cause == "tcp-timeout")
        let old = try Self.one("go: errors parsing go.mod:\n/p/go.mod:5: unknown directive: toolchain")
        #expect(old.classification.cause == "go-too-old-for-gomod")
    }

    @Test func signedNoteInsideAChecksumDatabaseErrorIsOneError() {
        let text = """
        go: rsc.io/quote@v1.5.2: verifying module: rsc.io/quote@v1.5.2: reading tree note: invalid signature for key sum.golang.org+033de0ae
        note:
        go.sum database tree
        18943210
        lcCE3VEvsd1dNBR4ucBpx9k8IXxGSPqoBp9yUJJTfA4=

        — sum.golang.org Az3grnmrwUyYPlAndWHIYVqSBVB31l+1QI5eZAoIXy9ZV4hhSZiTr+wNGEeqHrFZR+BtM3q7WgWAjX4ABo4xv+ncewQ=
        go: golang.org/x/text@v0.3.0: reading https://proxy.golang.org/golang.org/x/text/@v/v0.3.0.mod: 404 Not Found
        """
        let all = ErrorExplanation.explainAll(text)
        #expect(all.count == 2)
        #expect(all.first?.classification.cause == "gosumdb-key-mismatch")
        #expect(all.first?.text.contains("— sum.golang.org") == true)
        #expect(all.last?.classification.cause == "proxy-not-found")
    }

    @Test func aURLWrappedByTheTerminalIsGluedBack() throws {
        let item = try Self.one("go: github.com/acme/lib@v1.2.0: Get \"https://proxy.golang.org/github.com/acme/li\nb/@v/v1.2.0.info\": dial tcp 10.1.1.1:443: i/o timeout")
        #expect(item.facts.url == "https://proxy.golang.org/github.com/acme/lib/@v/v1.2.0.info")
        #expect(item.classification.cause == "tcp-timeout")
    }

    @Test func goproxyOffVersusAListEndingInOff() throws {
        let text = "go: github.com/acme/unpublished@v0.3.0: module lookup disabled by GOPROXY=off"
        #expect(try Self.one(text).classification.cause == "goproxy-off")
        let list = try Self.one("$ GOPROXY=https://goproxy.cn,off go mod download\n" + text)
        #expect(list.classification.cause == "goproxy-off-after-not-found")
        #expect(list.classification.layer == .http)
        #expect(list.commands.first == "go list -m -versions github.com/acme/unpublished")
        let env = GoEnvResolver(environment: ["HOME": "/home/u", "GOPROXY": "https://goproxy.cn|https://proxy.golang.org,off"],
                                hostOS: .linux, fileSystem: InMemoryFileSystem(), installation: nil).resolve()
        #expect(try Self.one(text, env: env).classification.cause == "goproxy-off-after-not-found")
        #expect(!ExplainContext(goproxy: "off").goproxyHasEntriesBeforeOff)
        #expect(ExplainContext(goproxy: "https://a, off").goproxyHasEntriesBeforeOff)
    }

    @Test func theServersOwnWordsAreNotThisMachinesTransport() throws {
        let item = try Self.one("go: git.corp.example.com/lib@v1.0.0: verifying module: git.corp.example.com/lib@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example.com/lib@v1.0.0: 404 Not Found\n\tserver response: not found: dial tcp: lookup git.corp.example.com on 8.8.8.8:53: no such host")
        #expect(item.classification.cause == "sumdb-private-module")
    }

    @Test func aProxyOnThisNetworkIsNotCalledPublic() throws {
        let item = try Self.one("go: example.com/x@v1.0.0: reading http://127.0.0.1:8080/example.com/x/@v/v1.0.0.info: 404 Not Found")
        #expect(item.classification.cause == "proxy-not-found")
    }

    @Test func anErrorAfterAProgressPrefixIsKept() throws {
        let item = try Self.one("go: upgraded rsc.io/quote v1.0.0 => v1.5.2: error finding sum for rsc.io/quote@v1.5.2: module lookup disabled by GOPROXY=off")
        #expect(item.classification.cause == "goproxy-off")
    }

    @Test func commandsFollowWhereTheVariableComesFrom() throws {
        let text = "go: github.com/acme/unpublished@v0.3.0: module lookup disabled by GOPROXY=off"
        let exported = GoEnvResolver(environment: ["HOME": "/home/u", "GOPROXY": "off"], hostOS: .linux,
                                     fileSystem: InMemoryFileSystem(), installation: nil).resolve()
        #expect(try Self.one(text, env: exported).commands == ["export GOPROXY=https://proxy.golang.org,direct",
                                                              "go env -w GOPROXY=https://proxy.golang.org,direct"])
        let private410 = "go: git.corp.example.com/team/lib@v1.0.0: verifying module: git.corp.example.com/team/lib@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example.com/team/lib@v1.0.0: 410 Gone"
        let withPrivate = GoEnvResolver(environment: ["HOME": "/home/u", "GOPRIVATE": "github.com/acme"], hostOS: .linux,
                                        fileSystem: InMemoryFileSystem(), installation: nil).resolve()
        // The patterns already there are kept, and the shell's value is changed too.
        #expect(try Self.one(private410, env: withPrivate).commands == ["export GOPRIVATE=github.com/acme,git.corp.example.com",
                                                                       "go env -w GOPRIVATE=github.com/acme,git.corp.example.com"])
        #expect(try Self.one(private410).commands == ["go env -w GOPRIVATE=git.corp.example.com"])
    }
}
