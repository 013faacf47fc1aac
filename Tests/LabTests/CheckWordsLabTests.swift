import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 11, defect 9 in the lab, beside the real go command: what the report says fits
    /// what was seen. A plain-http proxy that answers "/" but resets module requests (go fails
    /// with the reset) gets no "TCP and TLS work" (there is no TLS) and no "cannot be reached"
    /// (it can); in both languages.
    @Suite
    struct CheckWordsLabTests {
        typealias Setup = CheckScenarioSetup

        @Test(LabGate.trait)
        func plainHTTPProxyFailingModulesIsNotCalledUnreachable() async throws {
            try await Lab.with { lab in
                let scenario = try await Setup.start(lab)
                let port = 8080
                try await lab.startGoProxy(on: scenario.chain.server, tree: scenario.tree, port: port,
                                           rules: [ProxyRule(prefix: "/github.com/", status: 502, body: "bad gateway\n")])
                let shell = try scenario.shell(.exported, ["GOPROXY": "http://\(Setup.proxyName):\(port)"])
                let go = try await scenario.goModDownload(in: shell)
                #expect(!go.succeeded && go.stderr.contains("502 Bad Gateway"), "go mod download: \(go.stderr.prefix(2000))")

                for language in ["en", "zh"] {
                    let argv = [try DoctorRun.binary, "check", scenario.work + "/wd", "--timeout", "6", "--resolver", "none", "--lang", language]
                    let result = try await lab.run(in: scenario.chain.client, argv, environment: shell.environment.merging(["NO_COLOR": "1"]) { $1 },
                                                   workingDirectory: scenario.work + "/wd", timeout: .seconds(60))
                    #expect(result.termination == .exited(2), "\(result.stdout.prefix(3000))")
                    if ProcessInfo.processInfo.environment["SHOW_CHECK_TEXT"] != nil { print(result.stdout) }
                    let text = result.stdout
                    #expect(text.contains("http://\(Setup.proxyName):\(port)"), "\(text.prefix(3000))")
                    for claim in ["TLS work", "TLS 正常", "cannot be reached", "无法访问该代理"] {
                        #expect(!text.contains(claim), "'\(claim)' does not fit a plain-http proxy that answers:\n\(text.prefix(3000))")
                    }
                    // Multi-line evidence stays inside the layout: no line starts with a tab.
                    #expect(!text.split(separator: "\n").contains { $0.hasPrefix("\t") }, "\(text.prefix(3000))")
                }
            }
        }
    }
}
