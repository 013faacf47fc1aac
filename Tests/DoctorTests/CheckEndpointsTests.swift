import Testing
import GoModConfig
@testable import Doctor

/// Endpoint collection from route tables built from described machines: every endpoint the
/// go command would contact, each once, with the modules depending on it.
struct CheckEndpointsTests {
    static let goMod = """
    module example.com/app

    go 1.19

    require (
        github.com/google/uuid v1.2.0
        golang.org/x/text v0.3.0
        git.corp.example.com/team/lib v1.0.0
    )
    """

    func endpoints(_ environment: [String: String], goSum: String? = nil) -> [CheckEndpoint] {
        var environment = environment
        environment["HOME"] = "/h"
        var files = ["/p/go.mod": Self.goMod]
        if let goSum { files["/p/go.sum"] = goSum }
        let diagnosis = ConfigDiagnosis.run(environment: environment, directory: "/p", hostOS: .linux,
                                            fileSystem: InMemoryFileSystem(files: files), installation: nil)
        return CheckEndpoints.collect(routes: diagnosis.routes, environment: environment)
    }

    @Test func eachProxyDatabaseAndDirectHostOnce() throws {
        let list = endpoints(["GOPROXY": "https://goproxy.cn,https://mirror.example:8443/go,direct",
                              "GOPRIVATE": "git.corp.example.com", "GOSUMDB": "sum.golang.org"])
        let keys = list.map(\.key)
        #expect(Set(keys).count == keys.count, "duplicate endpoint in \(keys)")
        #expect(keys.contains("https://goproxy.cn:443"))
        #expect(keys.contains("https://mirror.example:8443"))
        #expect(keys.contains("https://git.corp.example.com:443"))
        let proxy = try #require(list.first { $0.key == "https://goproxy.cn:443" })
        #expect(proxy.roles.contains(.proxy))
        // The public modules go through the proxy; the private one never does.
        #expect(proxy.modules == ["github.com/google/uuid@v1.2.0", "golang.org/x/text@v0.3.0"])
        let corp = try #require(list.first { $0.key == "https://git.corp.example.com:443" })
        #expect(corp.roles == [.direct])
        #expect(corp.modules == ["git.corp.example.com/team/lib@v1.0.0"])
        #expect(corp.target.path == "/team/lib?go-get=1")
    }

    @Test func checksumDatabaseRouteIsCollectedForModulesGoSumLacks() throws {
        let list = endpoints(["GOPROXY": "https://goproxy.cn,direct", "GOPRIVATE": "git.corp.example.com"],
                             goSum: "github.com/google/uuid v1.2.0 h1:AAAA=\ngithub.com/google/uuid v1.2.0/go.mod h1:BBBB=\n")
        let databaseOnly = list.filter { $0.roles == [.checksumDatabase] }
        #expect(databaseOnly.map(\.key) == ["https://sum.golang.org:443"])
        for endpoint in databaseOnly {
            #expect(!endpoint.modules.contains("github.com/google/uuid@v1.2.0"), "go.sum holds it: \(endpoint.key)")
            #expect(endpoint.modules.contains("golang.org/x/text@v0.3.0"))
        }
        // goproxy.cn is both a proxy and the first step of the database route: still one endpoint.
        let proxy = try #require(list.first { $0.key == "https://goproxy.cn:443" })
        #expect(proxy.roles == [.proxy, .checksumDatabase])
        #expect(list.filter { $0.target.host == "goproxy.cn" }.count == 1)
    }

    @Test func httpsProxyIsOneEndpointForEveryNetworkedModule() throws {
        let list = endpoints(["GOPROXY": "https://goproxy.cn", "GOSUMDB": "off", "GONOSUMDB": "",
                              "HTTPS_PROXY": "corp-proxy.example:3128", "GOPRIVATE": "git.corp.example.com"])
        let proxy = try #require(list.first { $0.roles.contains(.httpsProxy) })
        #expect(proxy.key == "http://corp-proxy.example:3128")
        #expect(proxy.modules.count == 3)
        #expect(list.filter { $0.roles.contains(.httpsProxy) }.count == 1)
    }

