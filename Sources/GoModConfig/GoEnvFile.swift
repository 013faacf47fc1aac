import Foundation

/// The user's go environment file (written by `go env -w`), read exactly as
/// cmd/go/internal/cfg/cfg.go initEnvCache reads it: `KEY=VALUE` lines, no quoting, the last
/// duplicate wins, and lines without `=` or not starting with A–Z are silently ignored.
///
/// Unlike the go command we keep what it ignores, with line numbers, so that a hand-edited
/// file that the go command quietly disregards can be reported.
public struct GoEnvFile: Sendable, Equatable, Codable {
    public struct Entry: Sendable, Equatable, Codable {
        public var key: String
        public var value: String
        public var line: Int
    }

    public struct IgnoredLine: Sendable, Equatable, Codable {
        public var line: Int
        /// Why the go command skips it: "missing '='", "not starting with A-Z", "empty".
        public var reason: String
    }

    public var path: String
    /// Every `KEY=VALUE` entry in file order, duplicates included.
    public var entries: [Entry]
    public var ignoredLines: [IgnoredLine]

    public init(path: String, entries: [Entry] = [], ignoredLines: [IgnoredLine] = []) {
        self.path = path
        self.entries = entries
        self.ignoredLines = ignoredLines
    }

    /// The effective value of `key` (last entry wins), with the line it came from.
    public func entry(for key: String) -> Entry? {
        entries.last { $0.key == key }
    }

    /// Keys that appear more than once: the go command silently keeps the last one.
    public var duplicatedKeys: [String] {
        var seen: [String: Int] = [:]
        for entry in entries { seen[entry.key, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    public static func parse(_ data: Data, path: String) -> GoEnvFile {
        var file = GoEnvFile(path: path)
        // Split on '\n' only, exactly like the go command: a '\r' stays part of the value.
        let lines = data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        for (index, raw) in lines.enumerated() {
            let number = index + 1
            if index == lines.count - 1 && raw.isEmpty { break }
            guard let equals = raw.firstIndex(of: UInt8(ascii: "=")) else {
                file.ignoredLines.append(IgnoredLine(line: number, reason: raw.isEmpty ? "empty" : "missing '='"))
                continue
            }
            guard let first = raw.first, first >= UInt8(ascii: "A"), first <= UInt8(ascii: "Z") else {
                file.ignoredLines.append(IgnoredLine(line: number, reason: "not starting with A-Z"))
                continue
            }
            let key = String(decoding: raw[raw.startIndex..<equals], as: UTF8.self)
            let value = String(decoding: raw[raw.index(after: equals)...], as: UTF8.self)
            file.entries.append(Entry(key: key, value: value, line: number))
        }
        return file
    }
}
