import Foundation
import GoModConfig

/// One `<meta name="go-import" content="prefix vcs repoRoot [subdir]">` tag (cmd/go/internal/vcs discovery.go).
public struct GoImportMeta: Sendable, Equatable, Codable {
    public var prefix: String
    public var vcs: String
    public var repoRoot: String
    /// The optional fourth field (Go ≥ 1.25): the module's directory inside the repository.
    public var subdirectory: String?

    public init(prefix: String, vcs: String, repoRoot: String, subdirectory: String? = nil) {
        self.prefix = prefix
        self.vcs = vcs
        self.repoRoot = repoRoot
        self.subdirectory = subdirectory
    }

    /// What parseMetaGoImports returns for a page.
    public struct Page: Sendable, Equatable {
        public var imports: [GoImportMeta]
        /// The XML error that ended reading, in the go command's words; like the go command,
        /// only kept when no tag was found before it (tags found first are used as they are).
        public var error: String?
        /// Why reading stopped: the end of the page, a `<body>` or `</head>`, or an error
        /// (kept even when `error` is not, because tags came first).
        public var ending: Ending = .endOfPage

        public enum Ending: Sendable, Equatable {
            case endOfPage, stopTag, error
        }
    }

    /// The go-import tags of a page as the go command finds them: Go's XML tokenizer in
    /// non-strict mode (GoXMLTokenizer) up to `<body>` or `</head>`, the first error, or the
    /// end; `name`/`content` matched case-insensitively; the content split on Unicode white
    /// space into 3 fields (or 4 from Go 1.25); in PreferMod mode `mod` tags first, then the
    /// VCS tags no `mod` tag supersedes. `goRelease` nil means the newest behaviour.
    public static func parse(_ body: [UInt8], goRelease: GoReleaseVersion? = nil) -> Page {
        let dialect = goRelease.map { GoXMLTokenizer.Dialect.goRelease(major: $0.major, minor: $0.minor) } ?? GoXMLTokenizer.Dialect()
        let acceptsSubdirectory = goRelease.map { $0.atLeast(1, 25) } ?? true
        var tokenizer = GoXMLTokenizer(body, dialect: dialect)
        var imports: [GoImportMeta] = []
        var error: String?
        var ending = Page.Ending.endOfPage
        while true {
            guard let token = tokenizer.next() else {
                if case .failure(let message) = tokenizer.stop {
                    ending = .error
                    if imports.isEmpty { error = message }
                }
                break
            }
            if case .start(let name, _) = token, GoXMLTokenizer.asciiEqualFold(name.local, Array("body".utf8)) {
                ending = .stopTag
                break
            }
            if case .end(let name) = token, GoXMLTokenizer.asciiEqualFold(name.local, Array("head".utf8)) {
                ending = .stopTag
                break
            }
            guard case .start(let name, let attributes) = token, GoXMLTokenizer.asciiEqualFold(name.local, Array("meta".utf8)),
                  attributeValue(attributes, "name") == Array("go-import".utf8) else { continue }
            let fields = goFields(attributeValue(attributes, "content"))
            guard fields.count == 3 || (fields.count == 4 && acceptsSubdirectory) else { continue }
            imports.append(GoImportMeta(prefix: fields[0], vcs: fields[1], repoRoot: fields[2], subdirectory: fields.count == 4 ? fields[3] : nil))
        }
        let modPrefixes = Set(imports.filter { $0.vcs == "mod" }.map(\.prefix))
        let ordered = imports.filter { $0.vcs == "mod" } + imports.filter { $0.vcs != "mod" && !modPrefixes.contains($0.prefix) }
        return Page(imports: ordered, error: error, ending: ending)
    }

    /// The tags of an HTML text (its UTF-8 bytes), newest behaviour; for tests and callers
    /// that hold text.
    public static func parse(_ html: String) -> [GoImportMeta] {
        parse(Array(html.utf8)).imports
    }

    /// attrValue: the first attribute whose local name equals `name` ignoring case, or "".
    private static func attributeValue(_ attributes: [(name: GoXMLTokenizer.Name, value: [UInt8])], _ name: String) -> [UInt8] {
        attributes.first { GoXMLTokenizer.asciiEqualFold($0.name.local, Array(name.utf8)) }?.value ?? []
    }

    /// strings.Fields: runs of non-space separated by unicode.IsSpace.
    static func goFields(_ bytes: [UInt8]) -> [String] {
        var fields: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in String(decoding: bytes, as: UTF8.self).unicodeScalars {
            if isGoSpace(scalar) {
                if !current.isEmpty { fields.append(String(current)) }
                current = String.UnicodeScalarView()
            } else {
                current.append(scalar)
            }
        }
        if !current.isEmpty { fields.append(String(current)) }
        return fields
    }

    /// unicode.IsSpace: the Latin-1 spaces, then the White_Space property.
    static func isGoSpace(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: true
        default: false
        }
    }

    /// matchGoImport: the tag whose prefix is a path prefix of `importPath`. A second match is
    /// an error, unless the first is a `mod` tag and the second is not (mod tags come first).
    public static func match(_ imports: [GoImportMeta], importPath: String) -> Result<GoImportMeta, DiscoveryError> {
        var matched: GoImportMeta?
        var mismatches: [String] = []
        for meta in imports {
            guard hasPathPrefix(importPath, meta.prefix) else {
                mismatches.append(meta.prefix)
                continue
            }
            if let previous = matched {
                if previous.vcs == "mod" && meta.vcs != "mod" { break }
                return .failure(DiscoveryError("multiple meta tags match import path \(GoQuote.quote(importPath))"))
            }
            matched = meta
        }
        if let matched { return .success(matched) }
        let text = mismatches.map { "meta tag \($0) did not match import path \(importPath)" }.joined(separator: ", ")
        return .failure(DiscoveryError(text, isMismatch: true))
    }

    /// str.HasPathPrefix, on bytes as Go compares strings.
    static func hasPathPrefix(_ s: String, _ prefix: String) -> Bool {
        let s = Array(s.utf8), prefix = Array(prefix.utf8)
        if s.count == prefix.count { return s == prefix }
        if prefix.isEmpty { return true }
        guard s.count > prefix.count, prefix.last == UInt8(ascii: "/") || s[prefix.count] == UInt8(ascii: "/") else { return false }
        return s[..<prefix.count].elementsEqual(prefix)
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
