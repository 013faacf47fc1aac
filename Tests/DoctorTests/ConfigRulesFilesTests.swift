import Foundation
import Testing
import GoModConfig
@testable import Doctor
@testable import Report

/// Issue #13 item 7: a go.mod, go.sum or GOENV file that was not read is a failure finding
/// naming the file, its size and the limit; fix never rewrites a GOENV file it did not read.
struct ConfigRulesFilesTests {
    static let goMod = "module example.com/m\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.7\n"

    func machine(goSumBytes: Int? = nil, goEnvPrefix: String? = nil, goEnvBytes: Int = 0) -> InMemoryFileSystem {
        var fileSystem = InMemoryFileSystem(files: ["/p/go.mod": Self.goMod])
        if let goSumBytes { fileSystem.files["/p/go.sum"] = Data(count: goSumBytes) }
        if let goEnvPrefix {
            var data = Data(goEnvPrefix.utf8)
            data.append(Data(count: goEnvBytes))
            fileSystem.files["/h/.config/go/env"] = data
        }
        return fileSystem
    }

    func diagnose(_ fileSystem: InMemoryFileSystem) -> ConfigDiagnosis {
        ConfigDiagnosis.run(environment: ["HOME": "/h"], directory: "/p", hostOS: .linux, fileSystem: fileSystem, installation: nil)
    }

    @Test func tooLargeGoSumAndGoEnvAreFailuresNamingFileSizeAndLimit() throws {
        let diagnosis = diagnose(machine(goSumBytes: ConfigFileLimits.goSum + 1, goEnvPrefix: "GOPROXY=off\n", goEnvBytes: ConfigFileLimits.goEnv))
        let findings = diagnosis.findings.filter { $0.id == "config.file.too-large" }
        #expect(findings.count == 2, "\(diagnosis.findings.map(\.id))")
        let sum = try #require(findings.first { $0.target == "/p/go.sum" })
        #expect(sum.severity == .failure)
        #expect(sum.arguments["size"] == String(ConfigFileLimits.goSum + 1))
        #expect(sum.arguments["limit"] == String(ConfigFileLimits.goSum))
        let env = try #require(findings.first { $0.target == "/h/.config/go/env" })
        #expect(env.arguments["file"] == "GOENV")
        let text = MessageCatalog(language: .en).text(env.id, env.arguments)
        #expect(text.contains("/h/.config/go/env") && text.contains(String(ConfigFileLimits.goEnv)), "\(text)")
        #expect(MessageCatalog(language: .zh).text(env.id, env.arguments) != env.id)
    }

    @Test func filesWithinTheLimitsGiveNoFinding() {
        let diagnosis = diagnose(machine(goSumBytes: 0, goEnvPrefix: "GOPROXY=off\n"))
        #expect(!diagnosis.findings.contains { $0.id.hasPrefix("config.file.") })
        #expect(diagnosis.findings.contains { $0.id == "config.goproxy.off" })
    }

    @Test func fixRefusesToRewriteAGoEnvFileItDidNotRead() {
        let plan = FixPlan.converging(environment: ["HOME": "/h"], directory: "/p", hostOS: .linux,
                                      fileSystem: machine(goEnvPrefix: "GOPROXY=off\n", goEnvBytes: ConfigFileLimits.goEnv),
                                      installation: nil)
        #expect(plan.refusal == "goenv-unreadable")
        #expect(MessageCatalog.has("fixplan.refused.goenv-unreadable"))
    }
}
