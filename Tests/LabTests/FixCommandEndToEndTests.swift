import Foundation
import Testing

/// `gomod-doctor fix`, `diff` and `explain` run as a user runs them: the built binary with
/// HOME pointing at a temporary directory holding a real GOENV file.
struct FixCommandEndToEndTests {
    static let goMod = """
    module example.com/app

    go 1.19

    require (
    \tgithub.com/google/uuid v1.2.0
    \tgit.corp.example.com/team/lib v1.0.0
    )

    """
    /// A comment, a credential in a proxy URL, a blog post's wrong sumdb key, -mod=vendor
    /// without vendor/, an unrelated setting that must survive untouched.
    static let envFile = """
    # written by hand
    GOPROXY=https://alice:tok3n@goproxy.corp.example.com
    GOSUMDB=sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9
    GOFLAGS=-mod=vendor
    CGO_ENABLED=0

    """

    struct Machine {
        var root: URL
        var home: URL { root.appendingPathComponent("home") }
        var envFile: URL { home.appendingPathComponent(".config/go/env") }
        var project: URL { root.appendingPathComponent("project") }
        var environment: [String: String] { ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C"] }
    }

    func makeMachine(envText: String = envFile, mode: Int = 0o640) throws -> Machine {
        let machine = Machine(root: FileManager.default.temporaryDirectory.appendingPathComponent("gd-fix-\(UUID().uuidString)"))
        try FileManager.default.createDirectory(at: machine.envFile.deletingLastPathComponent(), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: machine.project, withIntermediateDirectories: true)
        try Self.goMod.write(to: machine.project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        try envText.write(to: machine.envFile, atomically: true, encoding: .utf8)
        try FileManager.default.setAttributes([.posixPermissions: mode], ofItemAtPath: machine.envFile.path)
        return machine
    }

    func run(_ arguments: [String], _ environment: [String: String], in directory: URL, stdin: String? = nil) throws -> (status: Int32, stdout: String) {
        let output = try DoctorProcess.run(arguments, environment: environment, in: directory, stdin: stdin)
        return (output.status, output.stdout)
    }

    func json(_ text: String) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
    }

