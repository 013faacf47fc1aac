import Foundation
import GoModConfig
import LabKit
import Testing
@testable import ModuleFetch

/// go-get discovery pages read by GoImportMeta and by the go command's own code:
/// lab/goimport/main.go is parseMetaGoImports, built by each installed go release so that it
/// runs that release's encoding/xml. Every page — hand-written cases of each tokenizer rule
/// and seeded mutations of them — must give the same tags, in the same order, and the same
/// error text.
struct GoImportDifferentialTests {
    struct GoImportResult: Decodable, Equatable {
        struct Tag: Decodable, Equatable {
            var Prefix: String
            var VCS: String
            var RepoRoot: String
            var SubDir: String
        }

        var name: String
        var imports: [Tag]
        var error: String
    }

    /// Hand-written pages, one rule each (and real-world page shapes).
    static let seeds: [String] = [
        #"<!DOCTYPE html><html><head><meta charset="utf-8"><meta name="go-import" content="corp.example/m git https://git.corp.example/m"></head><body>x</body></html>"#,
        "<META NAME='go-import' CONTENT='a.io/m git https://g/m'>",
        #"<meta name=go-import content="a.io/m git https://g/m">"#,
        #"<meta go-import content="a.io/m git https://g/m">"#,
        "<head><script>if (a < b) {}</script><meta name=\"go-import\" content=\"a.io/m git https://g\"></head>",
        "<head><meta name=\"go-import\" content=\"a.io/m git https://g\"><script>if (a < b) {}</script></head>",
        "<!-- <meta name=\"go-import\" content=\"x git y\"> --><meta name=\"go-import\" content=\"a git b\">",
        "<![CDATA[<meta name=\"go-import\" content=\"x git y\">]]><meta name=\"go-import\" content=\"a git b\">",
        "<!DOCTYPE html [ <!ENTITY x \">\"> <!-- > --> ]><meta name=\"go-import\" content=\"a git b\">",
        "<?xml version=\"1.1\"?><meta name=\"go-import\" content=\"a git b\">",
        "<?xml version=\"1.0\" encoding=\"latin1\"?><meta name=\"go-import\" content=\"a git b\">",
        "<?xml version=\"1.0\" encoding=\"ASCII\"?><meta name=\"go-import\" content=\"a git b\">",
        "<?xml version=1.0 version=\"2.0\"?><meta name=\"go-import\" content=\"a git b\">",
        "<?xml encoding=x encoding='koi8-r'?><meta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content=\"a&#32;git&#x9;b&amp;c\">",
        "<meta name=\"go-import\" content=\"a &nbsp; git b\">",
        "<meta name=\"go-import\" content=\"a git b&#0;\">",
        "<meta name=\"go-import\" content=\"a git &#xD800;&#99999999;&#xZZ;\">",
        "<meta name=\"go-import\" content=\"a git b&amp x\">",
        "<meta name=\"go-import\" content=\"a\r\ngit\u{2028}b\">",
        "<meta name=\"go-import\" content=\"a\u{A0}git\u{3000}b\u{85}\">",
        "<meta name=\"go-import\" content=\"a.io/m git https://g/r sub/dir\">",
        "<meta name=\"go-import\" content=\"a.io/m git https://g/r sub dir\">",
        "<meta name=\"go-import\" content=\"a.io/m git https://g\"><meta name=\"go-import\" content=\"a.io/m mod https://p\"><meta name=\"go-import\" content=\"b.io/m git https://h\">",
        "<head><meta name=\"go-import\" content=\"a git b\"></head><meta name=\"go-import\" content=\"c git d\">",
        "<head/><meta name=\"go-import\" content=\"c git d\">",
        "<BODY><meta name=\"go-import\" content=\"c git d\">",
        "<x:body><meta name=\"go-import\" content=\"c git d\">",
        "<a:b:c><meta name=\"go-import\" content=\"c git d\">",
        "<meta name=\"go-import\" content=\"a git ]]>\">",
        "<p>]]></p><meta name=\"go-import\" content=\"a git b\">",
        "<p>\u{FF}</p><meta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content=\"a git b\u{FE}\">",
        "<m\u{FF}eta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content=\"p git r\">\u{300}",
        "<meta name=\"go-import\" content=\"a git b\"/><meta name=\"go-import\" content=\"c git d\" />",
        "<meta name=\"go-import\" content=\"a git b\" name=\"other\"><meta content=\"c git d\" name=\"GO-IMPORT\">",
        "<meta name=\"go-import\" content=\"a git b\"><meta name=\"go-import\" content=\"c git",
        "",
        "just text\n",
        "<!- x><meta name=\"go-import\" content=\"a git b\">",
        "<!-- a -- b --><meta name=\"go-import\" content=\"a git b\">",
        "<![CDAT[x]]><meta name=\"go-import\" content=\"a git b\">",
        "</ head><meta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content=\"a git b\" =x>",
        "line one\nline two\n<p>\u{0C}</p>",
        "<meta\tname=\"go-import\"\ncontent=\"a git b\"\r\n>",
        "<meta name=\"go-import\" content=\"a<b git c\">",
        "<meta name=\"go-import\" content=\"a git b",
        "<?pi ?><?xml?><meta name=\"go-import\" content=\"a git b\">",
        "<!DOCTYPE x <y> '>' \"<\" <!-- c --> ><meta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content=\"K git İ\">",
        "<meta name=\"go-import\" content=\"a git b\"><meta name=\"go-import\" content=\"a git b\">",
        "<\u{0600}meta name=\"go-import\" content=\"a git b\">",
        "<meta name=\"go-import\" content='a git \"b\"'>",
        "<meta name='go-import' content=\"a mod b\"><meta name='go-import' content=\"a git c\">",
    ]

