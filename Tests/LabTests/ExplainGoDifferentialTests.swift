import Foundation
import Testing

/// `explain` fed the real error texts of every installed go release (Debian 1.19, and 1.21, 1.24,
/// 1.27 from scripts/install-go-toolchains), produced
/// without leaving the machine: a refused loopback port, GOPROXY=off, broken GOPROXY lists,
/// a `file://` proxy without the module. Skipped when no go command is installed.
struct ExplainGoDifferentialTests {
    static var goExecutable: String? {
        ["/usr/bin/go", "/usr/local/go/bin/go", "/usr/lib/go/bin/go"].first { FileManager.default.isExecutableFile(atPath: $0) }
    }

    struct Scenario: Sendable, CustomTestStringConvertible {
        var goproxy: String
        var layer: String
        var failureClass: String
        var cause: String
        var testDescription: String { "GOPROXY=\(goproxy)" }
    }

    static let scenarios = [
        Scenario(goproxy: "http://127.0.0.1:9", layer: "tcp", failureClass: "refused", cause: "tcp-refused"),
        Scenario(goproxy: "off", layer: "config", failureClass: "not-found", cause: "goproxy-off"),
        Scenario(goproxy: "foo", layer: "config", failureClass: "invalid-config", cause: "goproxy-invalid"),
        Scenario(goproxy: ",", layer: "config", failureClass: "invalid-config", cause: "goproxy-invalid"),
        Scenario(goproxy: "file:///nonexistent-gomod-doctor-proxy", layer: "http", failureClass: "not-found", cause: "proxy-not-found"),
    ]

    func run(_ executable: String, _ arguments: [String], environment: [String: String], in directory: URL,
             stdin: Data? = nil) throws -> (stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let output = Pipe(), errors = Pipe(), input = Pipe()
        process.standardOutput = output
        process.standardError = errors
        process.standardInput = input
        try process.run()
        if let stdin { input.fileHandleForWriting.write(stdin) }
        try input.fileHandleForWriting.close()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (String(decoding: out, as: UTF8.self), String(decoding: err, as: UTF8.self))
    }

    static let releases = GoToolchain.installed.map(\.version)

    @Test(.enabled(if: goExecutable != nil || !releases.isEmpty), arguments: releases, scenarios)
    func explainsTheGoCommandsOwnText(release version: String, _ scenario: Scenario) throws {
        let release = try #require(GoToolchain.installed.first { $0.version == version })
        let go = release.executable
        let binary = try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built")
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("gd-explain-go-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
        defer {
            _ = try? run(go, ["clean", "-modcache"], environment: ["HOME": root.path, "GOPATH": root.appendingPathComponent("gp").path,
                                                                   "PATH": "/usr/bin:/bin", "GOROOT": release.root], in: root)
            try? FileManager.default.removeItem(at: root)
        }
        try "module example.com/app\n\ngo 1.19\n\nrequire github.com/google/uuid v1.2.0\n"
            .write(to: root.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        let environment = ["HOME": root.path, "GOPATH": root.appendingPathComponent("gp").path, "PATH": "/usr/bin:/bin", "GOROOT": release.root,
                           "GOPROXY": scenario.goproxy, "GOSUMDB": "off", "GOFLAGS": "-mod=mod", "GOTOOLCHAIN": "local", "LANG": "C"]
        let goError = try run(go, ["mod", "download"], environment: environment, in: root).stderr
        #expect(goError.hasPrefix("go: github.com/google/uuid@v1.2.0: "), "go\(version): \(goError)")

        let explained = try run(binary, ["explain", "--json"], environment: ["PATH": "/usr/bin:/bin", "LANG": "C"], in: root,
                                stdin: Data(goError.utf8)).stdout
        let document = try #require(try JSONSerialization.jsonObject(with: Data(explained.utf8)) as? [String: Any])
        let errors = try #require(document["errors"] as? [[String: Any]])
        #expect(errors.count == 1)
        #expect(errors.first?["layer"] as? String == scenario.layer)
        #expect(errors.first?["class"] as? String == scenario.failureClass)
        #expect(errors.first?["cause"] as? String == scenario.cause)
        #expect(errors.first?["module"] as? String == "github.com/google/uuid")
        #expect(errors.first?["version"] as? String == "v1.2.0")
    }
}
