import Foundation
import GoModConfig
import LabKit
import Testing

extension LabSuite {
    /// Issue 11, defect 6 (second half): a checksum-database answer that does not verify is a
    /// cause found only by the fetch. It must name the database endpoint that answered, agree
    /// with what the real go command did, and carry a fix that never turns verification off —
    /// here none exists from this machine's view (a custom database under a wrong key), and the
    /// report says so.
    @Suite
    struct CheckSumDBNoteLabTests {
        typealias Setup = CheckScenarioSetup

        /// The lab database's name under another Ed25519 key: every signature the database makes
        /// is then by an unknown key (note.Open: "note has no verifiable signatures").
        static func wrongKey(for gosumdb: String) throws -> String {
            let real = try VerifierKey.parse(String(gosumdb.split(separator: " ")[0]))
            let other = Array(real.publicKey.reversed())
            let hash = VerifierKey.keyHash(name: real.name, keyData: [VerifierKey.ed25519] + other)
            return VerifierKey(name: real.name, keyHash: hash, algorithm: VerifierKey.ed25519, publicKey: other).text
        }

        @Test(LabGate.trait, arguments: ShellSetup.allCases)
        func noteSignedByAnotherKey(shell setup: ShellSetup) async throws {
            try await Lab.with { lab in
                let scenario = try await Setup.start(lab)
                let gosumdb = try #require(scenario.environment["GOSUMDB"])
                let url = String(gosumdb.split(separator: " ")[1])
                let shell = try scenario.shell(setup, ["GOSUMDB": "\(try Self.wrongKey(for: gosumdb)) \(url)"])

                let go = try await scenario.goModDownload(in: shell)
                #expect(!go.succeeded && go.stderr.contains("verifying") && go.stderr.contains("no verifiable signatures"),
                        "go mod download: \(go.stderr.prefix(2000))")

                let (result, document) = try await scenario.check(in: shell)
                #expect(result.termination == .exited(2) && document.status == "failures", "\(document.summary)")
                let top = try Setup.top(result, document)
                #expect(top.finding.id == "module.sumdb.failed" && top.finding.layer == "sumdb", "\(document.summary)")
                #expect(top.endpoint == url, "the database endpoint that answered: \(document.summary)")
                #expect(top.blockedModules == Setup.publicModules, "\(document.summary)")
                #expect(top.finding.evidence.contains { $0.contains("no verifiable signatures") }, "\(document.summary)")
                // No change from here can be verified: the report says so, and never weakens the check.
                #expect(top.finding.fix?.changes == [] && top.finding.fix?.explanationKey == "fix.check.sumdb-note", "\(document.summary)")
                Setup.expectNoVerificationBypass(document)
                // The proxy served every file: it is not blamed.
                #expect(!document.rootCauses.contains { $0.endpoint == Setup.proxyEndpoint && $0.finding.severity == "failure" }, "\(document.summary)")
            }
        }
    }
}
