import Foundation
import Testing
@testable import GoModConfig

/// Resolution rules the local Go 1.19 cannot show: other operating systems, Go 1.21+'s
/// $GOROOT/go.env, no Go at all, and provenance details.
struct GoEnvResolverTests {
    func resolve(_ environment: [String: String], files: [String: String] = [:], os: GoHostOS = .linux,
                 installation: GoInstallation? = nil) -> ResolvedGoEnv {
        GoEnvResolver(environment: environment, hostOS: os, fileSystem: InMemoryFileSystem(files: files),
                      installation: installation).resolve()
    }

    static let go119 = GoInstallation(executable: "/usr/bin/go", root: "/usr/lib/go-1.19", versionText: "go1.19.8")
    static let go123 = GoInstallation(executable: "/usr/local/go/bin/go", root: "/usr/local/go", versionText: "go1.23.4")

    @Test func macOSReadsApplicationSupport() {
        let env = resolve(["HOME": "/Users/ann"], files: ["/Users/ann/Library/Application Support/go/env": "GOPROXY=https://goproxy.cn,direct\n"], os: .darwin)
        #expect(env.envFile.path == "/Users/ann/Library/Application Support/go/env")
        #expect(env["GOPROXY"] == "https://goproxy.cn,direct")
        #expect(env.variable("GOPROXY")?.source == .goenvFile)
        #expect(env.variable("GOPROXY")?.origin == "/Users/ann/Library/Application Support/go/env:1")
    }

    @Test func windowsReadsAppData() {
        let env = resolve(["AppData": "C:\\Users\\ann\\AppData\\Roaming", "USERPROFILE": "C:\\Users\\ann"], os: .windows)
        #expect(env.envFile.path == "C:\\Users\\ann\\AppData\\Roaming\\go\\env")
        #expect(env["GOPATH"] == "C:\\Users\\ann\\go")
        #expect(env["NETRC"] == "C:\\Users\\ann\\_netrc")
    }

    @Test func missingConfigDirectoryIsExplained() {
        let env = resolve([:])
        #expect(env.envFile.path == nil)
        #expect(env.envFile.problem == "neither $XDG_CONFIG_HOME nor $HOME are defined")
        #expect(env["GOPATH"] == "")
        #expect(env["GOMODCACHE"] == "")
    }

    @Test func noGoInstalledShowsCurrentDefaults() {
        let env = resolve(["HOME": "/home/u"])
        #expect(env.rules == "current")
        #expect(env["GOPROXY"] == "https://proxy.golang.org,direct")
        #expect(env["GOSUMDB"] == "sum.golang.org")
        #expect(env["GOTOOLCHAIN"] == "auto")
        #expect(env["GOAUTH"] == "netrc")
        #expect(env.variable("GOPROXY")?.source == .defaultValue)
    }

    @Test func go119DoesNotKnowToolchainOrAuth() {
        let env = resolve(["HOME": "/home/u", "GOTOOLCHAIN": "go1.22.0"], installation: Self.go119)
        #expect(env.variable("GOTOOLCHAIN")?.supported == false)
        #expect(env.variable("GOAUTH")?.supported == false)
        #expect(env["GOPROXY"] == "https://proxy.golang.org,direct")
        #expect(env.supportsToolchainSwitching == false)
    }

    @Test func go121ReadsGorootGoEnvBelowTheUserFile() {
        let files = [
            "/usr/local/go/go.env": "GOPROXY=https://proxy.golang.org,direct\nGOSUMDB=sum.golang.org\nGOTOOLCHAIN=auto\n",
            "/home/u/.config/go/env": "GOSUMDB=sum.golang.google.cn\n",
        ]
        let env = resolve(["HOME": "/home/u"], files: files, installation: Self.go123)
        #expect(env["GOPROXY"] == "https://proxy.golang.org,direct")
        #expect(env.variable("GOPROXY")?.source == .gorootGoEnv)
        #expect(env.variable("GOPROXY")?.origin == "/usr/local/go/go.env:1")
        #expect(env["GOSUMDB"] == "sum.golang.google.cn")
        #expect(env.variable("GOSUMDB")?.shadowed.first?.source == .gorootGoEnv)
        #expect(env["GOTOOLCHAIN"] == "auto")
        #expect(env.variable("GOAUTH")?.supported == false, "GOAUTH arrived in Go 1.24")
    }

    /// Go 1.21+: an empty user-file entry blocks $GOROOT/go.env, and the compiled-in default is
    /// empty, so GOPROXY ends up empty.
    @Test func go121EmptyUserEntryBlocksGoEnv() {
        let files = [
            "/usr/local/go/go.env": "GOPROXY=https://proxy.golang.org,direct\n",
            "/home/u/.config/go/env": "GOPROXY=\n",
        ]
        let env = resolve(["HOME": "/home/u"], files: files, installation: Self.go123)
        #expect(env["GOPROXY"] == "")
        #expect(env.variable("GOPROXY")?.source == .unset)
    }

