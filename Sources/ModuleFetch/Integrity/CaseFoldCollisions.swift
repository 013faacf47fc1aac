import GoModConfig

/// Detects zip entries whose names are equal under Unicode case folding (a module that
/// cannot be extracted on a case-insensitive file system), including parent directories.
// golang.org/x/mod/zip/zip.go collisionChecker
struct CaseFoldCollisions {
    /// By folded name: the entry as first seen, and whether every parent of that directory was
    /// checked without an error (then checking them again cannot find one).
    private var seen: [String: (path: String, isDirectory: Bool, parentsClean: Bool)] = [:]

    /// The reason `path` collides with an earlier entry, or nil.
    mutating func check(_ path: String, isDirectory: Bool) -> String? {
        let folded = Self.fold(path)
        if let other = seen[folded] {
            if path != other.path {
                return "case-insensitive file name collision: \(GoQuote.quote(other.path)) and \(GoQuote.quote(path))"
            }
            if isDirectory != other.isDirectory {
                return "entry \(GoQuote.quote(path)) is both a file and a directory"
            }
            if !isDirectory {
                return "multiple entries for file \(GoQuote.quote(path))"
            }
            // The same directory again. x/mod checks its parents again every time; when they were
            // clean the first time they still are, so that walk is skipped: repeated, it made each
            // entry cost its depth times its length (a fuzzed 842-byte path took 0.4 s in the
            // instrumented build; many files in one deep directory, far more).
            if other.parentsClean { return nil }
        } else {
            seen[folded] = (path, isDirectory, false)
        }
        // path.Dir: up to the last slash byte, as Go cuts it. Not by Character: a slash after a
        // prepended mark (U+0600) is no Character of its own, and walking grapheme clusters at
        // every level cost time besides.
        var parentError: String?
        if let slash = path.utf8.lastIndex(of: UInt8(ascii: "/")) {
            let parent = String(decoding: path.utf8[..<slash], as: UTF8.self)
            if !parent.isEmpty { parentError = check(parent, isDirectory: true) }
        }
        if parentError == nil { seen[folded]?.parentsClean = true }
        return parentError
    }

    /// A canonical case-folded form. Go's strToFold uses unicode.SimpleFold orbits; per-scalar
    /// upper-then-lower case mapping agrees for the scripts module paths use.
    /// ASCII (nearly every module path) folds byte by byte; only other scalars go through the
    /// Unicode case mappings, which allocate per scalar (a deep path of capitals cost 5 ms a
    /// level in the instrumented build).
    static func fold(_ text: String) -> String {
        let isUpper: (UInt8) -> Bool = { $0 >= 0x41 && $0 <= 0x5A }
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            guard text.utf8.contains(where: isUpper) else { return text }
            return String(decoding: text.utf8.map { isUpper($0) ? $0 + 0x20 : $0 }, as: UTF8.self)
        }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.isASCII, let byte = UInt8(exactly: scalar.value) {
                out.append(Unicode.Scalar(isUpper(byte) ? byte + 0x20 : byte))
                continue
            }
            let upper = scalar.properties.uppercaseMapping
            let lower = upper.unicodeScalars.count == 1 ? upper.lowercased() : String(scalar)
            out.append(contentsOf: (lower.unicodeScalars.count == 1 ? lower : String(scalar)).unicodeScalars)
        }
        return String(out)
    }
}
