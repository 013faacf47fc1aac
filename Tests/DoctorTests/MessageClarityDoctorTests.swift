import Foundation
@testable import Doctor
@testable import Report
import Testing

/// Issue 13 item 10 for `explain` and `diff`: input that is cut is said to be cut (where, and
/// by which limit); a snapshot file that cannot be used is named with the reason, never
/// "NSCocoaErrorDomain error 256".
struct MessageClarityDoctorTests {
    // MARK: explain: the limits are said, not silent

    @Test func moreErrorsThanTheLimitAreSaidToBeCut() {
        let lines = (1...150).map { "go: example.com/m\($0)@v1.0.0: reading https://proxy.golang.org/x: 404 Not Found" }
        let result = ErrorExplanation.explainAllReporting(lines.joined(separator: "\n"))
        #expect(result.explanations.count == GoErrorSplitter.maximumEntries)
        #expect(result.cuts == [ExplainInputCut(limit: .errors, maximum: 100, line: 101)])
        let report = ExplainReport(result, language: .en)
        let text = ExplainTextRenderer(language: .en, style: TerminalStyle(enabled: false)).render(report)
        #expect(text.contains("Input cut: only the first 100 errors are explained (the limit); the errors from line 101 on were not read."), "\(text.suffix(300))")
        let zh = ExplainTextRenderer(language: .zh, style: TerminalStyle(enabled: false)).render(ExplainReport(result, language: .zh))
        #expect(zh.contains("从第 101 行起的错误未被读取"))
        let json = (try? report.json()) ?? ""
        #expect(json.contains("\"inputCuts\""), "\(json.suffix(400))")
        #expect(json.contains("\"limit\" : \"errors\""))
    }

    @Test func inputOverTheByteLimitIsSaidToBeCut() {
        let line = "go: example.com/m@v1.0.0: reading https://proxy.golang.org/x: 404 Not Found\n"
        let input = String(repeating: "x", count: GoErrorSplitter.maximumInputBytes - 10) + "\n" + line + line
        let result = ErrorExplanation.explainAllReporting(input)
        let cut = result.cuts.first { $0.limit == .bytes }
        #expect(cut?.maximum == 1 << 20)
        #expect(cut?.line == 2, "the cut falls in the second line")
        #expect(cut?.inputBytes == input.utf8.count)
        // The CLI reads one byte past the limit and says how much it had.
        let fromStdin = ErrorExplanation.explainAllReporting(String(repeating: "a\n", count: 10), inputBytes: (1 << 20) + 1)
        #expect(fromStdin.cuts.first?.limit == .bytes)
        let text = ExplainTextRenderer(language: .en, style: TerminalStyle(enabled: false)).render(ExplainReport(fromStdin, language: .en))
        #expect(text.contains("Input cut: it has more than 1048576 bytes (1 MiB, the most explain reads)"), "\(text)")
        #expect(ErrorExplanation.explainAllReporting(line).cuts.isEmpty, "nothing said when nothing was cut")
    }

    // MARK: diff: which file, and why it cannot be used

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("gomod-doctor-diff-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    static func loadError(_ path: String) -> EnvDiffSnapshotError? {
        do {
            _ = try EnvDiffSnapshot.load(path: path)
            return nil
        } catch {
            return error
        }
    }

    static func sentence(_ error: EnvDiffSnapshotError?) -> String {
        guard let error else { return "" }
        return MessageCatalog(language: .en).text(error.messageKey, error.arguments)
    }

    @Test func aDirectoryOrMissingSnapshotIsNamed() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let asDirectory = Self.loadError(directory.path)
        #expect(asDirectory == .directory(path: directory.path))
        #expect(Self.sentence(asDirectory) == "\(directory.path) is a directory, not an env --json snapshot file")
        let missing = directory.appendingPathComponent("nope.json").path
        #expect(Self.loadError(missing) == .missing(path: missing))
        #expect(Self.sentence(Self.loadError(missing)).hasPrefix("\(missing): no such file"))
        let notADirectory = directory.appendingPathComponent("file")
        try Data("{}".utf8).write(to: notADirectory)
        #expect(Self.loadError(notADirectory.path + "/x.json") == .missing(path: notADirectory.path + "/x.json"))
        #expect(!Self.sentence(asDirectory).contains("NSCocoaErrorDomain"))
    }

    @Test func contentThatIsNotASnapshotSaysWhy() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.json")
        try Data().write(to: empty)
        #expect(Self.loadError(empty.path) == .notJSON(path: empty.path, reason: "the file is empty"))
        let html = directory.appendingPathComponent("page.json")
        try Data("<html>".utf8).write(to: html)
        #expect(Self.sentence(Self.loadError(html.path))
                == "\(html.path) is not an env --json document: it starts with '<', not with '{' (an env --json document is a JSON object)")
        let broken = directory.appendingPathComponent("broken.json")
        try Data("{\"variables\": [".utf8).write(to: broken)
        let reason = Self.sentence(Self.loadError(broken.path))
        #expect(reason.hasPrefix("\(broken.path) is not an env --json document: "), "\(reason)")
        #expect(!reason.contains("NSCocoaErrorDomain") && !reason.contains("error 256"), "\(reason)")
        let good = directory.appendingPathComponent("good.json")
        try Data("{\"variables\": [{\"name\": \"GOPROXY\", \"value\": \"off\"}], \"findings\": []}".utf8).write(to: good)
        #expect(Self.loadError(good.path) == nil)
    }

    @Test func anUnreadableSnapshotGivesTheSystemReason() throws {
        // A symbolic link to itself: stat fails with ELOOP for every user (root reads any
        // permission-0 file, so permissions cannot make this case here).
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let loop = directory.appendingPathComponent("loop.json").path
        #expect(symlink(loop, loop) == 0)
        let error = Self.loadError(loop)
        #expect(error == .unreadable(path: loop, reason: "Too many levels of symbolic links"))
        #expect(Self.sentence(error) == "\(loop) cannot be read: Too many levels of symbolic links")
    }
}
