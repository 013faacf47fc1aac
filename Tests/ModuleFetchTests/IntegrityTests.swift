import Crypto
import Foundation
import GoModConfig
import Testing
@testable import ModuleFetch

/// dirhash vectors (reference §8, x/mod hash_test.go), HashZip, and the module zip rules.
@Suite struct IntegrityTests {
    static let abcXyz = [DirHash.FileDigest(name: "xyz", content: Array("data for xyz".utf8)),
                         DirHash.FileDigest(name: "abc", content: Array("data for abc".utf8))]

    @Test func hash1Vectors() throws {
        let summary = "c807b6b431cbbfff4dcc032527d0e106e7f76e6aa20b3cab70fa00154144f351  abc\n1a163d344504db00bdf3944d1b36c771245f19cc90df3dc2e5ca78d25d19d51e  xyz\n"
        #expect(String(decoding: try DirHash.summary(Self.abcXyz), as: UTF8.self) == summary)
        #expect(try DirHash.hash1(Self.abcXyz) == "h1:EP6WfDoQTSk9klnxcjriWJOGztueJUywHNmWeq+efB8=")
        #expect(DirHash.hashGoMod([]) == "h1:G7mAYYxgmS0lVkHyy2hEOLQCFB0DlQFTMLWggykrydY=")
        #expect(DirHash.hashGoMod([]) == GoSumFile.emptyGoModHash)
        #expect(throws: ModuleFetchError("bad-zip", "dirhash: filenames with newlines are not supported")) {
            try DirHash.hash1([DirHash.FileDigest(name: "a\nbc", content: [])])
        }
    }

    @Test func hashZipVector() throws {
        let url = try ZipFixture.write([.init(name: "prefix/xyz", content: Array("data for xyz".utf8)),
                                        .init(name: "prefix/abc", content: Array("data for abc".utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ModuleZipHasher.hashZip(at: url) == "h1:rLyfpGMAgqOnGE2aKOY5Xb6cOc0/YQhPjHBHBwkblhs=")
    }

    @Test func checkAndHashAcceptsAGoodModuleZip() throws {
        let url = try ZipFixture.write([.init(name: "example.com/m@v1.0.0/go.mod", content: Array("module example.com/m\n".utf8)),
                                        .init(name: "example.com/m@v1.0.0/m.go", content: Array("package m\n".utf8))])
        defer { try? FileManager.default.removeItem(at: url) }
        let expected = try DirHash.hash1([DirHash.FileDigest(name: "example.com/m@v1.0.0/go.mod", content: Array("module example.com/m\n".utf8)),
                                          DirHash.FileDigest(name: "example.com/m@v1.0.0/m.go", content: Array("package m\n".utf8))])
        #expect(try ModuleZipHasher.checkAndHash(at: url, path: "example.com/m", version: "v1.0.0") == expected)
        #expect(throws: ModuleFetchError("bad-zip", "zip for example.com/m@v1.0.1 has unexpected file example.com/m@v1.0.0/go.mod")) {
            try ModuleZipHasher.checkAndHash(at: url, path: "example.com/m", version: "v1.0.1")
        }
    }

    /// x/mod's collisionChecker checks a directory's parents again for every entry in it; the
    /// walk is skipped when they were clean, so later entries under a colliding parent still
    /// get x/mod's error, and a deep directory with many files stays linear.
    @Test func caseFoldCollisionsRecheckOnlyParentsThatFailed() {
        var checker = CaseFoldCollisions()
        #expect(checker.check("m@v1/a", isDirectory: false) == nil)
        #expect(checker.check("m@v1/A/x/1.go", isDirectory: false) == "case-insensitive file name collision: \"m@v1/a\" and \"m@v1/A\"")
        #expect(checker.check("m@v1/A/x/2.go", isDirectory: false) == "case-insensitive file name collision: \"m@v1/a\" and \"m@v1/A\"",
                "a second file under the colliding directory is invalid too, as in x/mod")
        #expect(checker.check("m@v1/b/2.go", isDirectory: false) == nil)
        #expect(checker.check("m@v1/B/3.go", isDirectory: false) == "case-insensitive file name collision: \"m@v1/b\" and \"m@v1/B\"")
        // The parent is found by its slash byte, as Go's path.Dir finds it, even where the slash
        // is no Character of its own (after U+0600, a prepended mark).
        #expect(checker.check("m@v1/\u{600}/c", isDirectory: false) == nil)
        #expect(checker.check("m@v1/\u{600}", isDirectory: false) == "entry \"m@v1/\\u0600\" is both a file and a directory", "quoted as Go's %q quotes a format character")
        // Folding: ASCII byte by byte, everything else by the Unicode case mappings.
        #expect(CaseFoldCollisions.fold("Go.MOD") == "go.mod" && CaseFoldCollisions.fold("go.mod") == "go.mod")
        #expect(CaseFoldCollisions.fold("ÄB/ä") == CaseFoldCollisions.fold("äb/Ä") && CaseFoldCollisions.fold("ÄB/ä") == "äb/ä")
        #expect(CaseFoldCollisions.fold("Ǆ") == CaseFoldCollisions.fold("ǆ"))
        var deep = CaseFoldCollisions()
        let directory = (0..<400).map { "d\($0)" }.joined(separator: "/")
        for file in 0..<2000 { #expect(deep.check("m@v1/\(directory)/\(file).go", isDirectory: false) == nil) }
    }

    @Test func zipRuleTexts() {
        let p = "example.com/m@v1.0.0/"
        let entries = [
            ModuleZipEntry(name: p + "a.go", uncompressedSize: 1),
            ModuleZipEntry(name: p + "A.go", uncompressedSize: 1),
            ModuleZipEntry(name: p + "sub/go.mod", uncompressedSize: 1),
            ModuleZipEntry(name: p + "GO.MOD", uncompressedSize: 1),
            ModuleZipEntry(name: p + "link", uncompressedSize: 1, isSymlink: true),
            ModuleZipEntry(name: p + "x/../y", uncompressedSize: 1),
            ModuleZipEntry(name: "other/file", uncompressedSize: 1),
            ModuleZipEntry(name: p + "LICENSE", uncompressedSize: 17 << 20),
            ModuleZipEntry(name: p + "go.mod", uncompressedSize: 17 << 20),
            ModuleZipEntry(name: p + "a.go", uncompressedSize: 1),
        ]
        let report = ModuleZipRules.check(entries, path: "example.com/m", version: "v1.0.0", zipSize: 1000)
        #expect(report.valid == [Array((p + "a.go").utf8)])
        #expect(report.invalid.map(\.reason) == [
            "case-insensitive file name collision: \"a.go\" and \"A.go\"",
            "go.mod file not in module root directory",
            "go.mod files must have lowercase names",
            "file is a symbolic link",
            "file path is not clean",
            "path does not have prefix \"example.com/m@v1.0.0/\"",
            "LICENSE file too large (max size is 16777216 bytes)",
            "case-insensitive file name collision: \"GO.MOD\" and \"go.mod\"",
            "multiple entries for file \"a.go\"",
        ])
        #expect(report.error?.message.hasPrefix("example.com/m@v1.0.0/A.go: case-insensitive file name collision") == true)
        let huge = ModuleZipRules.check([ModuleZipEntry(name: p + "a", uncompressedSize: 400 << 20), ModuleZipEntry(name: p + "b", uncompressedSize: 200 << 20)],
                                        path: "example.com/m", version: "v1.0.0", zipSize: 1000)
        #expect(huge.error == ModuleFetchError("too-large", "total uncompressed size of module contents too large (max size is 524288000 bytes)"))
        #expect(ModuleZipRules.check([], path: "example.com/m", version: "v1.0.0", zipSize: 600 << 20).error?.message
            == "module zip file is too large (629145600 bytes; limit is 524288000 bytes)")
    }

    /// A zip declaring 600 MiB is refused from its central directory, before inflating.
    @Test func declaredBombIsRefusedBeforeReading() throws {
        let url = try ZipFixture.write([.init(name: "example.com/m@v1.0.0/big", content: [UInt8](repeating: 0, count: 100))])
        defer { try? FileManager.default.removeItem(at: url) }
        try ZipFixture.patchUncompressedSize(url, to: 600 << 20)
        #expect(try ModuleZipHasher.entries(of: url).map(\.uncompressedSize) == [600 << 20])
        #expect(throws: ModuleFetchError("too-large", "total uncompressed size of module contents too large (max size is 524288000 bytes)")) {
            try ModuleZipHasher.checkAndHash(at: url, path: "example.com/m", version: "v1.0.0")
        }
        #expect(throws: ModuleFetchError("too-large", "total uncompressed size of module contents too large (max size is 524288000 bytes)")) {
            try ModuleZipHasher.hashZip(at: url)
        }
    }

    /// An entry whose content disagrees with its declared size is refused, reading no more
    /// than declared: stored (read is cut at the declared size, then the CRC fails) and
    /// deflated (inflation is stopped at the declared size).
    @Test func entryLargerThanDeclaredIsRefused() throws {
        let stored = try ZipFixture.write([.init(name: "p/a", content: [UInt8](repeating: 7, count: 4096))], compress: false)
        defer { try? FileManager.default.removeItem(at: stored) }
        try ZipFixture.patchUncompressedSize(stored, to: 10)
        #expect(throws: ModuleFetchError("bad-zip", "zip: checksum error")) { try ModuleZipHasher.hashZip(at: stored) }
        let deflated = try ZipFixture.write([.init(name: "p/a", content: [UInt8](repeating: 7, count: 1 << 20))], compress: true)
        defer { try? FileManager.default.removeItem(at: deflated) }
        try ZipFixture.patchUncompressedSize(deflated, to: 1000)
        #expect(throws: ModuleFetchError("too-large", "zip entry larger than declared")) { try ModuleZipHasher.hashZip(at: deflated) }
    }

    @Test func oneGoModLimit() {
        let p = "example.com/m@v1.0.0/"
        let report = ModuleZipRules.check([ModuleZipEntry(name: p + "go.mod", uncompressedSize: 17 << 20)],
                                          path: "example.com/m", version: "v1.0.0", zipSize: 1000)
        #expect(report.error?.message == p + "go.mod: go.mod file too large (max size is 16777216 bytes)")
    }

    @Test func symlinkEntryIsSeenInTheCentralDirectory() throws {
        let url = try ZipFixture.write([.init(name: "example.com/m@v1.0.0/link", content: Array("target".utf8), symlink: true)])
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(try ModuleZipHasher.entries(of: url).map(\.isSymlink) == [true])
        #expect(throws: ModuleFetchError("bad-zip", "example.com/m@v1.0.0/link: file is a symbolic link")) {
            try ModuleZipHasher.checkAndHash(at: url, path: "example.com/m", version: "v1.0.0")
        }
    }

    @Test func notAZip() throws {
        let url = ZipFixture.temporaryURL()
        try Data("not a zip".utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        #expect(throws: ModuleFetchError("bad-zip", "zip: not a valid zip file")) { try ModuleZipHasher.hashZip(at: url) }
    }
}
