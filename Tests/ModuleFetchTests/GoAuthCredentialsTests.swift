import Foundation
import GoModConfig
import NetProbes
import Testing

@testable import ModuleFetch

/// GOAUTH and .netrc as the go command applies them (cmd/go/internal/auth, Go 1.21 and 1.27
/// sources): which credentials go on which request, and none where the go command sends none.
@Suite
struct GoAuthCredentialsTests {
    /// cmd/go/internal/auth/netrc_test.go testNetrc, with its expected lines.
    static let goTeamNetrc = """

        machine incomplete
        password none

        machine api.github.com
          login user
          password pwd

        machine incomlete.host
          login justlogin

        machine test.host
        login user2
        password pwd2

        machine oneline login user3 password pwd3

        machine ignore.host macdef ignore
          login nobody
          password nothing

        machine hasmacro.too macdef ignore-next-lines login user4 password pwd4
          login nobody
          password nothing

        default
        login anonymous
        password gopher@golang.org

        machine after.default
        login oops
        password too-late-in-file

        """

    @Test
    func netrcParsesAsTheGoCommandDoes() {
        #expect(GoNetrc.parse(Self.goTeamNetrc) == [
            GoNetrcLine(machine: "api.github.com", login: "user", password: "pwd"),
            GoNetrcLine(machine: "test.host", login: "user2", password: "pwd2"),
            GoNetrcLine(machine: "oneline", login: "user3", password: "pwd3"),
            GoNetrcLine(machine: "hasmacro.too", login: "user4", password: "pwd4"),
        ])
    }

    /// A .netrc in a temporary HOME; returns the environment naming it.
    static func home(netrc: String) throws -> [String: String] {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("gd-goauth-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        try netrc.write(to: dir.appendingPathComponent(".netrc"), atomically: true, encoding: .utf8)
        return ["HOME": dir.path]
    }

    static let twoEntries = """
        machine corp.example login first password one
        machine corp.example login second password two
        machine corp.example:8443 login ported password three

        """

    @Test
    func goauthOffSendsNothing() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        let auth = GoAuthCredentials(goauth: "off", supported: true, environment: environment)
        #expect(auth.basicCredentials(for: try HTTPRequestURL("https://corp.example/m/@v/list")) == nil)
        #expect(auth.invalidSetting == nil)
    }

    @Test
    func netrcIsTheDefaultAndTheEarliestEntryWins() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        for goauth in [nil, "", "netrc", " netrc "] {
            let auth = GoAuthCredentials(goauth: goauth, supported: true, environment: environment)
            let sent = auth.basicCredentials(for: try HTTPRequestURL("https://corp.example/m/@v/list"))
            #expect(sent?.login == "first" && sent?.password == "one", "GOAUTH=\(goauth ?? "unset")")
        }
    }

    @Test
    func legacyGoReadsNetrcWhateverGoauthSays() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        let auth = GoAuthCredentials(goauth: "off", supported: false, environment: environment)
        let sent = auth.basicCredentials(for: try HTTPRequestURL("https://corp.example/m/@v/list"))
        #expect(sent?.login == "first", "before Go 1.24 GOAUTH is ignored and the first entry wins")
    }

    @Test
    func aPortInTheURLMustBeInTheMachineName() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        for supported in [true, false] {
            let auth = GoAuthCredentials(goauth: nil, supported: supported, environment: environment)
            #expect(auth.basicCredentials(for: try HTTPRequestURL("https://corp.example:8443/m/@v/list"))?.login == "ported")
            #expect(auth.basicCredentials(for: try HTTPRequestURL("https://other.example/m/@v/list")) == nil)
        }
        // Go 1.20 and older match URL.Hostname(): the port-less entry, never the ported one.
        let old = GoAuthCredentials(goauth: nil, supported: false, machineWithPort: false, environment: environment)
        #expect(old.basicCredentials(for: try HTTPRequestURL("https://corp.example:8443/m/@v/list"))?.login == "first")
    }

    @Test
    func plainHTTPNeverCarriesCredentials() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        let auth = GoAuthCredentials(goauth: "netrc", supported: true, environment: environment)
        #expect(auth.basicCredentials(for: try HTTPRequestURL("http://corp.example/m/@v/list")) == nil)
    }

    @Test
    func commandsAndGitAreNamedNotRun() throws {
        let environment = try Self.home(netrc: Self.twoEntries)
        let auth = GoAuthCredentials(goauth: "/usr/local/bin/creds --token=abc secret; git /srv/repo", supported: true,
                                     environment: environment)
        #expect(auth.basicCredentials(for: try HTTPRequestURL("https://corp.example/m/@v/list")) == nil,
                "without netrc in GOAUTH the .netrc is not read")
        #expect(auth.unemulatedMethods == ["/usr/local/bin/creds REDACTED", "git /srv/repo"])
    }

    /// auth.go runGoAuth's fatal texts, for the last bad entry written (the list is walked backwards).
    @Test(arguments: [
        ("netrc;;netrc", "go: GOAUTH encountered an empty command (GOAUTH=netrc;;netrc)"),
        ("off;netrc", "go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;netrc)"),
        ("git", "go: GOAUTH=git dir method requires an absolute path to the git working directory"),
        ("git repo", "go: GOAUTH=git dir method requires an absolute path to the git working directory, dir is not absolute"),
        ("creds s3cret;", "go: GOAUTH encountered an empty command (GOAUTH=creds REDACTED;)"),
    ])
    func malformedGoauthFailsLikeTheGoCommand(value: String, message: String) {
        let auth = GoAuthCredentials(goauth: value, supported: true, environment: [:])
        #expect(auth.invalidSetting?.message == message)
    }

    @Test
    func goauthArgumentsAreRedactedEvenWhenBare() {
        #expect(SecretRedactor.redactGoAuth("/bin/creds s3cret") == "/bin/creds REDACTED")
        #expect(SecretRedactor.redactGoAuth("netrc;git /srv/r;/bin/c --token=x y") == "netrc;git /srv/r;/bin/c REDACTED")
        #expect(SecretRedactor.redactGoAuth("off") == "off")
        let variable = ResolvedVariable(name: "GOAUTH", value: "/bin/creds s3cret", source: .environment,
                                        shadowed: [ShadowedValue(source: .goenvFile, value: "/bin/other t0ken", origin: nil)])
        #expect(variable.displayValue == "/bin/creds REDACTED")
        let json = String(decoding: (try? JSONEncoder().encode(variable)) ?? Data(), as: UTF8.self)
        #expect(!json.contains("s3cret") && !json.contains("t0ken") && json.contains("REDACTED"))
    }
}