    func backups(_ machine: Machine) throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: machine.envFile.deletingLastPathComponent(), includingPropertiesForKeys: nil)
            .filter { $0.lastPathComponent.hasPrefix("env.bak-") }
    }

    @Test func withoutYesTheFileIsUntouchedAndTheDiffIsRedacted() throws {
        let machine = try makeMachine()
        defer { try? FileManager.default.removeItem(at: machine.root) }
        let result = try run(["fix", "--json"], machine.environment, in: machine.project)
        #expect(result.status == 1)
        #expect(!result.stdout.contains("tok3n"), "a credential leaked")
        let document = try json(result.stdout)
        #expect(document["applied"] as? Bool == false)
        let diff = try #require(document["diff"] as? String)
        #expect(diff.contains("-GOSUMDB=sum.golang.org+033de0ae"))
        #expect(diff.contains("+GOSUMDB=sum.golang.org\n"))
        #expect(diff.contains("-GOFLAGS=-mod=vendor"))
        #expect(diff.contains("+GOPROXY=https://REDACTED@goproxy.corp.example.com,direct"))
        #expect(diff.contains("+GOPRIVATE=git.corp.example.com"))
        #expect(try String(contentsOf: machine.envFile, encoding: .utf8) == Self.envFile)
        #expect(try backups(machine).isEmpty)
    }

    @Test func yesChangesExactlyTheProposedLinesAndKeepsABackup() throws {
        let machine = try makeMachine()
        defer { try? FileManager.default.removeItem(at: machine.root) }
        let proposed = try json(try run(["fix", "--json"], machine.environment, in: machine.project).stdout)
        let changes = try #require(proposed["changes"] as? [[String: Any]])
        let changed = Set(changes.compactMap { $0["variable"] as? String })
        #expect(changed == ["GOPROXY", "GOSUMDB", "GOFLAGS", "GOPRIVATE"])

        let applied = try run(["fix", "--yes", "--json"], machine.environment, in: machine.project)
        #expect(applied.status == 0)
        let document = try json(applied.stdout)
        #expect(document["applied"] as? Bool == true)
        #expect(document["diff"] as? String == proposed["diff"] as? String)

        let after = try String(contentsOf: machine.envFile, encoding: .utf8)
        #expect(after == """
        # written by hand
        GOPROXY=https://alice:tok3n@goproxy.corp.example.com,direct
        GOSUMDB=sum.golang.org
        CGO_ENABLED=0
        GOPRIVATE=git.corp.example.com

        """)
        let backup = try #require(try backups(machine).first)
        #expect(backup.path == document["backup"] as? String)
        #expect(try String(contentsOf: backup, encoding: .utf8) == Self.envFile)
        let mode = try FileManager.default.attributesOfItem(atPath: machine.envFile.path)[.posixPermissions] as? Int
        #expect(mode == 0o640)

        let again = try json(try run(["fix", "--json"], machine.environment, in: machine.project).stdout)
        #expect((again["changes"] as? [Any])?.isEmpty == true)
        #expect(again["diff"] as? String == "")
    }

    @Test func anEnvironmentVariableShadowingTheFileIsReported() throws {
        let machine = try makeMachine(envText: "GOPROXY=https://goproxy.cn\n")
        defer { try? FileManager.default.removeItem(at: machine.root) }
        var environment = machine.environment
        environment["GOPROXY"] = "https://goproxy.io"
        let document = try json(try run(["fix", "--json"], environment, in: machine.project).stdout)
        let changes = try #require(document["changes"] as? [[String: Any]])
        let goproxy = try #require(changes.first { $0["variable"] as? String == "GOPROXY" })
        #expect(goproxy["shadowedBy"] as? String == "GOPROXY")
        #expect(goproxy["instead"] as? [String] == ["export GOPROXY=https://goproxy.io,direct"])
        let text = try run(["fix"], environment, in: machine.project).stdout
        #expect(text.contains("overrides the GOENV file"))
    }

    @Test func goenvOffIsRefused() throws {
        let machine = try makeMachine()
        defer { try? FileManager.default.removeItem(at: machine.root) }
        var environment = machine.environment
        environment["GOENV"] = "off"
        let result = try run(["fix", "--yes", "--json"], environment, in: machine.project)
        #expect(result.status == 2)
        let document = try json(result.stdout)
        #expect(document["refusal"] as? String == "goenv-off")
        #expect(document["applied"] as? Bool == false)
        #expect((document["environmentCommands"] as? [String])?.contains("export GOPRIVATE=git.corp.example.com") == true)
        #expect(try String(contentsOf: machine.envFile, encoding: .utf8) == Self.envFile)
        #expect(try backups(machine).isEmpty)
    }

    @Test func diffComparesTwoRealEnvSnapshots() throws {
        let machine = try makeMachine(envText: "GOPROXY=https://goproxy.cn,direct\n")
        defer { try? FileManager.default.removeItem(at: machine.root) }
        let developer = try run(["env", "--json", "--no-go-env"], machine.environment, in: machine.project).stdout
        var ciEnvironment = machine.environment
        ciEnvironment["GOPRIVATE"] = "git.corp.example.com"
        ciEnvironment["GOFLAGS"] = "-mod=mod"
        let ci = try run(["env", "--json", "--no-go-env"], ciEnvironment, in: machine.project).stdout
        let a = machine.root.appendingPathComponent("dev.json"), b = machine.root.appendingPathComponent("ci.json")
        try developer.write(to: a, atomically: true, encoding: .utf8)
        try ci.write(to: b, atomically: true, encoding: .utf8)

        let result = try run(["diff", a.path, b.path, "--json"], machine.environment, in: machine.root)
        #expect(result.status == 1)
        let diff = try #require(try json(result.stdout)["diff"] as? [String: Any])
        let names = (diff["variables"] as? [[String: Any]])?.compactMap { $0["name"] as? String } ?? []
        #expect(Set(names) == ["GOPRIVATE", "GONOPROXY", "GONOSUMDB", "GOFLAGS"])
        let routes = (diff["routes"] as? [[String: Any]])?.compactMap { $0["module"] as? String } ?? []
        #expect(routes == ["git.corp.example.com/team/lib"])
        let onlyDeveloper = (diff["findingsOnlyLeft"] as? [[String: Any]])?.compactMap { $0["id"] as? String } ?? []
        #expect(onlyDeveloper.contains("config.private-module.not-in-goprivate"))

        let same = try run(["diff", a.path, a.path], machine.environment, in: machine.root)
        #expect(same.status == 0)
        #expect(same.stdout.contains("No configuration drift"))
    }

    @Test func explainReadsStandardInput() throws {
        let machine = try makeMachine()
        defer { try? FileManager.default.removeItem(at: machine.root) }
        let input = "go: github.com/kr/text@v0.2.0/go.mod: verifying module: github.com/kr/text@v0.2.0/go.mod: Get \"https://sum.golang.org/lookup/github.com/kr/text@v0.2.0\": dial tcp 172.217.160.81:443: i/o timeout\n"
        let result = try run(["explain", "--json"], machine.environment, in: machine.root, stdin: input)
        #expect(result.status == 0)
        let errors = try #require(try json(result.stdout)["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["layer"] as? String == "tcp")
        #expect(errors.first?["class"] as? String == "timeout")
        #expect(errors.first?["stage"] as? String == "sumdb")
        let chinese = try run(["explain", "--lang", "zh", input], machine.environment, in: machine.root).stdout
        #expect(chinese.contains("超时"))
    }
}
