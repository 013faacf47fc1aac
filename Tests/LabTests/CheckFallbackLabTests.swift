import Foundation
import LabKit
import Testing

extension LabSuite {
    /// The general case behind issue 11's defect 4: a broken entry that a `|` fallback covers
    /// blocks nothing. `GOPROXY='<primary>|<mirror>'` with the primary resetting every connect:
    /// the real go command succeeds through the mirror, so `check` must not say failures — a
    /// warning that the primary is broken (every request tries it first), with the verified
    /// mirror as the change, which run verbatim keeps go working.
    @Suite
    struct CheckFallbackLabTests {
        typealias Setup = CheckScenarioSetup

        @Test(LabGate.trait, arguments: ShellSetup.allCases)
        func brokenEntryCoveredByPipeFallbackIsAWarning(shell setup: ShellSetup) async throws {
            try await Lab.with { lab in
                let scenario = try await Setup.start(lab, names: [Setup.mirrorName])
                try await scenario.startVerifiedMirror()
                try await lab.addFirewallRule(host: scenario.router, PacketMatch(destinationPort: Setup.proxyPort), .rejectWithTCPReset)
                let shell = try scenario.shell(setup, ["GOPROXY": "\(Setup.proxyURL)|\(Setup.mirrorURL)"])
                let go = try await scenario.goModDownload(in: shell)
                #expect(go.succeeded, "go mod download: \(go.stderr.prefix(2000))")

                let (result, document) = try await scenario.check(in: shell)
                #expect(result.termination == .exited(1) && document.status == "warnings", "\(document.summary)")
                #expect(!document.rootCauses.contains { $0.finding.severity == "failure" }, "\(document.summary)")
                let cause = try #require(document.rootCauses.first { $0.endpoint == Setup.proxyEndpoint }, "\(document.summary)")
                #expect(cause.finding.severity == "warning" && cause.finding.layer == "tcp" && cause.blockedModules.isEmpty, "\(document.summary)")
                let changes = try Setup.changes(of: cause, document)
                Setup.expectSetting("GOPROXY", to: Setup.mirrorURL, in: changes, shell, document)
                try await scenario.expectFixWorks(changes, in: shell, document)
            }
        }
    }
}
