import Foundation
import GoModConfig
@testable import ModuleFetch
import Testing
@testable import Doctor

/// Issue 11's verdict rules over hand-built evidence: a failure is tied to the endpoint of the
/// request that decided it (by URL and typed class, never by message text), a healthy endpoint
/// that fails module requests is a cause of its own with a fix, an entry the walk never reached
/// blocks nothing, and fixes follow where a variable comes from.
struct CheckVerdictDiagnosisTests {
    let helper = CheckDiagnosisTests()

    func failing(_ name: String, _ layer: FetchFailure.Layer, _ failureClass: String, url: String, message: String) -> ModuleFetchOutcome {
        let parts = name.split(separator: "@").map(String.init)
        var outcome = ModuleFetchOutcome(path: parts[0], version: parts[1], status: .fails,
                                         failure: FetchFailure(layer: layer, failureClass: failureClass, message: message), failedAt: "info")
        outcome.failedURL = url
        return outcome
    }

    @Test func serverErrorOnModulePathsIsACauseOnTheProxyWithAVerifiedFallback() throws {
        let proxy = try helper.result("https://p.example", ["m.example/a@v1.0.0"], roles: [.proxy], finding: nil)
        let module = failing("m.example/a@v1.0.0", .http, "server-error", url: "https://p.example/m.example/a/@v/v1.0.0.info",
                             message: "m.example/a@v1.0.0: reading https://p.example/m.example/a/@v/v1.0.0.info: 500 Internal Server Error")
        let bare = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [module])
        let top = try #require(bare.rootCauses.first)
        #expect(top.finding.id == "module.proxy.failed" && top.endpoint == "https://p.example:443" && top.finding.layer == .http)
        #expect(top.blockedModules == ["m.example/a@v1.0.0"])
        #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.no-verified-proxy-server")
        #expect(bare.moduleEndpoints["m.example/a@v1.0.0"] == "https://p.example:443")
        let verified = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [module],
                                           verified: [VerifiedProxy(url: "https://mirror.example", modules: ["m.example/a@v1.0.0"])])
        #expect(verified.rootCauses.first?.finding.fix?.changes == ["go env -w GOPROXY='https://p.example|https://mirror.example'"])
    }

    @Test func aStalledProxyIsReplacedNotFallenBackFrom() throws {
        let proxy = try helper.result("https://p.example", ["m@v1"], roles: [.proxy], finding: nil)
        let module = failing("m@v1", .http, "no-response", url: "https://p.example/m/@v/v1.info", message: "m@v1: stalled")
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [module],
                                            verified: [VerifiedProxy(url: "https://mirror.example", modules: ["m@v1"])])
        #expect(diagnosis.rootCauses.first?.finding.fix?.changes == ["go env -w GOPROXY=https://mirror.example"])
    }

    @Test func tamperedBytesAreAnIntegrityCauseOnTheMirrorNeverAWeakerCheck() throws {
        let proxy = try helper.result("https://p.example", ["m@v1"], roles: [.proxy], finding: nil)
        let module = failing("m@v1", .integrity, "checksum-mismatch", url: "https://p.example/m/@v/v1.zip",
                             message: "verifying m@v1: checksum mismatch\n\tdownloaded: h1:x\n\tgo.sum:     h1:y")
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [module])
        let top = try #require(diagnosis.rootCauses.first)
        #expect(top.finding.id == "module.integrity.checksum-mismatch" && top.finding.layer == .integrity)
        #expect(top.endpoint == "https://p.example:443" && diagnosis.status == .failures)
        #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.integrity-no-alternative")
        let forbidden = ["GONOSUMDB", "GOSUMDB=off", "GOINSECURE", "GOFLAGS", "GOPRIVATE", "GONOSUMCHECK"]
        #expect(!(top.finding.fix?.commands ?? []).contains { command in forbidden.contains { command.contains($0) } })
    }

    @Test func anEntryTheWalkNeverReachedBlocksNothing() throws {
        // GOPROXY=p,direct: p served the module, github.com (direct) does not resolve.
        let dns = Finding(id: "endpoint.dns.nxdomain", layer: .dns, severity: .failure, target: "github.com:443")
        let direct = try helper.result("https://github.com/x/y?go-get=1", ["github.com/x/y@v1.0.0"], roles: [.direct], finding: dns)
        var served = ModuleFetchOutcome(path: "github.com/x/y", version: "v1.0.0", status: .ok, servedBy: "https://p.example")
        let request = TransportResponse(url: "https://p.example/github.com/x/y/@v/v1.0.0.info", status: 200)
        served.walks = [FileWalk(file: .info("v1.0.0"), attempts: [StepAttempt(kind: "proxy", source: "https://p.example", request: request, failure: nil)],
                                 servedBy: "https://p.example", failure: nil, info: nil, versions: nil)]
        let marked = direct.markingUncontacted([served])
        #expect(marked.unused && marked.unusedReason == .notReached)
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [marked], modules: [served])
        #expect(diagnosis.status == .healthy && diagnosis.rootCauses.isEmpty)
        #expect(diagnosis.checks.contains { $0.kind == .endpoint && $0.severity == .info && $0.detail.hasPrefix("not contacted") })
        // When the walk did reach it, it stays a cause.
        var reached = served
        reached.walks[0].attempts.append(StepAttempt(kind: "direct", source: nil, direct: DirectProbeReport(
            discovery: [TransportResponse(url: "https://github.com/x/y?go-get=1", status: nil)]), failure: nil))
        #expect(!direct.markingUncontacted([reached]).unused)
    }

    @Test func anExportedVariableIsFixedWithExportAsWellAsGoEnvW() throws {
        let environment = ["GOPROXY": "https://p.example", "HOME": "/home/u", "GOENV": "/home/u/.config/go/env"]
        let env = GoEnvResolver(environment: environment, hostOS: .linux, fileSystem: InMemoryFileSystem(), installation: nil).resolve()
        let timeout = Finding(id: "endpoint.tcp.timeout", layer: .tcp, severity: .failure, target: "p.example:443")
        let proxy = try helper.result("https://p.example", ["m@v1"], roles: [.proxy], finding: timeout)
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [proxy], modules: [helper.outcome("m@v1", fails: .tcp, host: "p.example")],
                                            env: env, verified: [VerifiedProxy(url: "https://mirror.example", modules: ["m@v1"])])
        // `go env -w` alone would be shadowed by the exported GOPROXY (the go command warns and ignores it).
        #expect(diagnosis.rootCauses.first?.finding.fix?.changes == ["export GOPROXY=https://mirror.example", "go env -w GOPROXY=https://mirror.example"])
    }
}

