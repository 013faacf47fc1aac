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

    // MARK: - Parsing (a direct port of semver.go's parse, on UTF-8 bytes)

    private static func parse(_ text: String) -> Parsed? {
        let v = Array(text.utf8)
        guard v.first == UInt8(ascii: "v") else { return nil }
        var i = 1
        var p = Parsed()
        guard let major = parseInt(v, &i) else { return nil }
        p.major = major
        if i == v.count {
            p.minor = "0"; p.patch = "0"; p.short = ".0.0"
            return p
        }
        guard v[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        guard let minor = parseInt(v, &i) else { return nil }
        p.minor = minor
        if i == v.count {
            p.patch = "0"; p.short = ".0"
            return p
        }
        guard v[i] == UInt8(ascii: ".") else { return nil }
        i += 1
        guard let patch = parseInt(v, &i) else { return nil }
        p.patch = patch
        if i < v.count && v[i] == UInt8(ascii: "-") {
            guard let pre = parseDottedSuffix(v, &i, prerelease: true) else { return nil }
            p.prerelease = pre
        }
        if i < v.count && v[i] == UInt8(ascii: "+") {
            guard let build = parseDottedSuffix(v, &i, prerelease: false) else { return nil }
            p.build = build
        }
        return i == v.count ? p : nil
    }

    private static func isDigit(_ c: UInt8) -> Bool {
        c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9")
    }

    /// A decimal number without leading zeros, starting at `i`.
    private static func parseInt(_ v: [UInt8], _ i: inout Int) -> String? {
        let start = i
        while i < v.count && isDigit(v[i]) { i += 1 }
        if i == start || v[start] == UInt8(ascii: "0") && i - start != 1 { return nil }
        return String(decoding: v[start..<i], as: UTF8.self)
    }

    /// `-ident.ident…` (prerelease, up to a `+`) or `+ident.ident…` (build, to the end).
    /// Identifiers are `[0-9A-Za-z-]+`; prerelease numeric identifiers have no leading zero.
    private static func parseDottedSuffix(_ v: [UInt8], _ i: inout Int, prerelease: Bool) -> String? {
        let start = i
        var j = i + 1
        var identStart = j
        while j < v.count && !(prerelease && v[j] == UInt8(ascii: "+")) {
            let c = v[j]
            if c == UInt8(ascii: ".") {
                if identStart == j || prerelease && isBadNum(v[identStart..<j]) { return nil }
                identStart = j + 1
            } else if !isIdentChar(c) {
                return nil
            }
            j += 1
        }
        if identStart == j || prerelease && isBadNum(v[identStart..<j]) { return nil }
        i = j
        return String(decoding: v[start..<j], as: UTF8.self)
    }

    private static func isIdentChar(_ c: UInt8) -> Bool {
        isDigit(c) || (c >= UInt8(ascii: "a") && c <= UInt8(ascii: "z"))
            || (c >= UInt8(ascii: "A") && c <= UInt8(ascii: "Z")) || c == UInt8(ascii: "-")
    }

    private static func isNum(_ s: some Collection<UInt8>) -> Bool {
        s.allSatisfy(isDigit)
    }

    private static func isBadNum(_ s: ArraySlice<UInt8>) -> Bool {
        isNum(s) && s.count > 1 && s.first == UInt8(ascii: "0")
    }

    private static func compareInt(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        if x.utf8.count != y.utf8.count { return x.utf8.count < y.utf8.count ? -1 : 1 }
        return x.utf8.lexicographicallyPrecedes(y.utf8) ? -1 : 1
    }

    private static func comparePrerelease(_ x: String, _ y: String) -> Int {
        if x == y { return 0 }
        if x.isEmpty { return 1 }
        if y.isEmpty { return -1 }
        let xs = x.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        let ys = y.dropFirst().split(separator: ".", omittingEmptySubsequences: false)
        for (dx, dy) in zip(xs, ys) where dx != dy {
            let ix = isNum(dx.utf8)
            let iy = isNum(dy.utf8)
            if ix != iy { return ix ? -1 : 1 }
            if ix && dx.utf8.count != dy.utf8.count { return dx.utf8.count < dy.utf8.count ? -1 : 1 }
            return dx.utf8.lexicographicallyPrecedes(dy.utf8) ? -1 : 1
        }
        return xs.count < ys.count ? -1 : 1
    }
}
