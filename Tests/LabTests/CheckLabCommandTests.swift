import Foundation
import Testing

/// `gomod-doctor check` run as a user would, where no network is needed: usage errors exit 3
/// with nothing on stdout; GOPROXY=off gives exit 2, valid JSON, and the configuration as the
/// root cause of every blocked module.
struct CheckLabCommandTests {
    func project() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-check-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try "module lab.example/app\n\ngo 1.19\n\nrequire (\n\tgithub.com/lab/a v1.0.0\n\tgithub.com/lab/b v1.0.0\n)\n"
            .write(to: directory.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
        return directory
    }

    func environment(_ home: URL) -> [String: String] {
        ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C", "GOENV": "off", "GOTOOLCHAIN": "local", "GOPROXY": "off", "GOSUMDB": "off"]
    }

    @Test(arguments: [["--timeout", "x"], ["--timeout", "0"], ["--lang", "fr"], ["/nonexistent-dir-for-check"]])
    func usageErrorsExitThree(_ arguments: [String]) throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try EnvCommandEndToEndTests().run(["check", "--json"] + arguments, environment: environment(directory), in: directory)
        #expect(result.status == 3, "\(arguments)")
        #expect(result.stdout.isEmpty)
    }

    @Test func goproxyOffIsTheRootCauseOfEveryModule() throws {
        let directory = try project()
        defer { try? FileManager.default.removeItem(at: directory) }
        let result = try EnvCommandEndToEndTests().run(["check", "--json", "--timeout", "3"], environment: environment(directory), in: directory)
        #expect(result.status == 2)
        let document = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(document["schemaVersion"] as? Int == 1 && document["exitCode"] as? Int == 2)
        let top = try #require((document["rootCauses"] as? [[String: Any]])?.first)
        #expect((top["finding"] as? [String: Any])?["id"] as? String == "config.goproxy.off")
        #expect(top["blockedModules"] as? [String] == ["github.com/lab/a@v1.0.0", "github.com/lab/b@v1.0.0"])
    }
}
