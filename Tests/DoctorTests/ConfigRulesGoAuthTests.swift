import Testing
import GoModConfig
@testable import Doctor
@testable import Report

/// GOAUTH findings: a malformed value fails every https download (auth.go), methods
/// gomod-doctor does not run are said, and no GOAUTH argument is ever shown.
struct ConfigRulesGoAuthTests {
    func diagnose(_ environment: [String: String]) -> ConfigDiagnosis {
        var environment = environment
        environment["HOME"] = "/h"
        return ConfigDiagnosis.run(environment: environment, directory: "/p", hostOS: .linux,
                                   fileSystem: InMemoryFileSystem(files: ["/p/go.mod": ConfigRulesTests.goMod], directories: []),
                                   installation: nil, goCommandEnv: nil)
    }

    @Test func malformedGoauthIsAFailureWithTheGoCommandsText() throws {
        let diagnosis = diagnose(["GOAUTH": "off;/bin/creds s3cret"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.goauth.invalid" })
        #expect(finding.severity == .failure)
        #expect(finding.arguments["error"]
            == "go: GOAUTH=off cannot be combined with other authentication commands (GOAUTH=off;/bin/creds REDACTED)")
        #expect(finding.fix?.commands == ["unset GOAUTH"], "\(finding.fix?.commands ?? [])")
        let text = MessageCatalog(language: .en).text(finding.id, finding.arguments)
        #expect(text.contains("malformed") && !text.contains("s3cret"))
    }

    @Test func commandsAreNamedAsNotRun() throws {
        let diagnosis = diagnose(["GOAUTH": "netrc;/bin/creds s3cret"])
        let finding = try #require(diagnosis.findings.first { $0.id == "config.goauth.not-run" })
        #expect(finding.severity == .info)
        #expect(finding.arguments["methods"] == "/bin/creds REDACTED")
        #expect(!finding.evidence.joined().contains("s3cret"))
    }

    @Test func defaultAndOffAreNoFinding() {
        for value in ["", "netrc", "off"] {
            let ids = diagnose(["GOAUTH": value]).findings.map(\.id)
            #expect(!ids.contains { $0.hasPrefix("config.goauth") }, "GOAUTH=\(value): \(ids)")
        }
    }
}
