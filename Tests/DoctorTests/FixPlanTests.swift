import Foundation
import Testing
import GoModConfig
@testable import Doctor

/// The GOENV change `fix` plans: commands read back, minimal edits, redaction, convergence.
struct FixPlanTests {
    static let goMod = "module example.com/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/google/uuid v1.2.0\n\tgit.corp.example.com/team/lib v1.0.0\n)\n"
    static let envPath = "/h/.config/go/env"

    func plan(_ envText: String, environment: [String: String] = [:]) -> FixPlan {
        var environment = environment
        environment["HOME"] = "/h"
        let fileSystem = InMemoryFileSystem(files: ["/p/go.mod": Self.goMod, Self.envPath: envText])
        return FixPlan.converging(environment: environment, directory: "/p", hostOS: .linux, fileSystem: fileSystem, installation: nil)
    }

    @Test func commandsAreReadBack() {
        #expect(FixPlanOperation.parse("go env -w GOPROXY=https://goproxy.cn,direct") == .set(name: "GOPROXY", value: "https://goproxy.cn,direct"))
        #expect(FixPlanOperation.parse("go env -w GOFLAGS='-mod=mod -x'") == .set(name: "GOFLAGS", value: "-mod=mod -x"))
        #expect(FixPlanOperation.parse("go env -w GONOSUMDB='it'\\''s'") == .set(name: "GONOSUMDB", value: "it's"))
        #expect(FixPlanOperation.parse("go env -u GOFLAGS") == .unset(name: "GOFLAGS"))
        #expect(FixPlanOperation.parse("unset GOPROXY") == .environment(name: "GOPROXY", command: "unset GOPROXY"))
        #expect(FixPlanOperation.parse("go mod tidy") == .other(command: "go mod tidy"))
        #expect(FixPlanOperation.parse("go env -w X=$(rm -rf /)") == .other(command: "go env -w X=$(rm -rf /)"))
    }

    @Test func editorReplacesTheEffectiveLineAppendsAndRemovesDuplicates() {
        let text = "# c\nGOPROXY=a\nGOFLAGS=-mod=vendor\nGOPROXY=b\nOTHER=1\nGOFLAGS=-x\n"
        let edited = FixPlanFileEditor.apply([("GOPROXY", "c"), ("GOFLAGS", nil), ("GOPRIVATE", "x.corp")], to: text)
        #expect(edited == "# c\nGOPROXY=a\nGOPROXY=c\nOTHER=1\nGOPRIVATE=x.corp\n")
        #expect(FixPlanFileEditor.apply([("GOPROXY", "direct")], to: "") == "GOPROXY=direct\n")
        #expect(FixPlanFileEditor.apply([("A", "1")], to: "B=2") == "B=2\nA=1\n")
    }

    @Test func unifiedDiffFormat() {
        let old = (1...10).map { "L\($0)=x" }.joined(separator: "\n") + "\n"
        let new = old.replacingOccurrences(of: "L5=x", with: "L5=y")
        #expect(FixPlanDiff.render(old: old, new: new, oldName: "a", newName: "b") == """
        --- a
        +++ b
        @@ -2,7 +2,7 @@
         L2=x
         L3=x
         L4=x
        -L5=x
        +L5=y
         L6=x
         L7=x
         L8=x

        """)
        #expect(FixPlanDiff.render(old: "", new: "A=1\n", oldName: "a", newName: "a") == "--- a\n+++ a\n@@ -0,0 +1 @@\n+A=1\n")
        #expect(FixPlanDiff.render(old: "A=1\n", new: "A=1\n", oldName: "a", newName: "a") == "")
    }

    @Test func secretsAreWrittenButNeverShown() throws {
        let plan = plan("GOPROXY=https://bob:hunter2@goproxy.corp.example.com\n", environment: ["GOPRIVATE": ""])
        let change = try #require(plan.changes.first { $0.variable == "GOPROXY" })
        #expect(change.newValue == "https://bob:hunter2@goproxy.corp.example.com,direct")
        #expect(plan.updated.contains("GOPROXY=https://bob:hunter2@goproxy.corp.example.com,direct\n"))
        #expect(!plan.diff.contains("hunter2"))
        #expect(plan.diff.contains("+GOPROXY=https://REDACTED@goproxy.corp.example.com,direct"))
        // The credentials finding moves the secret to ~/.netrc: a manual step, so none of it is applied.
        #expect(plan.skipped.contains { $0.finding == "config.credentials-in-url" && $0.reason == "manual" })
        #expect(plan.skipped.allSatisfy { !$0.command.contains("hunter2") })
    }

    @Test func recoverSecretRebuildsOnlyKnownElements() {
        let real = "https://u:p@a.example,https://b.example"
        #expect(FixPlan.recoverSecret("https://REDACTED@a.example,https://b.example,direct", from: real, nil)
            == "https://u:p@a.example,https://b.example,direct")
        #expect(FixPlan.recoverSecret("https://REDACTED@c.example", from: real, nil) == nil)
        #expect(FixPlan.recoverSecret("plain", from: real, nil) == "plain")
    }

    @Test func wrongSumDBKeyIsReplacedAndUncoveredPrivateModulesFollow() throws {
        let plan = plan("GOSUMDB=sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9\nGOPROXY=https://goproxy.cn,direct\n")
        #expect(plan.changes.map(\.variable).sorted() == ["GOPRIVATE", "GOSUMDB"])
        #expect(plan.changes.first { $0.variable == "GOSUMDB" }?.newValue == "sum.golang.org")
        #expect(plan.updated == "GOSUMDB=sum.golang.org\nGOPROXY=https://goproxy.cn,direct\nGOPRIVATE=git.corp.example.com\n")
        let second = self.plan(plan.updated)
        #expect(second.changes.isEmpty)
        #expect(second.updated == plan.updated)
    }

    @Test func shadowingEnvironmentVariableIsNamedWithTheLineToRun() throws {
        let plan = plan("", environment: ["GOPROXY": "https://goproxy.io", "GOPRIVATE": "git.corp.example.com"])
        let change = try #require(plan.changes.first { $0.variable == "GOPROXY" })
        #expect(change.shadowedBy == "GOPROXY")
        #expect(change.instead == ["export GOPROXY=https://goproxy.io,direct"])
    }

    @Test func goenvOffRefusesAndOffersEnvironmentCommands() {
        let plan = plan("GOPROXY=off\n", environment: ["GOENV": "off"])
        #expect(plan.refusal == "goenv-off")
        #expect(plan.updated == plan.original)
        #expect(plan.environmentCommands.contains("export GOPRIVATE=git.corp.example.com"))
    }

    @Test func writerIsAtomicKeepsModeAndBackup() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-writer-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("env").path
        try "A=1\n".write(toFile: path, atomically: false, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: 0o600], ofItemAtPath: path)
        let writer = GoEnvFileWriter(now: { Date(timeIntervalSince1970: 1_800_000_000) })
        #expect(throws: ConfigInputError.self) { try writer.write("A=2\n", to: path, expected: "A=0\n") }
        let backup = try #require(try writer.write("A=2\n", to: path, expected: "A=1\n"))
        #expect(backup == path + ".bak-20270115T080000Z")
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "A=2\n")
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == "A=1\n")
        #expect(try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int == 0o600)
        #expect(try writer.write("A=3\n", to: path, expected: "A=2\n") == backup + "-1")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.contains(".tmp-") }
        #expect(leftovers.isEmpty)
    }
}
