import Foundation

/// One `<meta name="go-import" content="prefix vcs repoRoot">` tag (cmd/go/internal/vcs discovery.go).
public struct GoImportMeta: Sendable, Equatable, Codable {
    public var prefix: String
    public var vcs: String
    public var repoRoot: String

    public init(prefix: String, vcs: String, repoRoot: String) {
        self.prefix = prefix
        self.vcs = vcs
        self.repoRoot = repoRoot
    }

    /// The go-import tags of an HTML page, in order. Like parseMetaGoImports in PreferMod
    /// mode: a `mod` tag wins over a VCS tag with the same prefix; parsing stops at `<body>`.
    public static func parse(_ html: String) -> [GoImportMeta] {
        var imports: [GoImportMeta] = []
        // ASCII letters only: `lower` keeps every byte offset of `html`, so an index found in one
        // is valid in the other (full lowercasing changes lengths, "Ⱥ" → "ⱥ", and trapped).
        let lower = String(decoding: html.utf8.map { $0 >= 0x41 && $0 <= 0x5A ? $0 | 0x20 : $0 }, as: UTF8.self)
        let end = lower.range(of: "<body")?.lowerBound ?? lower.endIndex
        var cursor = lower.startIndex
        // A tag that closes after `<body` moves the cursor past the end: stop there.
        while cursor < end, let open = lower.range(of: "<meta", range: cursor..<end) {
            guard let close = lower.range(of: ">", range: open.upperBound..<lower.endIndex) else { break }
            let tagLower = String(lower[open.upperBound..<close.lowerBound])
            let tag = String(html[open.upperBound..<close.lowerBound])
            cursor = close.upperBound
            guard attribute("name", in: tagLower, original: tagLower) == "go-import",
                  let content = attribute("content", in: tagLower, original: tag) else { continue }
            let fields = content.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init)
            guard fields.count == 3 else { continue }
            imports.append(GoImportMeta(prefix: fields[0], vcs: fields[1], repoRoot: fields[2]))
        }
        // discovery.go: in PreferMod mode a "mod" import replaces others with the same prefix.
        let modPrefixes = Set(imports.filter { $0.vcs == "mod" }.map(\.prefix))
        return imports.filter { $0.vcs == "mod" || !modPrefixes.contains($0.prefix) }
    }

    /// matchGoImport: the single tag whose prefix is a path prefix of `importPath`.
    public static func match(_ imports: [GoImportMeta], importPath: String) -> Result<GoImportMeta, DiscoveryError> {
        var matched: GoImportMeta?
        var mismatches: [String] = []
        for meta in imports {
            guard hasPathPrefix(importPath, meta.prefix) else {
                mismatches.append(meta.prefix)
                continue
            }
            if let previous = matched, previous.prefix != meta.prefix || previous != meta {
                return .failure(DiscoveryError("multiple meta tags match import path \"\(importPath)\""))
            }
            matched = meta
        }
        if let matched { return .success(matched) }
        let text = mismatches.map { "meta tag \($0) did not match import path \(importPath)" }.joined(separator: ", ")
        return .failure(DiscoveryError(text, isMismatch: true))
    }

    /// str.HasPathPrefix.
    static func hasPathPrefix(_ s: String, _ prefix: String) -> Bool {
        guard s.hasPrefix(prefix) else { return false }
        if s.count == prefix.count { return true }
        if prefix.hasSuffix("/") { return true }
        return s[s.index(s.startIndex, offsetBy: prefix.count)] == "/"
    }

    static func attribute(_ name: String, in lower: String, original: String) -> String? {
        for quote in ["\"", "'"] {
            guard let range = lower.range(of: name + "=" + quote) else { continue }
            let startOffset = lower.distance(from: lower.startIndex, to: range.upperBound)
            let start = original.index(original.startIndex, offsetBy: startOffset)
            guard let stop = original[start...].firstIndex(of: Character(quote)) else { return nil }
            return String(original[start..<stop])
        }
        return nil
    }
}

/// A go-get discovery failure in the go command's words.
public struct DiscoveryError: Error, Sendable, Equatable {
    public var message: String
    public var isMismatch: Bool

    public init(_ message: String, isMismatch: Bool = false) {
        self.message = message
        self.isMismatch = isMismatch
    }
}
