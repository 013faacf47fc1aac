import Foundation
import Testing
@testable import GoModConfig

/// Issue #13 item 9: what a killed `fix --yes` leaves behind is removed by the next write,
/// and a backup is made only of a file that exists, is not empty and really changes.
struct GoEnvFileWriterLeftoverTests {
    func temporaryDirectory() throws -> String {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-leftover-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory.path
    }

    func names(_ directory: String) throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory).sorted()
    }

    /// The PID of a process that has exited.
    func deadPID() throws -> Int32 {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/true")
        try process.run()
        process.waitUntilExit()
        return process.processIdentifier
    }

    @Test func staleTemporaryFilesOfDeadRunsAreRemoved() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/env"
        try "A=1\n".write(toFile: path, atomically: false, encoding: .utf8)
        let dead = directory + "/.env.tmp-\(try deadPID())-12345"
        let alive = directory + "/.env.tmp-1-999"   // PID 1 runs, and the file is fresh
        let foreign = directory + "/.env.tmp-notes"  // not the writer's naming: never touched
        for file in [dead, alive, foreign] { try "X=1\n".write(toFile: file, atomically: false, encoding: .utf8) }
        try GoEnvFileWriter().write("A=2\n", to: path, expected: "A=1\n")
        let left = try names(directory)
        #expect(!left.contains((dead as NSString).lastPathComponent))
        #expect(left.contains(".env.tmp-1-999"))
        #expect(left.contains(".env.tmp-notes"))
        // Older than staleAge: removed even though PID 1 runs (PID reuse).
        let later = GoEnvFileWriter(now: { Date().addingTimeInterval(3600) })
        try later.write("A=3\n", to: path, expected: "A=2\n")
        #expect(try !names(directory).contains(".env.tmp-1-999"))
    }

    @Test func aBackupStillLinkedToTheLiveFileIsALeftover() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/env"
        try "A=1\n".write(toFile: path, atomically: false, encoding: .utf8)
        // What a run killed between the backup link and the rename leaves.
        #expect(link(path, path + ".bak-20260101T000000Z") == 0)
        let backup = try #require(try GoEnvFileWriter().write("A=2\n", to: path, expected: "A=1\n"))
        #expect(try names(directory) == ["env", (backup as NSString).lastPathComponent])
        #expect(try String(contentsOfFile: backup, encoding: .utf8) == "A=1\n")
    }

    @Test func noBackupForAnEmptyOrUnchangedFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/env"
        try "".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(try GoEnvFileWriter().write("A=1\n", to: path, expected: "") == nil)
        #expect(try GoEnvFileWriter().write("A=1\n", to: path, expected: "A=1\n") == nil)
        #expect(try names(directory) == ["env"])
        #expect(try String(contentsOfFile: path, encoding: .utf8) == "A=1\n")
    }

    @Test func aFileLargerThanPlannedIsChangedAndNotReadWhole() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(atPath: directory) }
        let path = directory + "/env"
        FileManager.default.createFile(atPath: path, contents: Data("A=1\n".utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: 1 << 30)   // sparse 1 GiB
        try handle.close()
        #expect(throws: ConfigInputError.self) { try GoEnvFileWriter().write("A=2\n", to: path, expected: "A=1\n") }
        #expect(try names(directory) == ["env"])
    }
}