    @Test func noProxyExemptsHostsFromHTTPSProxy() throws {
        let base = ["GOPROXY": "https://goproxy.cn", "GOSUMDB": "off", "GONOSUMDB": "",
                    "HTTPS_PROXY": "corp-proxy.example:3128", "GOPRIVATE": "git.corp.example.com"]
        let corpExempt = endpoints(base.merging(["NO_PROXY": ".corp.example.com"]) { $1 })
        let proxy = try #require(corpExempt.first { $0.roles.contains(.httpsProxy) })
        #expect(proxy.modules == ["github.com/google/uuid@v1.2.0", "golang.org/x/text@v0.3.0"])
        // Lower-case no_proxy counts too (x/net/http/httpproxy FromEnvironment).
        let allExempt = endpoints(base.merging(["no_proxy": "goproxy.cn,git.corp.example.com"]) { $1 })
        #expect(!allExempt.contains { $0.roles.contains(.httpsProxy) }, "\(allExempt.map(\.key))")
        #expect(!endpoints(base.merging(["NO_PROXY": "*"]) { $1 }).contains { $0.roles.contains(.httpsProxy) })
        // A port in NO_PROXY exempts only that port.
        let otherPort = endpoints(base.merging(["NO_PROXY": "goproxy.cn:8443"]) { $1 })
        #expect(otherPort.first { $0.roles.contains(.httpsProxy) }?.modules.count == 3)
    }

    @Test func goproxyOffContactsNothing() {
        let list = endpoints(["GOPROXY": "off", "GOSUMDB": "off"])
        #expect(list.isEmpty, "\(list.map(\.key))")
    }

    @Test func targetParsesSchemesPortsAndIPv6() throws {
        let v6 = try #require(CheckEndpoints.target(url: "http://[::1]:8080/sumdb/x/supported"))
        #expect(v6.host == "::1" && v6.port == 8080 && v6.scheme == .http && v6.path == "/sumdb/x/supported")
        let bare = try #require(CheckEndpoints.target(url: "proxy.example:3128", defaultScheme: "http"))
        #expect(bare.key == "http://proxy.example:3128")
        #expect(CheckEndpoints.target(url: "ftp://x.example") == nil)
    }

    /// No go.mod: what `go get`/`go install path@version` would use anyway — each GOPROXY URL,
    /// the checksum database's route and HTTPS_PROXY (unless NO_PROXY exempts them all).
    @Test func withoutAProjectTheProxiesAndDatabaseAreStillChecked() {
        let environment = ["HOME": "/h", "GOPROXY": "https://goproxy.cn,https://mirror.example:8443|direct", "GOSUMDB": "sum.golang.org",
                           "HTTPS_PROXY": "http://10.0.0.1:3128"]
        let diagnosis = ConfigDiagnosis.run(environment: environment, directory: "/empty", hostOS: .linux,
                                            fileSystem: InMemoryFileSystem(), installation: nil)
        let list = CheckEndpoints.collect(routes: diagnosis.routes, environment: environment)
        #expect(list.map(\.key) == ["https://goproxy.cn:443", "https://mirror.example:8443", "https://sum.golang.org:443", "http://10.0.0.1:3128"])
        #expect(list.allSatisfy { $0.modules.isEmpty })
        #expect(list.first?.roles == [.proxy, .checksumDatabase])
        #expect(list.last?.roles == [.httpsProxy])
        var exempt = environment
        exempt["NO_PROXY"] = "goproxy.cn,mirror.example,sum.golang.org"
        #expect(!CheckEndpoints.collect(routes: diagnosis.routes, environment: exempt).contains { $0.roles == [.httpsProxy] })
    }
}

extension EndpointTarget {
    fileprivate var key: String { CheckEndpoint(target: self, roles: [], modules: []).key }

}
