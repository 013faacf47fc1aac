import Testing
import GoModConfig
import ModuleFetch
@testable import Doctor
@testable import Report

/// Root causes, their order by impact, and the exit status, from hand-built evidence.
struct CheckDiagnosisTests {
    func endpoint(_ url: String, _ modules: [String], role: CheckEndpoint.Role = .proxy, root: Layer? = nil) throws -> CheckDiagnosis.EndpointResult {
        let target = try #require(CheckEndpoints.target(url: url))
        let findings = root.map { [Finding(id: "endpoint.\($0.rawValue).broken", layer: $0, severity: .failure, target: target.hostPort)] }
            ?? [Finding(id: "endpoint.healthy", layer: .http, severity: .info, target: target.hostPort)]
        let layers = [EndpointLayerCheck(layer: root ?? .http, status: root == nil ? .ok : .failed, detail: "x")]
        return CheckDiagnosis.EndpointResult(endpoint: CheckEndpoint(target: target, roles: [role], modules: modules),
                                             verdict: EndpointVerdict(target: target, layers: layers, rootLayer: root, findings: findings))
    }

    func outcome(_ name: String, fails layer: FetchFailure.Layer? = nil, host: String = "", failureClass: String = "timeout") -> ModuleFetchOutcome {
        let parts = name.split(separator: "@").map(String.init)
        guard let layer else { return ModuleFetchOutcome(path: parts[0], version: parts[1], status: .ok, servedBy: "https://a.example") }
        return ModuleFetchOutcome(path: parts[0], version: parts[1], status: .fails,
                                  failure: FetchFailure(layer: layer, failureClass: failureClass, message: "Get \"https://\(host)/x\": dial tcp: i/o timeout"),
                                  failedAt: "info")
    }

