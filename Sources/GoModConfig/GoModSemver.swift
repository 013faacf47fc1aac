/// Semantic versions the way the go command reads them (golang.org/x/mod/semver): always a
/// leading `v`, and `v1` / `v1.2` accepted as shorthands for `v1.0.0` / `v1.2.0`.
///
/// Every function is total: an invalid version is never an error, it is `""` (or sorts
/// below every valid version in `compare`), exactly as in Go, so callers can feed in
/// untrusted text from go.mod files, proxies and go.sum.
public enum Semver {
    /// The pieces of a parsed version; all ASCII, so byte offsets are character offsets.
    private struct Parsed {
        var major = ""
        var minor = ""
        var patch = ""
        var short = ""
        var prerelease = ""
        var build = ""
    }

    /// Whether `v` is a valid semantic version (with or without the shorthand forms).
    public static func isValid(_ v: String) -> Bool {
        parse(v) != nil
    }

    /// `v` in canonical `vMAJOR.MINOR.PATCH[-PRERELEASE]` form: the build suffix is
    /// dropped and shorthands are expanded; `""` when `v` is invalid.
    public static func canonical(_ v: String) -> String {
        guard let p = parse(v) else { return "" }
        if !p.build.isEmpty { return String(v.dropLast(p.build.count)) }
        if !p.short.isEmpty { return v + p.short }
        return v
    }

    /// The major version prefix (`v2` for `v2.1.0`), or `""` when invalid.
    public static func major(_ v: String) -> String {
        guard let p = parse(v) else { return "" }
        return "v" + p.major
    }

    /// The `vMAJOR.MINOR` prefix, or `""` when invalid.
    public static func majorMinor(_ v: String) -> String {
        guard let p = parse(v) else { return "" }
        return "v" + p.major + "." + p.minor
    }

    /// The prerelease suffix including its `-`, or `""`.
    public static func prerelease(_ v: String) -> String {
        parse(v)?.prerelease ?? ""
    }

    /// The build suffix including its `+`, or `""`.
    public static func build(_ v: String) -> String {
        parse(v)?.build ?? ""
    }

    /// -1, 0 or +1 as `v` is less than, equal to or greater than `w`. An invalid version
    /// is less than every valid one and equal to every other invalid one; build suffixes
    /// are ignored.
    public static func compare(_ v: String, _ w: String) -> Int {
        let pv = parse(v)
        let pw = parse(w)
        switch (pv, pw) {
        case (nil, nil): return 0
        case (nil, _): return -1
        case (_, nil): return 1
        case let (a?, b?):
            for (x, y) in [(a.major, b.major), (a.minor, b.minor), (a.patch, b.patch)] {
                let c = compareInt(x, y)
                if c != 0 { return c }
            }
            return comparePrerelease(a.prerelease, b.prerelease)
        }
    }

    // MARK: - Parsing (a direct port of semver.go's parse)

    private static func parse(_ text: String) -> Parsed? {
        var v = Substring(text)
        guard v.first == "v" else { return nil }
        v = v.dropFirst()
        var p = Parsed()
        guard let major = parseInt(&v) else { return nil }
        p.major = major
        if v.isEmpty {
            p.minor = "0"; p.patch = "0"; p.short = ".0.0"
            return p
        }
        guard v.first == "." else { return nil }
        v = v.dropFirst()
        guard let minor = parseInt(&v) else { return nil }
        p.minor = minor
        if v.isEmpty {
            p.patch = "0"; p.short = ".0"
            return p
        }
        guard v.first == "." else { return nil }
        v = v.dropFirst()
        guard let patch = parseInt(&v) else { return nil }
        p.patch = patch
        if v.first == "-" {
            guard let pre = parseDottedSuffix(&v, prerelease: true) else { return nil }
            p.prerelease = pre
        }
        if v.first == "+" {
            guard let build = parseDottedSuffix(&v, prerelease: false) else { return nil }
            p.build = build
        }
        return v.isEmpty ? p : nil
    }

    private static func isDigit(_ c: Character) -> Bool {
        c >= "0" && c <= "9" && c.isASCII
    }

    /// A decimal number without leading zeros, consumed from the front of `v`.
    private static func parseInt(_ v: inout Substring) -> String? {
        guard let first = v.first, isDigit(first) else { return nil }
        let digits = v.prefix(while: isDigit)
        if first == "0" && digits.count != 1 { return nil }
        v = v.dropFirst(digits.count)
        return String(digits)
    }

    /// `-ident.ident…` (prerelease, up to a `+`) or `+ident.ident…` (build, to the end).
    /// Identifiers are `[0-9A-Za-z-]+`; prerelease numeric identifiers have no leading zero.
    private static func parseDottedSuffix(_ v: inout Substring, prerelease: Bool) -> String? {
        let body = prerelease ? v.dropFirst().prefix { $0 != "+" } : v.dropFirst()
        let idents = body.split(separator: ".", omittingEmptySubsequences: false)
        for ident in idents {
            guard !ident.isEmpty, ident.allSatisfy(isIdentChar) else { return nil }
            if prerelease && isBadNum(ident) { return nil }
        }
        let taken = 1 + body.count
        let result = String(v.prefix(taken))
        v = v.dropFirst(taken)
        return result
    }

    private static func isIdentChar(_ c: Character) -> Bool {
        c.isASCII && (c.isLetter || c.isNumber || c == "-")
    }

    private static func isNum(_ s: Substring) -> Bool {
        s.allSatisfy(isDigit)
    }

    private static func isBadNum(_ s: Substring) -> Bool {
        isNum(s) && s.count > 1 && s.first == "0"
    }

    private static func compareInt(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        if x.count != y.count { return x.count < y.count ? -1 : 1 }
        return x < y ? -1 : 1
    }

    private static func comparePrerelease(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        if x.isEmpty { return 1 }
        if y.isEmpty { return -1 }
        let xs = x.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        let ys = y.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        for (dx, dy) in zip(xs, ys) where dx != dy {
            let ix = isNum(dx)
            let iy = isNum(dy)
            if ix != iy { return ix ? -1 : 1 }
            if ix && dx.count != dy.count { return dx.count < dy.count ? -1 : 1 }
            return dx < dy ? -1 : 1
        }
        return xs.count < ys.count ? -1 : 1
    }
}
