import Foundation
import Testing

/// `gomod-doctor env --json` run as a user would run it, on the sample project in
/// Tests/Fixtures/sample-project (public, private, replaced-by-module and
/// replaced-by-directory requirements).
struct EnvCommandEndToEndTests {
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built executable: beside the test bundle, or GOMOD_DOCTOR_BIN.
    static var binary: String? {
        if let explicit = ProcessInfo.processInfo.environment["GOMOD_DOCTOR_BIN"] { return explicit }
        let candidates = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent().appendingPathComponent("gomod-doctor").path,
            packageRoot.appendingPathComponent(".build/debug/gomod-doctor").path,
        ]
        return candidates.first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    func run(_ arguments: [String], environment: [String: String], in directory: URL) throws -> (status: Int32, stdout: String) {
        let output = try DoctorProcess.run(arguments, environment: environment, in: directory)
        return (output.status, output.stdout)
    }

    func object(_ value: Any?) -> [String: Any] { value as? [String: Any] ?? [:] }

    @Test func envJSONShowsTheRouteOfEachRequirement() throws {
        let home = FileManager.default.temporaryDirectory.appendingPathComponent("gd-e2e-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: home.appendingPathComponent(".config/go"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: home) }
        try "GOPROXY=https://goproxy.cn,direct\n".write(to: home.appendingPathComponent(".config/go/env"), atomically: true, encoding: .utf8)
        let environment = ["HOME": home.path, "PATH": "/usr/bin:/bin", "GOPRIVATE": "git.corp.example.com",
                           "HTTPS_PROXY": "http://agent:pa55word@proxy.corp.example.com:3128", "LANG": "C"]
        let project = Self.packageRoot.appendingPathComponent("Tests/Fixtures/sample-project")

        let result = try run(["env", "--json", "--no-go-env"], environment: environment, in: project)
        #expect(result.status == 0)
        #expect(!result.stdout.contains("pa55word"), "a secret leaked into JSON")
        let document = object(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)))
        #expect(document["schemaVersion"] as? Int == 1)
        let variables = (document["variables"] as? [[String: Any]]) ?? []
        let goproxy = variables.first { $0["name"] as? String == "GOPROXY" }
        #expect(goproxy?["value"] as? String == "https://goproxy.cn,direct")
        #expect(goproxy?["source"] as? String == "goenv-file")

        let modules = (object(document["routes"])["modules"] as? [[String: Any]]) ?? []
        func route(_ path: String) -> [String: Any]? {
            modules.first { $0["path"] as? String == path || $0["requiredPath"] as? String == path }
        }
        func kinds(_ route: [String: Any]?) -> [String] {
            ((route?["sources"] as? [[String: Any]]) ?? []).compactMap { "\($0["kind"] ?? "")/\($0["action"] ?? "")" }
        }
        // Public: noproxy answers "not found", then the mirror, then direct.
        let uuid = route("github.com/google/uuid")
        #expect(kinds(uuid) == ["noproxy/skip", "proxy/fetch-from-proxy", "direct/fetch-direct"])
        #expect(object(uuid?["checksum"])["database"] as? String == "sum.golang.org")
        #expect(object(uuid?["checksum"])["goSumHasEntry"] as? Bool == true)
        // Private, matched by GOPRIVATE: direct through noproxy, the mirror disabled, no sumdb.
        let auth = route("git.corp.example.com/platform/auth")
        #expect(kinds(auth) == ["noproxy/fetch-direct", "proxy/skip", "direct/fetch-direct"])
        #expect(auth?["matchesGOPRIVATE"] as? Bool == true)
        #expect(object(auth?["checksum"])["skippedBecause"] as? String == "matched by GONOSUMDB")
        // Private-looking, not matched: sent to the public mirror — and a failure finding says so.
        let tools = route("corp/internal-tools")
        #expect(kinds(tools) == ["noproxy/skip", "proxy/fetch-from-proxy", "direct/fetch-direct"])
        // Replaced by another module: the replacement is fetched.
        let fork = route("github.com/old/forked")
        #expect(fork?["path"] as? String == "github.com/ourfork/forked")
        #expect(fork?["version"] as? String == "v1.0.1")
        // Replaced by a directory: nothing is downloaded.
        let local = route("example.com/localdep")
        #expect(local?["disposition"] as? String == "local-directory")
        #expect(kinds(local).isEmpty)

        let findings = (document["findings"] as? [[String: Any]]) ?? []
        let unrouted = findings.first { $0["id"] as? String == "config.private-module.not-in-goprivate" }
        #expect(unrouted?["target"] as? String == "corp")
        #expect((object(unrouted?["fix"])["commands"] as? [String])?.last == "export GOPRIVATE=git.corp.example.com,corp"
                || (object(unrouted?["fix"])["commands"] as? [String])?.contains("go env -w GOPRIVATE=git.corp.example.com,corp") == true)
        #expect(findings.contains { $0["id"] as? String == "config.credentials-in-url" })
    }

    @Test func textOutputIsChineseWhenAsked() throws {
        let project = Self.packageRoot.appendingPathComponent("Tests/Fixtures/sample-project")
        let result = try run(["env", "--lang", "zh", "--no-go-env"], environment: ["HOME": "/nonexistent", "PATH": "/usr/bin:/bin"], in: project)
        #expect(result.status == 0)
        #expect(result.stdout.contains("Go 模块配置"))
        #expect(result.stdout.contains("疑似私有模块"))
    }

    @Test func badLanguageIsAUsageError() throws {
        let result = try run(["env", "--lang", "fr"], environment: ["PATH": "/usr/bin:/bin"], in: Self.packageRoot)
        #expect(result.status != 0)
    }
}
