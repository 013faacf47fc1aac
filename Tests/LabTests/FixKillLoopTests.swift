import Foundation
import Testing

extension LabSuite {
    // In the serialized lab suite: its tests block a thread while the tool runs, and the
    // cooperative pool (two threads here) must stay free for the loopback probes running beside.
    /// Issue #13 item 9, its acceptance test: `fix --yes` killed with SIGKILL at random points,
    /// 200 times. After every run the GOENV file is exactly the old or the new text, at most the
    /// temporary file of the run just killed is left (the next run removes it), and no backup is
    /// empty, partial, or made by a run that changed nothing.
    @Suite
    struct FixKillLoopTests {
        static let goMod = "module example.com/m\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.7\n"
        static let oldText = "GOPROXY=off\nCGO_ENABLED=0\n"

        struct Machine {
            var root: URL
            var home: URL { root.appendingPathComponent("home") }
            var directory: URL { home.appendingPathComponent(".config/go") }
            var envFile: URL { directory.appendingPathComponent("env") }
            var project: URL { root.appendingPathComponent("project") }
            var environment: [String: String] { ["HOME": home.path, "PATH": "/usr/bin:/bin", "LANG": "C"] }
        }

        /// Puts `text` in place as a new file (a fresh inode, as an editor saving it would).
        func reset(_ machine: Machine, to text: String) throws {
            try text.write(to: machine.envFile, atomically: true, encoding: .utf8)
        }

        func contents(_ machine: Machine) throws -> String {
            try String(contentsOf: machine.envFile, encoding: .utf8)
        }

        func entries(_ machine: Machine, prefix: String) throws -> [URL] {
            try FileManager.default.contentsOfDirectory(at: machine.directory, includingPropertiesForKeys: nil)
                .filter { $0.lastPathComponent.hasPrefix(prefix) }
        }

        /// Starts `fix --yes`, kills it with SIGKILL after `delay` microseconds (it may finish first).
        func runKilled(_ machine: Machine, after delay: UInt32) throws {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: try #require(EnvCommandEndToEndTests.binary, "gomod-doctor is not built"))
            process.arguments = ["fix", machine.project.path, "--yes"]
            process.environment = machine.environment
            process.standardOutput = FileHandle.nullDevice
            process.standardError = FileHandle.nullDevice
            try process.run()
            usleep(delay)
            kill(process.processIdentifier, SIGKILL)
            process.waitUntilExit()
        }

        @Test func sigkillLoopLeavesOldOrNewAndNoLeftovers() throws {
            let machine = Machine(root: FileManager.default.temporaryDirectory.appendingPathComponent("gd-kill-\(UUID().uuidString)"))
            defer { try? FileManager.default.removeItem(at: machine.root) }
            try FileManager.default.createDirectory(at: machine.directory, withIntermediateDirectories: true)
            try FileManager.default.createDirectory(at: machine.project, withIntermediateDirectories: true)
            try Self.goMod.write(to: machine.project.appendingPathComponent("go.mod"), atomically: true, encoding: .utf8)

            // The new text is whatever one complete run writes.
            try reset(machine, to: Self.oldText)
            let first = try DoctorProcess.run(["fix", "--yes"], environment: machine.environment, in: machine.project)
            #expect(first.status == 0, "\(first.stderr)")
            let newText = try contents(machine)
            try #require(newText != Self.oldText, "fix proposed no change")
            for backup in try entries(machine, prefix: "env.bak-") { try FileManager.default.removeItem(at: backup) }
            try reset(machine, to: Self.oldText)

            let started = Date()
            var completed = 0
            var endedWithTemporary = 0
            for iteration in 0..<200 {
                if try contents(machine) == newText { try reset(machine, to: Self.oldText) }
                try runKilled(machine, after: UInt32.random(in: 0...30_000))
                let text = try contents(machine)
                #expect(text == Self.oldText || text == newText, "iteration \(iteration): the file is neither old nor new: \(text.debugDescription)")
                if text == newText { completed += 1 }
                let temporaries = try entries(machine, prefix: ".env.tmp-")
                #expect(temporaries.count <= 1, "iteration \(iteration): temporary files accumulate: \(temporaries.map(\.lastPathComponent))")
                if !temporaries.isEmpty { endedWithTemporary += 1 }
                let backups = try entries(machine, prefix: "env.bak-")
                for backup in backups {
                    #expect(try String(contentsOf: backup, encoding: .utf8) == Self.oldText,
                            "iteration \(iteration): \(backup.lastPathComponent) is empty or partial")
                }
                // One backup per completed change, plus at most the one a run killed just before
                // its rename left (still the live file; the next run removes it).
                #expect(backups.count <= completed + 1, "iteration \(iteration): \(backups.count) backups for \(completed) changes")
            }
            // One last complete run cleans whatever the last killed run left.
            if try contents(machine) == newText { try reset(machine, to: Self.oldText) }
            let last = try DoctorProcess.run(["fix", "--yes"], environment: machine.environment, in: machine.project)
            #expect(last.status == 0, "\(last.stderr)")
            completed += 1
            #expect(try contents(machine) == newText)
            #expect(try entries(machine, prefix: ".env.tmp-").isEmpty)
            #expect(try entries(machine, prefix: "env.bak-").count == completed)
            // The fsync of the temporary file makes the write window several milliseconds wide:
            // a loop in which no kill landed there would have tested nothing.
            #expect(endedWithTemporary > 0, "no run was killed while writing")
            let seconds = Date().timeIntervalSince(started)
            #expect(seconds < 60)
            print("kill loop: 200 runs in \(Int(seconds)) s, \(completed) completed changes, \(endedWithTemporary) ended with one temporary file present")
        }
    }
}
