import Foundation
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

    @Test func privateGuessContradictedByASuccessfulFetchIsDropped() {
        let guess = Finding(id: "config.private-module.not-in-goprivate", severity: .failure, target: "x.example")
        // The proxy served it: "requested from P, which cannot serve them" would contradict the evidence.
        let served = CheckDiagnosis.make(configFindings: [guess], endpoints: [], modules: [outcome("x.example/a@v1.0.0")])
        #expect(served.status == .healthy && served.rootCauses.isEmpty)
        #expect(!served.findings.contains { $0.id == guess.id })
        // Some served, some not: it speaks of the failing one only.
        let mixed = CheckDiagnosis.make(configFindings: [guess], endpoints: [], modules: [
            outcome("x.example/a@v1.0.0"), outcome("x.example/b@v1.0.0", fails: .http, failureClass: "not-found")])
        #expect(mixed.rootCauses.first?.finding.arguments["count"] == "1")
        #expect(mixed.rootCauses.first?.finding.arguments["first"] == "x.example/b@v1.0.0")
        #expect(mixed.rootCauses.first?.blockedModules == ["x.example/b@v1.0.0"])
        let failed = CheckDiagnosis.make(configFindings: [guess], endpoints: [], modules: [outcome("x.example/a@v1.0.0", fails: .http, failureClass: "not-found")])
        #expect(failed.status == .failures)
        // The proxy's 404 for the private module is explained by the missing GOPRIVATE, not a cause of its own.
        #expect(failed.rootCauses.map(\.finding.id) == [guess.id])
        #expect(failed.rootCauses.first?.blockedModules == ["x.example/a@v1.0.0"])
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

    func result(_ url: String, _ modules: [String], roles: [CheckEndpoint.Role], finding: Finding?, layers: [EndpointLayerCheck] = []) throws -> CheckDiagnosis.EndpointResult {
        let target = try #require(CheckEndpoints.target(url: url))
        let findings = finding.map { [$0] } ?? [Finding(id: "endpoint.healthy", layer: .http, severity: .info, target: target.hostPort)]
        let root = finding?.severity == .failure ? finding?.layer : nil
        let chain = layers.isEmpty ? [EndpointLayerCheck(layer: root ?? .http, status: root == nil ? .ok : .failed, detail: "x")] : layers
        return CheckDiagnosis.EndpointResult(endpoint: CheckEndpoint(target: target, roles: roles, modules: modules),
                                             verdict: EndpointVerdict(target: target, layers: chain, rootLayer: root, findings: findings))
    }

    @Test func warningsBecomeRootCausesAfterEveryFailureAndInfoNever() throws {
        let ipv6 = Finding(id: "endpoint.ipv6-broken", layer: .tcp, severity: .warning, target: "p.example:443")
        let info = Finding(id: "endpoint.icmp-filtered", layer: .icmp, severity: .info, target: "q.example:443")
        let down = Finding(id: "endpoint.tcp.timeout", layer: .tcp, severity: .failure, target: "d.example:443")
        let endpoints = [try result("https://p.example", ["m.example/a@v1.0.0"], roles: [.proxy], finding: ipv6),
                         try result("https://q.example", ["m.example/a@v1.0.0"], roles: [.proxy], finding: info),
                         try result("https://d.example", ["m.example/b@v1.0.0"], roles: [.proxy], finding: down)]
        let config = Finding(id: "config.w", severity: .warning, target: "GOFLAGS")
        let diagnosis = CheckDiagnosis.make(configFindings: [config], endpoints: endpoints,
                                            modules: [outcome("m.example/a@v1.0.0"), outcome("m.example/b@v1.0.0", fails: .tcp, host: "d.example")])
        #expect(diagnosis.rootCauses.map(\.finding.id) == ["endpoint.tcp.timeout", "config.w", "endpoint.ipv6-broken"])
        #expect(diagnosis.rootCauses.last?.endpoint == "https://p.example:443")
        let warnedOnly = CheckDiagnosis.make(configFindings: [], endpoints: [endpoints[0]], modules: [outcome("m.example/a@v1.0.0")])
        #expect(warnedOnly.status == .warnings && warnedOnly.rootCauses.map(\.finding.id) == ["endpoint.ipv6-broken"])
        let infoOnly = CheckDiagnosis.make(configFindings: [], endpoints: [endpoints[1]], modules: [outcome("m.example/a@v1.0.0")])
        #expect(infoOnly.status == .healthy && infoOnly.rootCauses.isEmpty)
    }

    @Test func laterLayersFailuresAreTheRootCausesSymptoms() throws {
        let tls = Finding(id: "endpoint.tls.certificate-expired", layer: .tls, severity: .failure, target: "p.example:443")
        let layers = [EndpointLayerCheck(layer: .tcp, status: .ok, detail: "connected"),
                      EndpointLayerCheck(layer: .tls, status: .failed, detail: "certificate expired"),
                      EndpointLayerCheck(layer: .http, status: .symptom, detail: "no answer")]
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [try result("https://p.example", ["m@v1"], roles: [.proxy], finding: tls, layers: layers)],
                                            modules: [outcome("m@v1", fails: .tls, host: "p.example")])
        #expect(diagnosis.rootCauses.first?.symptoms == ["http: no answer"])
    }

    @Test func proxyFixesFollowTheGoCommandsFallbackRules() throws {
        let refused = Finding(id: "endpoint.http.refused-client", layer: .http, severity: .failure, target: "p.example:443",
                              fix: Fix(commands: ["curl p"]))
        let endpoints = [try result("https://p.example", ["m@v1"], roles: [.proxy], finding: refused),
                         try result("https://m.example:8443/go/", ["m@v1"], roles: [.proxy], finding: nil)]
        let verified = [VerifiedProxy(url: "https://m.example:8443/go", modules: ["m@v1"])]
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: endpoints, modules: [outcome("m@v1", fails: .http, host: "p.example")],
                                            verified: verified)
        let fix = try #require(diagnosis.rootCauses.first?.finding.fix)
        // After a comma a 403 stops the go command; after a pipe it falls through (modfetch/proxy.go).
        #expect(fix.commands == ["go env -w GOPROXY='https://p.example|https://m.example:8443/go'",
                                 "echo 'machine p.example login USER password TOKEN' >> ~/.netrc && chmod 600 ~/.netrc", "curl p"])
        #expect(fix.changes == ["go env -w GOPROXY='https://p.example|https://m.example:8443/go'"])
        #expect(fix.explanationKey == "fix.check.proxy-refused")
        // Nothing verified: no proxy is named, and the report says no change was found.
        let unverified = CheckDiagnosis.make(configFindings: [], endpoints: endpoints, modules: [outcome("m@v1", fails: .http, host: "p.example")])
        let bare = try #require(unverified.rootCauses.first?.finding.fix)
        #expect(bare.changes == [] && bare.explanationKey == "fix.check.no-verified-proxy-server")
        #expect(!bare.commands.contains { $0.contains("GOPROXY") })

        // A proxy that cannot be reached: the configured one this run verified takes over.
        let timeout = Finding(id: "endpoint.tcp.timeout", layer: .tcp, severity: .failure, target: "p.example:443", fix: Fix(commands: ["trace"]))
        let switched = CheckDiagnosis.make(configFindings: [], endpoints: [try result("https://p.example", ["m@v1"], roles: [.proxy], finding: timeout), endpoints[1]],
                                           modules: [outcome("m@v1", fails: .tcp, host: "p.example")], verified: verified)
        #expect(switched.rootCauses.first?.finding.fix?.commands == ["go env -w GOPROXY=https://m.example:8443/go", "trace"])
        // Interception is this machine's trust store: another proxy would not help.
        let intercepted = Finding(id: "endpoint.tls.interception", layer: .tls, severity: .failure, target: "p.example:443", fix: Fix(commands: ["sudo update-ca-certificates"]))
        let trusted = CheckDiagnosis.make(configFindings: [], endpoints: [try result("https://p.example", ["m@v1"], roles: [.proxy], finding: intercepted)], modules: [])
        #expect(trusted.rootCauses.first?.finding.fix?.commands == ["sudo update-ca-certificates"])
    }

    @Test func unreachableSumGolangOrgGoesThroughItsMirror() throws {
        let timeout = Finding(id: "endpoint.tcp.timeout", layer: .tcp, severity: .failure, target: "sum.golang.org:443", fix: Fix(commands: ["trace"]))
        var module = outcome("m.example/a@v1.0.0", fails: .sumdb, host: "sum.golang.org")
        module.checksum = try JSONDecoder().decode(ChecksumLookup.self, from: Data(#"{"database":"sum.golang.org","requests":[],"lines":[]}"#.utf8))
        let sumdb = try result("https://sum.golang.org", ["m.example/a@v1.0.0"], roles: [.checksumDatabase], finding: timeout)
        // The mirror is named only when its signed tree head verified this run.
        let unverified = CheckDiagnosis.make(configFindings: [], endpoints: [sumdb], modules: [module])
        #expect(unverified.rootCauses.first?.finding.fix?.changes == [])
        #expect(unverified.rootCauses.first?.finding.fix?.explanationKey == "fix.check.sumdb-no-verified-mirror")
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: [sumdb], modules: [module],
                                            verifiedDatabases: ["sum.golang.google.cn", "sum.golang.org"])
        let fix = try #require(diagnosis.rootCauses.first?.finding.fix)
        #expect(fix.commands == ["go env -w GOSUMDB=sum.golang.google.cn", "trace"])
        #expect(!fix.commands.contains { $0.contains("GOSUMDB=off") || $0.contains("GONOSUMDB") })
        // The alias down: back to the database's own name.
        let aliasDown = CheckDiagnosis.make(configFindings: [], endpoints: [try result("https://sum.golang.google.cn", ["m.example/a@v1.0.0"], roles: [.checksumDatabase], finding: timeout)],
                                            modules: [module], verifiedDatabases: ["sum.golang.org"])
        #expect(aliasDown.rootCauses.first?.finding.fix?.commands.first == "go env -w GOSUMDB=sum.golang.org")
        // Another database has no well-known mirror: the diagnostics stay.
        var custom = module
        custom.checksum?.database = "sum.corp.example"
        let customDown = CheckDiagnosis.make(configFindings: [], endpoints: [try result("https://sum.corp.example", ["m.example/a@v1.0.0"], roles: [.checksumDatabase], finding: timeout)],
                                             modules: [custom])
        #expect(customDown.rootCauses.first?.finding.fix?.commands == ["trace"])
    }

    @Test func httpsProxyDownOwnsTheModulesAndTheProxysFailure() throws {
        let refused = Finding(id: "endpoint.tcp.refused", layer: .tcp, severity: .failure, target: "10.0.0.1:3129")
        let behind = Finding(id: "endpoint.http.failed", layer: .http, severity: .failure, target: "p.example:443")
        // The module proxy's own probe connects without HTTPS_PROXY: going without it is verified.
        let direct = [EndpointLayerCheck(layer: .tcp, status: .ok, detail: "connected"), EndpointLayerCheck(layer: .http, status: .failed, detail: "x")]
        let endpoints = [try result("https://p.example", ["m@v1"], roles: [.proxy], finding: behind, layers: direct),
                         try result("http://10.0.0.1:3129", ["m@v1"], roles: [.httpsProxy], finding: refused)]
        var module = outcome("m@v1", fails: .tcp)
        // The HTTP client's typed class for a proxy it could not reach; the message is not read.
        module.failure?.failureClass = "proxy-connect"
        module.failure?.message = "m@v1: Get \"https://p.example/m/@v/v1.info\": proxyconnect tcp: dial tcp 10.0.0.1:3129: connect: connection refused"
        let diagnosis = CheckDiagnosis.make(configFindings: [], endpoints: endpoints, modules: [module])
        #expect(diagnosis.rootCauses.map(\.endpoint) == ["http://10.0.0.1:3129"])
        let top = try #require(diagnosis.rootCauses.first)
        #expect(top.blockedModules == ["m@v1"])
        #expect(top.symptoms == ["https://p.example:443 http: x"])
        #expect(top.finding.fix?.commands == ["unset HTTPS_PROXY https_proxy", "export NO_PROXY=\"${NO_PROXY:+$NO_PROXY,}p.example\""])
    }

    @Test func roleFixTextsExistInBothLanguages() {
        for key in ["fix.check.https-proxy", "fix.check.proxy-refused", "fix.check.switch-proxy", "fix.check.proxy-certificate-expired",
                    "fix.check.direct-blocked", "fix.check.sumdb-mirror", "endpoint.tls.certificate-expired", "fix.endpoint.tls.certificate-expired"] {
            #expect(MessageCatalog.has(key), "\(key)")
            #expect(MessageCatalog(language: .en).text(key) != MessageCatalog(language: .zh).text(key))
        }
    }
}
