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

    /// A `KEY=VALUE` line longer than `maxLineBytes`: not used (its value is not kept).
    public struct LongLine: Sendable, Equatable, Codable {
        public var line: Int
        /// The key, abbreviated to its first 64 bytes when longer.
        public var key: String
        /// The line's length in bytes, without the newline.
        public var bytes: Int
    }

    /// The longest `KEY=VALUE` line the go command can live with. It exports its settings
    /// to every tool it runs (cmd/go/main.go: os.Setenv for each cfg.CmdEnv entry), and
    /// Linux refuses a single environment string over MAX_ARG_STRLEN, 131072 bytes with its
    /// NUL: a longer GOPRIVATE in the GOENV file makes `go build` fail with `fork/exec
    /// …/compile: argument list too long` (measured with go 1.27). cfg.readEnvFile itself
    /// reads any length, so a longer line is reported, never silently dropped.
    public static let maxLineBytes = 131_071

    public var path: String
    /// Every `KEY=VALUE` entry in file order, duplicates included.
    public var entries: [Entry] {
        didSet { lastEntry = Self.lastPositions(entries) }
    }
    public var ignoredLines: [IgnoredLine]
    /// Entry lines over `maxLineBytes`, in file order; they are not in `entries`.
    public var longLines: [LongLine] = []
    /// The position in `entries` of each key's last entry: the resolver looks up some forty
    /// keys, and a file may hold a million lines.
    private var lastEntry: [String: Int]

    public init(path: String, entries: [Entry] = [], ignoredLines: [IgnoredLine] = []) {
        self.path = path
        self.entries = entries
        self.ignoredLines = ignoredLines
        self.lastEntry = Self.lastPositions(entries)
    }

    private static func lastPositions(_ entries: [Entry]) -> [String: Int] {
        var positions: [String: Int] = [:]
        for (position, entry) in entries.enumerated() { positions[entry.key] = position }
        return positions
    }

    enum CodingKeys: String, CodingKey { case path, entries, ignoredLines, longLines }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        self.init(path: try container.decode(String.self, forKey: .path),
                  entries: try container.decode([Entry].self, forKey: .entries),
                  ignoredLines: try container.decode([IgnoredLine].self, forKey: .ignoredLines))
        longLines = try container.decodeIfPresent([LongLine].self, forKey: .longLines) ?? []
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(path, forKey: .path)
        try container.encode(entries, forKey: .entries)
        try container.encode(ignoredLines, forKey: .ignoredLines)
        try container.encode(longLines, forKey: .longLines)
    }

    public static func == (lhs: GoEnvFile, rhs: GoEnvFile) -> Bool {
        lhs.path == rhs.path && lhs.entries == rhs.entries && lhs.ignoredLines == rhs.ignoredLines && lhs.longLines == rhs.longLines
    }

    /// The effective value of `key` (last entry wins), with the line it came from.
    public func entry(for key: String) -> Entry? {
        lastEntry[key].map { entries[$0] }
    }

    /// Keys that appear more than once: the go command silently keeps the last one.
    public var duplicatedKeys: [String] {
        var seen: [String: Int] = [:]
        for entry in entries { seen[entry.key, default: 0] += 1 }
        return seen.filter { $0.value > 1 }.map(\.key).sorted()
    }

    public static func parse(_ data: Data, path: String) -> GoEnvFile {
        var file = GoEnvFile(path: path)
        var entries: [Entry] = []
        data.withUnsafeBytes { (buffer: UnsafeRawBufferPointer) in
            guard let base = buffer.baseAddress else { return }
            let count = buffer.count
            var offset = 0
            var number = 0
            // Split on '\n' only, exactly like the go command: a '\r' stays part of the value.
            // memchr keeps a 64 MiB file (or one 32 MiB line) a matter of milliseconds.
            while offset < count {
                number += 1
                let newline = memchr(base + offset, 0x0A, count - offset).map { UnsafeRawPointer($0) - base } ?? count
                let lineStart = offset
                let raw = UnsafeRawBufferPointer(rebasing: buffer[offset..<newline])
                offset = newline + 1
                guard let equalsPointer = raw.isEmpty ? nil : memchr(base + lineStart, 0x3D, raw.count) else {
                    file.ignoredLines.append(IgnoredLine(line: number, reason: raw.isEmpty ? "empty" : "missing '='"))
                    continue
                }
                let equals = UnsafeRawPointer(equalsPointer) - (base + lineStart)
                guard raw[0] >= UInt8(ascii: "A"), raw[0] <= UInt8(ascii: "Z") else {
                    file.ignoredLines.append(IgnoredLine(line: number, reason: "not starting with A-Z"))
                    continue
                }
                if raw.count > maxLineBytes {
                    let key = raw[..<equals]
                    let shown = String(decoding: key.prefix(64), as: UTF8.self) + (key.count > 64 ? "…" : "")
                    file.longLines.append(LongLine(line: number, key: shown, bytes: raw.count))
                    continue
                }
                let key = String(decoding: raw[..<equals], as: UTF8.self)
                let value = String(decoding: raw[(equals + 1)...], as: UTF8.self)
                entries.append(Entry(key: key, value: value, line: number))
            }
        }
        file.entries = entries
        return file
    }
}