    /// Pieces the mutator inserts: every byte and token the tokenizer treats specially.
    static let pieces: [[UInt8]] = [
        "<", ">", "\"", "'", "&", "&amp;", "&#x20;", "&#0;", "&lt;", "]]>", "]]", "<!--", "-->", "--", "<![CDATA[",
        "<?xml version=\"1.0\" encoding=\"utf-8\"?>", "<?", "?>", "<!DOCTYPE ", "<body>", "</head>", "<head/>",
        "<meta name=\"go-import\" content=\"", "<meta ", "name=go-import ", "content=", " ", "\t", "\r\n", "\n", "/>",
        "/", "=", ":", "a:b", "a:b:c", "\u{301}", "\u{2028}", "\u{A0}", "İ", "x", "mod", "git",
    ].map { Array($0.utf8) } + [[0xFF], [0x00], [0x0C], [0xE2, 0x82], [0xED, 0xA0, 0x80]]

    /// Deterministic mutations of the seeds (splitmix64), so a failure names a reproducible case.
    static func mutatedCases(count: Int) -> [[UInt8]] {
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        func next() -> Int {
            state &+= 0x9E37_79B9_7F4A_7C15
            var z = state
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return Int(truncatingIfNeeded: (z ^ (z >> 31)) >> 1)
        }
        return (0..<count).map { _ in
            var bytes = Array(seeds[next() % seeds.count].utf8)
            for _ in 0..<(1 + next() % 4) {
                let at = bytes.isEmpty ? 0 : next() % (bytes.count + 1)
                switch next() % 3 {
                case 0: bytes.insert(contentsOf: pieces[next() % pieces.count], at: at)
                case 1: if at < bytes.count { bytes.removeSubrange(at..<min(bytes.count, at + 1 + next() % 8)) }
                default: if at < bytes.count { bytes[at] = UInt8(truncatingIfNeeded: next()) }
                }
            }
            return bytes
        }
    }

    /// Go's JSON writes each invalid byte as U+FFFD, Swift a maximal invalid run: compare runs.
    static func collapsingReplacements(_ text: String) -> String {
        var out = ""
        for character in text where !(character == "\u{FFFD}" && out.last == "\u{FFFD}") { out.append(character) }
        return out
    }

