import Foundation
import LabKit
import Testing

extension LabSuite.CheckVerdictScenarioLabTests {
    /// Defect 8 over plain http (the https form is `proxyAcceptsAndStalls`): a second GOPROXY on
    /// the server, http on :8080, accepts and never answers on module paths. Go 1.19 waits
    /// forever (no response timeout); check must name the stall on that endpoint before its
    /// own --timeout, the module findings on the cause's layer.
    @Test(LabGate.trait)
    func plainHTTPProxyAcceptsAndStalls() async throws {
        try await Lab.with { lab in
            let scenario = try await Setup.start(lab)
            let port = 8080
            try await lab.startGoProxy(on: scenario.chain.server, tree: scenario.tree, port: port, rules: [ProxyRule(prefix: "/github.com/", hang: true)])
            let endpoint = "http://\(Setup.proxyName):\(port)"
            let shell = try scenario.shell(.exported, ["GOPROXY": endpoint])
            let go = try await scenario.goModDownload(in: shell, timeout: .seconds(10))
            #expect(!go.succeeded, "go mod download must not succeed against a silent proxy: \(go)")

            let started = ContinuousClock.now
            let (result, document) = try await scenario.check(in: shell)
            let elapsed = ContinuousClock.now - started
            #expect(result.termination == .exited(2) && document.status == "failures", "\(document.summary)")
            #expect(elapsed < .seconds(6), "check took \(elapsed):\n\(document.summary)")
            let top = try Setup.top(result, document)
            #expect(["module.proxy.failed", "endpoint.http.no-response"].contains(top.finding.id), "\(document.summary)")
            #expect(top.endpoint == endpoint && top.blockedModules == Setup.publicModules, "\(document.summary)")
            for finding in document.findings where finding.id.hasPrefix("module.") && finding.severity == "failure" {
                #expect(finding.layer == top.finding.layer, "\(finding.id) \(finding.target) on \(finding.layer), cause on \(top.finding.layer)")
            }
            // No mirror here: nothing verified, so no configuration change is offered.
            #expect(top.finding.fix?.changes == [], "\(document.summary)")
        }
    }
}
