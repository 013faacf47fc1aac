import Testing
@testable import GoModConfig

/// The route of each module follows cmd/go/internal/modfetch: repo.go lookup per GOPROXY
/// entry, TryProxies fallbacks, sumdb.go for the checksum database.
struct RouteTableTests {
    static let goMod = """
    module example.com/app

    go 1.19

    require (
        github.com/google/uuid v1.2.0
        git.corp.example.com/team/lib v1.0.0
        github.com/old/fork v1.0.0
        example.com/local v0.0.0
    )

    replace github.com/old/fork v1.0.0 => github.com/new/fork v1.0.1
    replace example.com/local => ../local
    """

    func table(_ environment: [String: String], goMod: String = goMod, vendor: Bool = false,
               installation: GoInstallation? = nil) throws -> RouteTable {
        var environment = environment
        environment["HOME"] = "/h"
        let env = GoEnvResolver(environment: environment, hostOS: .linux, fileSystem: InMemoryFileSystem(), installation: installation).resolve()
        let project = ProjectSnapshot(directory: "/p", goModPath: "/p/go.mod",
                                      goMod: try GoModFile.parse(goMod, fileName: "/p/go.mod"), hasVendorDirectory: vendor)
        return RouteTableBuilder(env: env, project: project, goos: "linux", goarch: "amd64").build()
    }

    @Test func defaultRouteIsProxyThenDirect() throws {
        let routes = try table([:])
        let uuid = try #require(routes.route(for: "github.com/google/uuid"))
        #expect(uuid.sources.map(\.kind) == [.proxy, .direct])
        #expect(uuid.sources[0].url == "https://proxy.golang.org")
        #expect(uuid.sources[0].action == .fetchFromProxy)
        #expect(uuid.sources[0].fallback == .onNotFound)
        #expect(uuid.checksum.database == "sum.golang.org")
    }

    @Test func goprivateModulesGoDirectThroughNoproxy() throws {
        let routes = try table(["GOPRIVATE": "*.corp.example.com", "GOPROXY": "https://goproxy.cn"])
        let lib = try #require(routes.route(for: "git.corp.example.com/team/lib"))
        #expect(lib.sources.map(\.kind) == [.noproxy, .proxy])
        #expect(lib.sources[0].action == .fetchDirect)
        #expect(lib.sources[1].action == .skip)
        #expect(lib.sources[1].reason == "disabled by GOPRIVATE/GONOPROXY")
        #expect(lib.checksum.database == nil)
        #expect(lib.checksum.skippedBecause == "matched by GONOSUMDB")
        let uuid = try #require(routes.route(for: "github.com/google/uuid"))
        #expect(uuid.sources[0].action == .skip)
        #expect(uuid.sources[0].reason == "path does not match GOPRIVATE/GONOPROXY")
        #expect(uuid.sources[1].action == .fetchFromProxy)
    }

    @Test func pipeFallsThroughOnAnyError() throws {
        let routes = try table(["GOPROXY": "https://a.example|https://b.example,direct"])
        let uuid = try #require(routes.route(for: "github.com/google/uuid"))
        #expect(uuid.sources.map(\.fallback) == [.onAnyError, .onNotFound, .onNotFound])
    }

    @Test func offFailsTheLookup() throws {
        let routes = try table(["GOPROXY": "off"])
        let uuid = try #require(routes.route(for: "github.com/google/uuid"))
        #expect(uuid.sources.count == 1)
        #expect(uuid.sources[0].action == .fail)
        #expect(uuid.sources[0].reason == "module lookup disabled by GOPROXY=off")
    }

    @Test func replacementsAreFollowed() throws {
        let routes = try table([:])
        let fork = try #require(routes.route(for: "github.com/old/fork"))
        #expect(fork.path == "github.com/new/fork")
        #expect(fork.version == "v1.0.1")
        #expect(fork.requiredPath == "github.com/old/fork")
        let local = try #require(routes.route(for: "example.com/local"))
        #expect(local.disposition == .localDirectory)
        #expect(local.localDirectory == "../local")
        #expect(local.sources.isEmpty)
    }

    @Test func invalidGoproxyFailsEveryModule() throws {
        let routes = try table(["GOPROXY": "ftp://mirror.example"])
        #expect(routes.proxyListError?.message == "invalid proxy URL scheme (must be https, http, file): ftp://mirror.example")
        #expect(routes.modules.allSatisfy { $0.disposition != .download || $0.error != nil })
    }

    @Test func sumdbWalkAsksEachProxyThenGoesDirect() throws {
        let routes = try table(["GOPROXY": "https://goproxy.cn|https://goproxy.io,direct"])
        let sumdb = try #require(routes.checksumDatabase)
        #expect(sumdb.steps.map(\.url) == ["https://goproxy.cn/sumdb/sum.golang.org/supported",
                                           "https://goproxy.io/sumdb/sum.golang.org/supported",
                                           "https://sum.golang.org"])
        #expect(sumdb.steps.last?.isDirect == true)
    }

    @Test func explicitSumdbURLBypassesProxies() throws {
        let routes = try table(["GOSUMDB": "sum.golang.google.cn"])
        let sumdb = try #require(routes.checksumDatabase)
        #expect(sumdb.name == "sum.golang.org")
        #expect(sumdb.steps.map(\.url) == ["https://sum.golang.google.cn"])
    }

    @Test func gosumdbOffSkipsChecks() throws {
        let routes = try table(["GOSUMDB": "off"])
        #expect(routes.checksumDatabase == nil)
        #expect(routes.route(for: "github.com/google/uuid")?.checksum.skippedBecause == "checksum database disabled by GOSUMDB=off")
    }

    @Test func vendorDirectoryMeansNoNetwork() throws {
        let routes = try table([:], vendor: true)
        #expect(routes.modMode == "vendor")
        #expect(routes.route(for: "github.com/google/uuid")?.disposition == .vendored)
    }

    @Test func newerGoLineAsksForAToolchain() throws {
        let go123 = GoInstallation(executable: "/usr/local/go/bin/go", root: "/usr/local/go", versionText: "go1.21.3")
        let routes = try table(["GOTOOLCHAIN": "auto"], goMod: "module m\n\ngo 1.22.1\n", installation: go123)
        let toolchain = try #require(routes.toolchain)
        #expect(toolchain.version == "v0.0.1-go1.22.1.linux-amd64")
        #expect(toolchain.willSwitch)
        let local = try table(["GOTOOLCHAIN": "local"], goMod: "module m\n\ngo 1.22.1\n", installation: go123)
        #expect(local.toolchain?.willSwitch == false)
        let old = try table([:], goMod: "module m\n\ngo 1.22.1\n",
                            installation: GoInstallation(executable: "/usr/bin/go", root: "/usr/lib/go-1.19", versionText: "go1.19.8"))
        #expect(old.toolchain?.willSwitch == false)
    }
}
