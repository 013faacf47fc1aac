import Foundation
import Testing
@testable import GoModConfig

/// Issue #13 item 7: a configuration file over gomod-doctor's limit is "too large", with the
/// path, size and limit — never "absent" (which gave a false "missing go.sum entry" and an
/// ignored `GOPROXY=off`).
struct ConfigFileReadingTests {
    static let goMod = "module example.com/m\n\ngo 1.19\n\nrequire golang.org/x/text v0.3.7\n"

    func temporaryDirectory() throws -> URL {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("gd-read-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        return directory
    }

    /// A sparse file of `size` bytes: no disk or memory spent on its contents.
    func sparseFile(_ path: String, size: UInt64, prefix: String = "") throws {
        FileManager.default.createFile(atPath: path, contents: Data(prefix.utf8))
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.truncate(atOffset: size)
        try handle.close()
    }

    @Test func localFileSystemReportsSizeAndLimitOfASparseFile() throws {
        let directory = try temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let path = directory.appendingPathComponent("go.sum").path
        try sparseFile(path, size: 65 << 20)
        #expect(LocalFileSystem().read(path, limit: ConfigFileLimits.goSum) == .tooLarge(size: 65 << 20, limit: 64 << 20))
        #expect(LocalFileSystem().read(directory.appendingPathComponent("nothing").path, limit: 10) == .absent)
        #expect(LocalFileSystem().read(directory.path, limit: 10) == .absent, "a directory is not a file (modload findModuleRoot)")
        try "A=1\n".write(toFile: path, atomically: false, encoding: .utf8)
        #expect(LocalFileSystem().read(path, limit: 4) == .contents(Data("A=1\n".utf8)))
        #expect(LocalFileSystem().read(path, limit: 3) == .tooLarge(size: 4, limit: 3))
    }

    @Test func aFileWithoutASizeIsReadOnlyUpToTheLimit() {
        // /dev/zero reports size 0 and never ends: the read must stop at limit + 1 bytes.
        #expect(LocalFileSystem().read("/dev/zero", limit: 1 << 20) == .tooLarge(size: (1 << 20) + 1, limit: 1 << 20))
    }

    @Test func tooLargeGoSumIsAProblemNotAMissingFile() {
        var fileSystem = InMemoryFileSystem(files: ["/p/go.mod": Self.goMod])
        fileSystem.files["/p/go.sum"] = Data(count: ConfigFileLimits.goSum + 1)
        let snapshot = ProjectSnapshot.load(directory: "/p", fileSystem: fileSystem)
        #expect(snapshot.goMod != nil)
        #expect(snapshot.goSum == nil)
        #expect(snapshot.fileProblem(.goSum) == ConfigFileProblem(path: "/p/go.sum", role: .goSum, reason: .tooLarge,
                                                                  size: Int64(ConfigFileLimits.goSum + 1), limit: ConfigFileLimits.goSum))
    }

    @Test func tooLargeGoModIsTheMainModulesAndReported() {
        var fileSystem = InMemoryFileSystem(files: ["/p/go.sum": "", "/go.mod": Self.goMod])
        fileSystem.files["/p/go.mod"] = Data(count: ConfigFileLimits.goMod + 1)
        let snapshot = ProjectSnapshot.load(directory: "/p/sub", fileSystem: fileSystem)
        #expect(snapshot.directory == "/p", "the go command stops at the first go.mod, readable or not")
        #expect(snapshot.goModPath == "/p/go.mod")
        #expect(snapshot.fileProblem(.goMod)?.reason == .tooLarge)
        #expect(snapshot.fileProblem(.goMod)?.limit == 16 << 20)
        #expect(snapshot.goSum != nil)
    }

    @Test func tooLargeGoEnvFileIsNotAbsent() {
        var fileSystem = InMemoryFileSystem()
        var text = Data("GOPROXY=off\n".utf8)
        text.append(Data(count: ConfigFileLimits.goEnv))
        fileSystem.files["/h/.config/go/env"] = text
        let env = GoEnvResolver(environment: ["HOME": "/h"], hostOS: .linux, fileSystem: fileSystem, installation: nil).resolve()
        #expect(env.envFile.exists)
        #expect(env.envFile.file == nil)
        #expect(env.envFile.readProblem == ConfigFileProblem(path: "/h/.config/go/env", role: .goEnv, reason: .tooLarge,
                                                             size: Int64(text.count), limit: ConfigFileLimits.goEnv))
    }
}