    @Test func go121WithoutGoEnvHasEmptyDefaults() {
        let env = resolve(["HOME": "/home/u"], installation: Self.go123)
        #expect(env["GOPROXY"] == "")
        #expect(env["GOSUMDB"] == "")
    }

    @Test func environmentShadowsTheFile() {
        let env = resolve(["HOME": "/h", "GOPROXY": "https://a.example"], files: ["/h/.config/go/env": "GOPROXY=https://b.example\n"])
        let variable = env.variable("GOPROXY")
        #expect(variable?.source == .environment)
        #expect(variable?.shadowed == [ShadowedValue(source: .goenvFile, value: "https://b.example", origin: "/h/.config/go/env:1")])
    }

    @Test func gonoproxyDerivesFromGoprivate() {
        let env = resolve(["HOME": "/h", "GOPRIVATE": "corp.example"])
        #expect(env["GONOPROXY"] == "corp.example")
        #expect(env.variable("GONOPROXY")?.source == .derived)
        #expect(env.variable("GONOPROXY")?.origin == "GOPRIVATE")
    }

    @Test func proxyVariablesUpperCaseFirstAndCGI() {
        let env = resolve(["HOME": "/h", "https_proxy": "http://lower:3128", "HTTPS_PROXY": "http://upper:3128",
                           "http_proxy": "http://p:80", "REQUEST_METHOD": "GET", "no_proxy": ".corp"])
        #expect(env["HTTPS_PROXY"] == "http://upper:3128")
        #expect(env.variable("HTTPS_PROXY")?.shadowed.first?.origin == "https_proxy")
        #expect(env["HTTP_PROXY"] == "")
        #expect(env["NO_PROXY"] == ".corp")
        #expect(env.variable("NO_PROXY")?.origin == "no_proxy")
    }

    @Test func encodedValuesAreRedacted() throws {
        let env = resolve(["HOME": "/h", "GOPROXY": "https://bob:s3cret@goproxy.corp.example,direct"])
        #expect(env["GOPROXY"].contains("s3cret"))
        let json = String(decoding: try JSONEncoder().encode(env), as: UTF8.self)
        #expect(!json.contains("s3cret"))
        #expect(!json.contains("bob"))
        #expect(json.contains("REDACTED@goproxy.corp.example"))
    }

    @Test func goenvFileParsingMatchesTheGoCommand() {
        let file = GoEnvFile.parse(Data("GOPROXY=a\n# c\nlower=x\nNOEQ\n\nGOPROXY=b=c\r\n".utf8), path: "env")
        #expect(file.entry(for: "GOPROXY")?.value == "b=c\r")
        #expect(file.entry(for: "GOPROXY")?.line == 6)
        #expect(file.duplicatedKeys == ["GOPROXY"])
        #expect(file.ignoredLines.map(\.line) == [2, 3, 4, 5])
    }

    @Test func locatesGorootFromTheExecutable() {
        let fs = InMemoryFileSystem(files: ["/usr/bin/go": "", "/usr/lib/go-1.19/VERSION": "go1.19.8\ntime 2023"],
                                    directories: ["/usr/lib/go-1.19/pkg/tool"],
                                    symlinks: ["/usr/bin/go": "/usr/lib/go-1.19/bin/go"])
        let installation = GoInstallation.locate(environment: ["PATH": "/nope:/usr/bin"], hostOS: .linux, fileSystem: fs)
        #expect(installation == GoInstallation(executable: "/usr/bin/go", root: "/usr/lib/go-1.19", versionText: "go1.19.8"))
    }

    @Test func releaseVersionsOrderLikeGover() throws {
        let versions = ["1.21", "1.21rc1", "1.21.0", "1.21.1", "1.22", "go1.9.2"].compactMap(GoReleaseVersion.init)
        #expect(versions.count == 6)
        #expect(versions[5] < versions[0])
        #expect(versions[0] < versions[1] && versions[1] < versions[2] && versions[2] < versions[3] && versions[3] < versions[4])
        #expect(GoReleaseVersion("banana") == nil)
    }

    @Test func redactorHidesUserinfoAndTokens() {
        #expect(SecretRedactor.redact("https://u:p@a.example,https://tok@b.example|direct") == "https://REDACTED@a.example,https://REDACTED@b.example|direct")
        #expect(SecretRedactor.redact("https://x.example/p?a=1&token=abc&b=2") == "https://x.example/p?a=1&token=REDACTED&b=2")
        #expect(SecretRedactor.redact("no secrets here") == "no secrets here")
    }
}
