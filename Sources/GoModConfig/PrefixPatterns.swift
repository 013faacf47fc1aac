/// Go's `module.MatchPrefixPatterns`: the comma-separated glob lists of GOPRIVATE,
/// GONOPROXY, GONOSUMDB and GOINSECURE, matched against a module path's leading elements.
public enum PrefixPatterns {
    /// Whether any glob in `globs` matches a prefix of `target` with as many path elements
    /// as the glob has. Globs are not space-trimmed; one trailing `/` is dropped; empty globs
    /// are skipped; a malformed glob never matches.
    // golang.org/x/mod/module/module.go MatchPrefixPatterns
    public static func match(_ globs: String, _ target: String) -> Bool {
        globList(globs).contains { glob in
            guard let prefix = prefix(of: target, elementsLike: glob) else { return false }
            return PathMatch.match(glob, prefix) == true
        }
    }

    /// The globs of the list that `path.Match` rejects as malformed; the go command ignores
    /// them silently, which is worth telling the user.
    public static func malformedGlobs(_ globs: String) -> [String] {
        globList(globs).filter { PathMatch.match($0, "") == nil }
    }

    /// The non-empty globs, each with one trailing `/` removed.
    static func globList(_ globs: String) -> [String] {
        globs.split(separator: ",", omittingEmptySubsequences: false).compactMap { item in
            let glob = item.hasSuffix("/") ? String(item.dropLast()) : String(item)
            return glob.isEmpty ? nil : glob
        }
    }

    /// The first n+1 path elements of `target` for a glob with n slashes, or nil when the
    /// target has fewer elements.
    private static func prefix(of target: String, elementsLike glob: String) -> String? {
        var slashes = glob.utf8.filter { $0 == UInt8(ascii: "/") }.count
        let bytes = Array(target.utf8)
        for (index, byte) in bytes.enumerated() where byte == UInt8(ascii: "/") {
            if slashes == 0 { return String(decoding: bytes[..<index], as: UTF8.self) }
            slashes -= 1
        }
        return slashes > 0 ? nil : target
    }
}