    @Test(arguments: GoToolchain.installed)
    func pagesParseAsTheGoCommandParsesThem(go: GoToolchain) async throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("goimport-diff-\(UUID().uuidString.prefix(8))")
        defer { try? FileManager.default.removeItem(at: root) }
        let pages = root.appendingPathComponent("pages")
        try FileManager.default.createDirectory(at: pages, withIntermediateDirectories: true)
        let cases = Self.seeds.map { Array($0.utf8) } + Self.mutatedCases(count: 3000)
        for (index, bytes) in cases.enumerated() {
            try Data(bytes).write(to: pages.appendingPathComponent(String(format: "case-%05d", index)))
        }
        let helper = root.appendingPathComponent("goimport").path
        let source = HelperPrograms().labDirectory + "/goimport/main.go"
        let environment = ["PATH": "\(go.binDirectory):/usr/bin:/bin", "GOROOT": go.root, "GO111MODULE": "off",
                           "GOCACHE": root.appendingPathComponent("cache").path, "HOME": root.path, "CGO_ENABLED": "0",
                           "GOTOOLCHAIN": "local", "GOFLAGS": ""]
        let build = try Self.run(go.executable, ["build", "-o", helper, source], environment: environment, in: root)
        try #require(build.status == 0, "go build: \(build.stderr)")
        let release = try #require(GoReleaseVersion(go.version), "release \(go.version)")
        let parsed = try Self.run(helper, release.atLeast(1, 25) ? ["-fields4", pages.path] : [pages.path],
                                  environment: environment, in: root)
        try #require(parsed.status == 0, "goimport: \(parsed.stderr)")
        let results = try parsed.stdout.split(separator: "\n").map { try JSONDecoder().decode(GoImportResult.self, from: Data($0.utf8)) }
        try #require(results.count == cases.count)
        var mismatches: [String] = []
        for (index, result) in results.enumerated() {
            let page = GoImportMeta.parse(cases[index], goRelease: release)
            let ours = GoImportResult(
                name: result.name,
                imports: page.imports.map { .init(Prefix: $0.prefix, VCS: $0.vcs, RepoRoot: $0.repoRoot, SubDir: $0.subdirectory ?? "") },
                error: page.error ?? "")
            var theirs = result
            theirs.error = Self.collapsingReplacements(theirs.error)
            var mine = ours
            mine.error = Self.collapsingReplacements(mine.error)
            if mine != theirs {
                mismatches.append("\(result.name) \(String(reflecting: String(decoding: cases[index], as: UTF8.self)))\n  go:   \(theirs)\n  ours: \(mine)")
            }
        }
        #expect(mismatches.count == 0, "go\(go.version): \(mismatches.count) of \(cases.count) pages differ:\n\(mismatches.prefix(8).joined(separator: "\n"))")
        // The cases reach every outcome: tags, errors, and pages with neither.
        #expect(results.contains { !$0.imports.isEmpty } && results.contains { !$0.error.isEmpty }
                && results.contains { $0.imports.isEmpty && $0.error.isEmpty })
    }

    static func run(_ executable: String, _ arguments: [String], environment: [String: String], in directory: URL) throws
        -> (status: Int32, stdout: String, stderr: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = arguments
        process.environment = environment
        process.currentDirectoryURL = directory
        let output = directory.appendingPathComponent("stdout-\(UUID().uuidString.prefix(6))")
        FileManager.default.createFile(atPath: output.path, contents: nil)
        let handle = try FileHandle(forWritingTo: output)
        let errors = Pipe()
        process.standardOutput = handle
        process.standardError = errors
        try process.run()
        let errorData = errors.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        try handle.close()
        return (process.terminationStatus, (try? String(contentsOf: output, encoding: .utf8)) ?? "", String(decoding: errorData, as: UTF8.self))
    }
}

extension GoToolchain: CustomTestStringConvertible {
    var testDescription: String { "go\(version)" }
}
