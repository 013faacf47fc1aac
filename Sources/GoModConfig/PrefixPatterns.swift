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
        GoStrings.split(globs, ",").compactMap { item in
            let glob = item.utf8.last == UInt8(ascii: "/") ? String(decoding: item.utf8.dropLast(), as: UTF8.self) : item
            return glob.isEmpty ? nil : glob
        }
    }

    /// The first n+1 path elements of `target` for a glob with n slashes, or nil when the
    /// target has fewer elements.
    private static func prefix(of target: String, elementsLike glob: String) -> String? {
        prefix(of: target, slashes: glob.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) })
    }

    /// The first `slashes`+1 path elements of `target`, or nil when it has fewer.
    static func prefix(of target: String, slashes: Int) -> String? {
        var remaining = slashes
        let utf8 = target.utf8
        var index = utf8.startIndex
        while index < utf8.endIndex {
            if utf8[index] == UInt8(ascii: "/") {
                if remaining == 0 { return String(target[..<index]) }
                remaining -= 1
            }
            index = utf8.index(after: index)
        }
        return remaining > 0 ? nil : target
    }
}
