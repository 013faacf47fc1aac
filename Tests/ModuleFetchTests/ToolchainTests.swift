import Foundation
import GoModConfig
import ModuleFetch
import Testing

@Suite
struct ToolchainTests {
    @Test
    func languageVersionsAreNotToolchainNames() {
        #expect(ToolchainChecker.isLanguageVersionOnly("go1.22"))
        #expect(ToolchainChecker.isLanguageVersionOnly("1.21"))
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.22.0"))
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.20"), "before 1.21 the release was named go1.20")
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.22rc1"))
    }

    /// ToolchainRoute has no public memberwise initialiser: built the way `env --json` writes it.
    static func route(proxy: String) throws -> ToolchainRoute {
        let json = """
        {"required":"go1.22.0","local":"go1.19","module":"golang.org/toolchain","version":"v0.0.1-go1.22.0.linux-amd64",
         "willSwitch":true,"reason":"GOTOOLCHAIN=auto allows downloading go1.22.0",
         "sources":[{"kind":"proxy","url":"\(proxy)","fallback":"onNotFound","action":"fetch-from-proxy"}]}
        """
        return try JSONDecoder().decode(ToolchainRoute.self, from: Data(json.utf8))
    }

    @Test
    func toolchainIsFetchedThroughTheRouteAndVerified() async throws {
        let base = "http://p/golang.org/toolchain/@v/v0.0.1-go1.22.0.linux-amd64"
        let transport = ScriptedTransport([
            base + ".info": ScriptedTransport.ok(#"{"Version":"v0.0.1-go1.22.0.linux-amd64"}"#),
            base + ".mod": ScriptedTransport.ok("module golang.org/toolchain\n"),
            "http://sum/lookup/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64": ScriptedTransport.ok("1\n"),
        ])
        let routing = SumDBRouter.Routing(name: "sum.golang.org", base: "http://sum", viaProxy: false, requests: [], failure: nil)
        let fetcher = ModuleFetcher(transport: transport, environment: [:], govcs: GoVCSRules(), sumdb: routing)
        let check = await ToolchainChecker(fetcher: fetcher).check(try Self.route(proxy: "http://p"), deadline: .after(seconds: 5))
        #expect(check.fetch?.status == .ok, "\(String(describing: check.fetch?.failure))")
        // The walks and the lookup start together (ModuleFetcher), so only the set is fixed.
        #expect(transport.requested.sorted() == [base + ".info", base + ".mod", "http://sum/lookup/golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64"].sorted())
        #expect(!check.languageVersionOnly)

        let off = ModuleFetcher(transport: ScriptedTransport(), environment: [:], govcs: GoVCSRules(), sumdb: nil)
        let refused = await ToolchainChecker(fetcher: off).check(try Self.route(proxy: "http://p"), deadline: .after(seconds: 5))
        #expect(refused.fetch?.failure?.layer == .sumdb)
        #expect(refused.fetch?.failure?.failureClass == "disabled")
    }
}
