import Foundation
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue #13 item 7 as a user meets it: the built binary, a real (sparse) 65 MiB go.sum and
    /// a 65 MiB GOENV file that starts with `GOPROXY=off`. Too large is a failure naming the
    /// file, its size and the limit — never "(does not exist)" or "missing go.sum entry".
    @Suite
    struct ConfigFileSizeEndToEndTests {
        static let goMod = "module example.com/m\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.7\n"
        static let size: UInt64 = 65 << 20

        struct Machine {
            var root: URL
            var home: URL { root.appendingPathComponent("home") }
            var envFile: URL { home.appendingPathComponent(".config/go/env") }
            var project: URL { root.appendingPathComponent("project") }
            var goSum: URL { project.appendingPathComponent("go.sum") }
        }

        func makeMachine(largeGoSum: Bool, largeGoEnv: Bool) throws -> Machine {
            let machine = Machine(root: FileManager.default.temporaryDirectory.appendingPathComponent("gd-size-\(UUID().uuidString)"))
            try FileManager.default.createDirectory(at: machine.envFile.deletingLastPathComponent(), withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: machine.project, withIntermediateDirectories: true)
            try Self.goMod.write(to: machine.project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)
            try "GOPROXY=off\n".write(to: machine.envFile, atomically: true, encoding: .utf8)
            if largeGoEnv { try grow(machine.envFile) }
            if largeGoSum {
                FileManager.default.createFile(atPath: machine.goSum.path, contents: nil)
                try grow(machine.goSum)
            }
            return machine
        }

        /// Extends the file to 65 MiB without writing its contents (a sparse file, as `truncate -s 65M`).
        func grow(_ url: URL) throws {
            let handle = try FileHandle(forWritingTo: url)
            try handle.truncate(atOffset: Self.size)
            try handle.close()
        }

        func json(_ text: String) throws -> [String: Any] {
            try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any], "not JSON: \(text.prefix(300))")
        }

        func tooLarge(_ document: [String: Any]) -> [[String: String]] {
            ((document["findings"] as? [[String: Any]]) ?? []).filter { $0["id"] as? String == "config.file.too-large" }
                .compactMap { $0["arguments"] as? [String: String] }
        }

        @Test func envNamesTheTooLargeGoEnvFileAndGoSum() throws {
            let machine = try makeMachine(largeGoSum: true, largeGoEnv: true)
            defer { try? FileManager.default.removeItem(at: machine.root) }
            let environment = ["HOME": machine.home.path, "PATH": "/usr/bin:/bin", "LANG": "C"]
            let output = try DoctorProcess.run(["env", "--json", "--no-go-env"], environment: environment, in: machine.project)
            let document = try json(output.stdout)
            let findings = tooLarge(document)
            let goEnv = try #require(findings.first { $0["path"] == machine.envFile.path }, "GOENV file silently ignored: \(output.stdout.prefix(600))")
            #expect(goEnv["size"] == String(Self.size))
            #expect(goEnv["limit"] == String(64 << 20))
            #expect(findings.contains { $0["path"] == machine.goSum.path })
            let envFile = try #require(document["envFile"] as? [String: Any])
            #expect(envFile["exists"] as? Bool == true, "a file too large to read does exist")

            let text = try DoctorProcess.run(["env", "--no-go-env"], environment: environment, in: machine.project)
            #expect(!text.stdout.contains("does not exist"))
            #expect(text.stdout.contains("config.file.too-large"))
            #expect(text.stdout.contains(machine.envFile.path + " is \(Self.size) bytes"))
        }

        @Test func verifyReportsNoMissingEntriesForAGoSumItDidNotRead() throws {
            let machine = try makeMachine(largeGoSum: true, largeGoEnv: false)
            defer { try? FileManager.default.removeItem(at: machine.root) }
            // GOSUMDB=off and GOPROXY=off: nothing is looked up, only go.sum is judged.
            let environment = ["HOME": machine.home.path, "PATH": "/usr/bin:/bin", "LANG": "C", "GOSUMDB": "off", "GOPROXY": "off",
                               "GOMOD_DOCTOR_STATE_DIR": machine.root.appendingPathComponent("state").path]
            let output = try DoctorProcess.run(["verify", "--json"], environment: environment, in: machine.project)
            let document = try json(output.stdout)
            let ids = ((document["findings"] as? [[String: Any]]) ?? []).compactMap { $0["id"] as? String }
            #expect(!ids.contains("verify.gosum.missing"), "a go.sum that was not read has no missing lines: \(ids)")
            #expect(ids.contains("verify.gosum.unreadable"))
            #expect(output.status != 0)

            let check = try DoctorProcess.run(["check", "--only", "config", "--json"], environment: environment, in: machine.project)
            #expect(tooLarge(try json(check.stdout)).contains { $0["path"] == machine.goSum.path && $0["limit"] == String(64 << 20) })
        }
    }
}
