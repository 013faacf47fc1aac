import Foundation
import LabKit
import Testing

extension LabSuite.CheckVerdictScenarioLabTests {
    /// Defect 6, second form: the proxy answers 404 for every module path and the list ends in
    /// `off`, so the go command stops with "module lookup disabled by GOPROXY=off"
    /// (cmd/go/internal/modfetch/proxy.go, TryProxies: 404 = next). The root cause names the
    /// proxy that answered; with a verified mirror its changes must make go succeed.
    @Test(LabGate.trait, arguments: ShellSetup.allCases)
    func proxyNotFoundBeforeOff(shell setup: ShellSetup) async throws {
        try await Lab.with { lab in
            let scenario = try await Setup.start(lab, names: [Setup.mirrorName], rules: [
                ProxyRule(prefix: "/github.com/", status: 404, body: "not found\n"),
            ])
            try await scenario.startVerifiedMirror()
            let shell = try scenario.shell(setup, ["GOPROXY": Setup.proxyURL + ",off"])
            let go = try await scenario.goModDownload(in: shell)
            #expect(!go.succeeded && go.stderr.contains("module lookup disabled by GOPROXY=off"), "go mod download: \(go.stderr.prefix(2000))")

            let (result, document) = try await scenario.check(in: shell)
            #expect(result.termination == .exited(2) && document.status == "failures", "\(document.summary)")
            let top = try Setup.top(result, document)
            #expect(top.endpoint == Setup.proxyEndpoint && top.blockedModules == Setup.publicModules, "\(document.summary)")
            Setup.expectNoInsecureFix(document)
            let changes = try Setup.changes(of: top, document)
            Setup.expectSetting("GOPROXY", to: nil, in: changes, shell, document)
            try await scenario.expectFixWorks(changes, in: shell, document)
        }
    }

    /// Defect 6, third form: the checksum database answers, but its signed note does not verify
    /// with the key GOSUMDB names (a second database's key for the same name). The go command
    /// refuses (cmd/go/internal/modfetch/sumdb.go → x/mod/sumdb/note: verification failure).
    /// The root cause must name the database's endpoint and say what changes (if any) fix it;
    /// no fix may turn verification off.
    @Test(LabGate.trait)
    func checksumDatabaseNoteDoesNotVerify() async throws {
        try await Lab.with { lab in
            let scenario = try await Setup.start(lab)
            let impostor = try await lab.startSumDB(on: scenario.chain.server, tree: scenario.tree, address: scenario.ip, port: 8082)
            try #require(impostor.verifierKey != scenario.sumdb.verifierKey)
            // The first database's URL with the second one's key: every note fails to verify.
            let gosumdb = "\(impostor.verifierKey) http://\(scenario.ip):\(scenario.sumdb.port)"
            let shell = try scenario.shell(.exported, ["GOSUMDB": gosumdb])
            let go = try await scenario.goModDownload(in: shell)
            #expect(!go.succeeded && go.stderr.contains("verifying"), "go mod download: \(go.stderr.prefix(2000))")

            let (result, document) = try await scenario.check(in: shell)
            #expect(result.termination == .exited(2) && document.status == "failures", "\(document.summary)")
            let top = try Setup.top(result, document)
            #expect(top.endpoint == "http://\(scenario.ip):\(scenario.sumdb.port)", "\(document.summary)")
            #expect(top.blockedModules == Setup.publicModules, "\(document.summary)")
            Setup.expectNoVerificationBypass(document)
            let changes = try Setup.changes(of: top, document)
            if !changes.isEmpty { try await scenario.expectFixWorks(changes, in: shell, document) }
        }
    }
}
