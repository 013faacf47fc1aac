import Foundation
import GoModConfig
@testable import ModuleFetch
import Testing

/// The pure parts of `gomod-doctor verify`: the state directory, skip rules, missing lines,
/// and the module-cache check that names the changed file.
struct VerifyCoreTests {
    static func temporaryDirectory() throws -> String {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("verify-\(UUID().uuidString)").path
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        return path
    }

    @Test func stateDirectoryLocationPrecedence() {
        #expect(SumDBStateDirectory.resolve(environment: ["GOMOD_DOCTOR_STATE_DIR": "/s", "XDG_STATE_HOME": "/x", "HOME": "/h"])?.root == "/s/sumdb")
        #expect(SumDBStateDirectory.resolve(environment: ["XDG_STATE_HOME": "/x", "HOME": "/h"])?.root == "/x/gomod-doctor/sumdb")
        #expect(SumDBStateDirectory.resolve(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.root == "/h/.local/state/gomod-doctor/sumdb")
        #expect(SumDBStateDirectory.resolve(environment: [:]) == nil)
    }

    @Test func stateConfigIsCompareAndSwap() throws {
        let state = SumDBStateDirectory(root: try Self.temporaryDirectory())
        #expect(try state.readConfig("sum.golang.org/latest").get() == [])
        #expect(try state.writeConfig("sum.golang.org/latest", old: [], new: [1, 2]).get())
        #expect(try state.writeConfig("sum.golang.org/latest", old: [9], new: [3]).get() == false, "stale old value")
        #expect(try state.readConfig("sum.golang.org/latest").get() == [1, 2])
        state.writeCache("sum.golang.org/tile/8/0/000", data: [7])
        #expect(state.readCache("sum.golang.org/tile/8/0/000") == [7])
        #expect(state.readCache("sum.golang.org/tile/8/0/001") == nil)
        for bad in ["../x", "a/../../b", "/etc/passwd", "a//b"] {
            #expect(throws: ModuleFetchError.self) { try state.readConfig(bad).get() }
            #expect(state.path("cache", bad) == nil)
        }
    }

    @Test func skipRulesFollowGOSUMDBAndGONOSUMDB() {
        #expect(GoSumAudit.skipReason(path: "example.com/m", gosumdbOff: true, gonosumdb: "") == "checksum database disabled by GOSUMDB=off")
        #expect(GoSumAudit.skipReason(path: "corp.example/x/y", gosumdbOff: false, gonosumdb: "corp.example/x") == "matched by GONOSUMDB")
        #expect(GoSumAudit.skipReason(path: "corp.example/xy", gosumdbOff: false, gonosumdb: "corp.example/x") == nil)
    }

    @Test func auditWithoutDatabaseReportsEveryLine() async {
        let lines = [GoSumLine(path: "a.example/m", version: "v1.0.0", isGoMod: false, hash: "h1:x", line: 1),
                     GoSumLine(path: "corp.example/m", version: "v1.0.0", isGoMod: true, hash: "h1:y", line: 2)]
        let checks = await GoSumAudit.run(lines: lines, skip: { $0.hasPrefix("corp.") ? "matched by GONOSUMDB" : nil },
                                          client: nil, unavailable: "GOSUMDB: bad key")
        #expect(checks.map(\.status) == [.failed, .skipped])
        #expect(checks.map(\.detail) == ["GOSUMDB: bad key", "matched by GONOSUMDB"])
        #expect(checks[1].moduleVersion == "corp.example/m v1.0.0/go.mod")
    }

    @Test func cacheCheckNamesTheChangedAddedAndMissingFiles() throws {
        let cache = try Self.temporaryDirectory()
        let prefix = "example.com/!big@v1.0.0/"
        let zip = try ZipFixture.write([
            .init(name: "example.com/Big@v1.0.0/go.mod", content: Array("module example.com/Big\n".utf8)),
            .init(name: "example.com/Big@v1.0.0/a.go", content: Array("package big\n".utf8)),
            .init(name: "example.com/Big@v1.0.0/b.go", content: Array("package big // b\n".utf8)),
        ])
        let download = cache + "/cache/download/example.com/!big/@v"
        try FileManager.default.createDirectory(atPath: download, withIntermediateDirectories: true)
        try FileManager.default.copyItem(atPath: zip.path, toPath: download + "/v1.0.0.zip")
        let hash = try ModuleZipHasher.hashZip(at: zip)
        try (hash + "\n").write(toFile: download + "/v1.0.0.ziphash", atomically: true, encoding: .utf8)
        let dir = cache + "/" + prefix.dropLast()
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        try "module example.com/Big\n".write(toFile: dir + "/go.mod", atomically: true, encoding: .utf8)
        try "package big\n".write(toFile: dir + "/a.go", atomically: true, encoding: .utf8)
        try "package big // b\n".write(toFile: dir + "/b.go", atomically: true, encoding: .utf8)
        let verifier = ModuleCacheVerifier(modCache: cache)

        let clean = verifier.verify(path: "example.com/Big", version: "v1.0.0", goSumHash: hash)
        #expect(clean.status == .verified && clean.problems.isEmpty)
        #expect(verifier.verify(path: "example.com/Big", version: "v1.0.0", goSumHash: "h1:other").problems.count == 1)

        try "package big // changed\n".write(toFile: dir + "/a.go", atomically: true, encoding: .utf8)
        try FileManager.default.removeItem(atPath: dir + "/b.go")
        try "package big\n".write(toFile: dir + "/c.go", atomically: true, encoding: .utf8)
        let modified = verifier.verify(path: "example.com/Big", version: "v1.0.0", goSumHash: hash)
        #expect(modified.status == .modified)
        #expect(modified.problems == ["example.com/Big v1.0.0: dir has been modified (\(dir))"])
        #expect(modified.files == [.init(file: "a.go", change: "modified"), .init(file: "b.go", change: "missing"),
                                   .init(file: "c.go", change: "added")])

        try Data("PK\u{3}\u{4}garbage".utf8).write(to: URL(fileURLWithPath: download + "/v1.0.0.zip"))
        #expect(verifier.verify(path: "example.com/Big", version: "v1.0.0", goSumHash: hash).status == .failed)
        #expect(verifier.verify(path: "example.com/Other", version: "v1.0.0", goSumHash: nil).status == .notDownloaded)
    }
}
