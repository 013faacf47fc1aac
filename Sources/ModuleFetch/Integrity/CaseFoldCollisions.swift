import GoModConfig

/// Detects zip entries whose names are equal under Unicode case folding (a module that
/// cannot be extracted on a case-insensitive file system), including parent directories.
// golang.org/x/mod/zip/zip.go collisionChecker
struct CaseFoldCollisions {
    private var seen: [String: (path: String, isDirectory: Bool)] = [:]

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
        } else {
            seen[folded] = (path, isDirectory)
        }
        if let slash = path.lastIndex(of: "/") {
            let parent = String(path[..<slash])
            if !parent.isEmpty { return check(parent, isDirectory: true) }
        }
        return nil
    }

    /// A canonical case-folded form. Go's strToFold uses unicode.SimpleFold orbits; per-scalar
    /// upper-then-lower case mapping agrees for the scripts module paths use.
    static func fold(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 && !($0 >= 0x41 && $0 <= 0x5A) }) { return text }
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            let upper = scalar.properties.uppercaseMapping
            let lower = upper.unicodeScalars.count == 1 ? upper.lowercased() : String(scalar)
            out.append(contentsOf: (lower.unicodeScalars.count == 1 ? lower : String(scalar)).unicodeScalars)
        }
        return String(out)
    }
}