    @Test func rootCausesAreOrderedByBlockedModules() throws {
        let modules = ["m.example/a@v1.0.0", "m.example/b@v1.0.0", "m.example/c@v1.0.0", "m.example/d@v1.0.0"]
        let endpoints = [
            try endpoint("https://small.example", [modules[0]], root: .dns),
            try endpoint("https://big.example", Array(modules[1...3]), root: .tcp),
        ]
        let outcomes = [outcome(modules[0], fails: .dns, host: "small.example"), outcome(modules[1], fails: .tcp, host: "big.example"),
                        outcome(modules[2], fails: .tcp, host: "big.example"), outcome(modules[3], fails: .tcp, host: "big.example")]
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: endpoints, modules: outcomes)
        #expect(diagnosis.rootCauses.map(\.endpoint) == ["https://big.example:443", "https://small.example:443"])
        #expect(diagnosis.rootCauses.first?.blockedModules == Array(modules[1...3]))
        #expect(diagnosis.rootCauses.first?.totalModules == 4)
        #expect(diagnosis.rootCauses.first?.finding.layer == .tcp)
        #expect(diagnosis.status == .failures)
        #expect(diagnosis.findings.filter { $0.id == "check.fetch-failed" }.count == 4)
    }

    @Test func moduleFailuresNoEndpointExplainsAreGroupedByLayerAndClass() {
        let outcomes = [outcome("x.example/a@v1.0.0", fails: .http, failureClass: "not-found"),
                        outcome("x.example/b@v1.0.0", fails: .http, failureClass: "not-found"),
                        outcome("x.example/c@v1.0.0")]
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [], modules: outcomes)
        #expect(diagnosis.rootCauses.count == 1)
        #expect(diagnosis.rootCauses.first?.blockedModules == ["x.example/a@v1.0.0", "x.example/b@v1.0.0"])
        #expect(diagnosis.rootCauses.first?.finding.arguments["class"] == "not-found")
        #expect(diagnosis.rootCauses.first?.totalModules == 3)
    }

    @Test func configFailureWithoutBlockedModulesComesAfterBlockingCauses() throws {
        let config = Finding(id: "config.goproxy.off", severity: .failure, target: "GOPROXY")
        let endpoints = [try endpoint("https://p.example", ["m.example/a@v1.0.0"], root: .tls)]
        let diagnosis = CheckDiagnosis.make(configFindings: [config], endpoints: endpoints,
                                            modules: [outcome("m.example/a@v1.0.0", fails: .tls, host: "p.example")])
        #expect(diagnosis.rootCauses.map(\.finding.id) == ["endpoint.tls.broken", "config.goproxy.off"])
    }

    @Test func privateGuessContradictedByASuccessfulFetchIsOnlyAWarning() {
        let guess = Finding(id: "config.private-module.not-in-goprivate", severity: .failure, target: "x.example")
        let served = CheckDiagnosis.make(configFindings: [guess], endpoints: [], modules: [outcome("x.example/a@v1.0.0")])
        #expect(served.status == .warnings && served.rootCauses.isEmpty)
        let failed = CheckDiagnosis.make(configFindings: [guess], endpoints: [], modules: [outcome("x.example/a@v1.0.0", fails: .http, failureClass: "not-found")])
        #expect(failed.status == .failures && failed.rootCauses.contains { $0.finding.id == guess.id })
    }

    @Test func exitStatusFollowsWorstSeverity() throws {
        let healthy = CheckDiagnosis.make(configFindings: [Finding(id: "i", severity: .info, target: "t")],
                                          endpoints: [try endpoint("https://p.example", ["m@v1"])], modules: [outcome("m@v1")])
        #expect(healthy.status == .healthy)
        #expect(healthy.rootCauses.isEmpty)
        let warned = CheckDiagnosis.make(configFindings: [Finding(id: "w", severity: .warning, target: "t")], endpoints: [], modules: [])
        #expect(warned.status == .warnings)
        #expect(CheckDiagnosis.Status.failures.rawValue == 2 && CheckDiagnosis.Status.warnings.rawValue == 1)
    }

    @Test func databaseURLNotOnTheSettledRouteIsNoCause() throws {
        let direct = try endpoint("https://sum.golang.org", ["m.example/a@v1.0.0"], role: .checksumDatabase, root: .tcp)
        let viaProxy = direct.settingUnused(databaseBase: "https://goproxy.cn/sumdb/sum.golang.org")
        #expect(viaProxy.unused && viaProxy.rootLayer == nil)
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [viaProxy], modules: [outcome("m.example/a@v1.0.0")])
        #expect(diagnosis.status == .healthy && diagnosis.rootCauses.isEmpty)
        let settledThere = direct.settingUnused(databaseBase: "https://sum.golang.org")
        #expect(!settledThere.unused && settledThere.rootLayer == .tcp)
        #expect(!direct.settingUnused(databaseBase: nil).unused)
    }

    @Test func httpsProxyCountsOnlyWhenUnreachable() throws {
        let answered = try endpoint("http://corp.example:3128", ["m@v1"], role: .httpsProxy, root: .http)
        #expect(answered.rootLayer == nil)
        let down = try endpoint("http://corp.example:3128", ["m@v1"], role: .httpsProxy, root: .tcp)
        #expect(down.rootLayer == .tcp)
    }

    @Test func textReportOpensWithTheImpactInBothLanguages() throws {
        let endpoints = [try endpoint("https://big.example", ["m.example/a@v1.0.0"], root: .tcp)]
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: endpoints,
                                            modules: [outcome("m.example/a@v1.0.0", fails: .tcp, host: "big.example"), outcome("m.example/b@v1.0.0")])
        for language in [Language.en, .zh] {
            let text = CheckTextRenderer(catalog: MessageCatalog(language: language), style: TerminalStyle(enabled: false))
                .render(diagnosis, directory: "/p", endpoints: endpoints.map(\.endpoint), seconds: 1)
            let expected = language == .en ? "1 of 2 modules cannot be fetched because:" : "2 个模块中有 1 个无法下载"
            #expect(text.contains(expected), "\(text)")
            #expect(text.contains("✗ endpoint") || text.contains("✗ 端点"))
        }
        for key in ["check.fetch-failed", "ui.check.blocks", "ui.check.status.2"] { #expect(MessageCatalog.has(key)) }
    }
}
