import GoModConfig
import Testing

/// The toolchain the go command selects (cmd/go/internal/toolchain/select.go) and the error the
/// selected one prints when it is older than the go line (gover.TooNewError), with the go
/// team's own expectations (cmd/go/testdata/script/gotoolchain_local.txt).
@Suite struct ToolchainSelectionTests {
    static let go124 = GoInstallation(executable: "/usr/local/go/bin/go", root: "/usr/local/go", versionText: "go1.24.11")

    func route(_ environment: [String: String], goMod: String, installation: GoInstallation = go124) throws -> ToolchainRoute? {
        var environment = environment
        environment["HOME"] = "/h"
        // No go.env in the in-memory GOROOT: the proxy list is set here.
        environment["GOPROXY"] = environment["GOPROXY"] ?? "https://proxy.golang.org,direct"
        let env = GoEnvResolver(environment: environment, hostOS: .linux, fileSystem: InMemoryFileSystem(), installation: installation).resolve()
        let project = ProjectSnapshot(directory: "/p", goModPath: "/p/go.mod",
                                      goMod: try GoModFile.parse(goMod, fileName: "/p/go.mod"), hasVendorDirectory: false)
        return RouteTableBuilder(env: env, project: project, goos: "linux", goarch: "amd64").build().toolchain
    }

    @Test func aLanguageVersionMeansItsFirstRelease() throws {
        let switched = try #require(try route(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.30\n"))
        #expect(switched.required == "go1.30.0" && switched.version == "v0.0.1-go1.30.0.linux-amd64")
        #expect(switched.willSwitch && switched.refusal == nil)
    }

    @Test func theToolchainLineRaisesTheMinimumAndTheGoLineMore() throws {
        let byToolchain = try #require(try route(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.21.0\n\ntoolchain go1.30.2\n"))
        #expect(byToolchain.required == "go1.30.2" && byToolchain.willSwitch)
        let byGoLine = try #require(try route(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.31.1\n\ntoolchain go1.30.2\n"))
        #expect(byGoLine.required == "go1.31.1")
    }

    @Test func localRefusesANewerGoLine() throws {
        let refused = try #require(try route(["GOTOOLCHAIN": "local"], goMod: "module m\n\ngo 1.30.1\n"))
        #expect(!refused.willSwitch)
        #expect(refused.refusal == "go.mod requires go >= 1.30.1 (running go 1.24.11; GOTOOLCHAIN=local)")
        // What GOTOOLCHAIN=auto would download instead, walked through GOPROXY.
        #expect(refused.required == "go1.30.1" && !refused.sources.isEmpty)
        // Without a go.env default the go command runs the local toolchain too.
        #expect(try route([:], goMod: "module m\n\ngo 1.30.1\n")?.refusal == "go.mod requires go >= 1.30.1 (running go 1.24.11)")
    }

    @Test func aNewerToolchainLineAloneIsNoRefusal() throws {
        // Only the go line is a requirement; `toolchain` is a suggestion local ignores.
        #expect(try route(["GOTOOLCHAIN": "local"], goMod: "module m\n\ngo 1.21.0\n\ntoolchain go1.30.1\n") == nil)
    }

    @Test func toolchainDefaultKeepsTheMinimum() throws {
        let refused = try #require(try route(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.30.1\n\ntoolchain default\n"))
        #expect(refused.refusal == "go.mod requires go >= 1.30.1 (running go 1.24.11; go.mod sets toolchain default)")
    }

    @Test func aPinnedToolchainIsDownloadedWhateverGoModSays() throws {
        let pinned = try #require(try route(["GOTOOLCHAIN": "go1.25.3"], goMod: "module m\n\ngo 1.21.0\n"))
        #expect(pinned.required == "go1.25.3" && pinned.willSwitch && pinned.refusal == nil)
        let tooOld = try #require(try route(["GOTOOLCHAIN": "go1.25.3"], goMod: "module m\n\ngo 1.30.1\n"))
        #expect(tooOld.willSwitch && tooOld.refusal == "go.mod requires go >= 1.30.1 (running go 1.25.3; GOTOOLCHAIN=go1.25.3)")
        let minimum = try #require(try route(["GOTOOLCHAIN": "go1.25.3+auto"], goMod: "module m\n\ngo 1.30.1\n"))
        #expect(minimum.required == "go1.30.1" && minimum.willSwitch && minimum.refusal == nil)
    }

    @Test func pathLooksOnlyInPath() throws {
        let path = try #require(try route(["GOTOOLCHAIN": "path"], goMod: "module m\n\ngo 1.30.1\n"))
        #expect(!path.willSwitch && path.sources.isEmpty && path.required == "go1.30.1")
    }

    @Test func beforeOneTwentyOneNothingSwitches() throws {
        let go119 = GoInstallation(executable: "/usr/bin/go", root: "/usr/lib/go-1.19", versionText: "go1.19.8")
        let old = try #require(try route(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.30\n", installation: go119))
        #expect(!old.willSwitch && old.refusal == nil)
    }

    @Test func theDirectiveLinesAreKept() throws {
        let file = try GoModFile.parse("module m\n\ngo 1.30.1\n\ntoolchain go1.30.2\n", fileName: "go.mod")
        #expect(file.goLine == 3 && file.toolchainLine == 5)
    }
}
