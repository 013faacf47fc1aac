/// Major-version suffixes of module paths (`/v2`, `gopkg.in/yaml.v3`) and whether a
/// version fits them (golang.org/x/mod/module SplitPathVersion, CheckPathMajor).
extension ModulePath {
    /// module.SplitPathVersion: `(prefix, pathMajor)` with `pathMajor` `""`, `/vN` or
    /// `.vN[-unstable]` (gopkg.in); nil where Go returns ok == false (`/v0`, `/v1`, `/v2.0`…).
    public static func splitPathVersion(_ path: String) -> (prefix: String, pathMajor: String)? {
        let b = Array(path.utf8)
        if path.hasPrefix("gopkg.in/") { return splitGopkgIn(b) }
        var i = b.count
        var dot = false
        while i > 0 && (isDigit(b[i - 1]) || b[i - 1] == UInt8(ascii: ".")) {
            if b[i - 1] == UInt8(ascii: ".") { dot = true }
            i -= 1
        }
        if i <= 1 || i == b.count || b[i - 1] != UInt8(ascii: "v") || b[i - 2] != UInt8(ascii: "/") {
            return (path, "")
        }
        let prefix = string(b[..<(i - 2)])
        let pathMajor = string(b[(i - 2)...])
        let major = Array(pathMajor.utf8)
        if dot || major.count <= 2 || major[2] == UInt8(ascii: "0") || pathMajor == "/v1" {
            return nil
        }
        return (prefix, pathMajor)
    }

    private static func splitGopkgIn(_ b: [UInt8]) -> (prefix: String, pathMajor: String)? {
        var i = b.count
        if string(b[...]).hasSuffix("-unstable") { i -= "-unstable".utf8.count }
        while i > 0 && isDigit(b[i - 1]) { i -= 1 }
        if i <= 1 || b[i - 1] != UInt8(ascii: "v") || b[i - 2] != UInt8(ascii: ".") { return nil }
        let pathMajor = string(b[(i - 2)...])
        let major = Array(pathMajor.utf8)
        if major.count <= 2 || major[2] == UInt8(ascii: "0") && pathMajor != ".v0" { return nil }
        return (string(b[..<(i - 2)]), pathMajor)
    }

    private static func isDigit(_ c: UInt8) -> Bool { c >= 0x30 && c <= 0x39 }

    private static func string(_ bytes: ArraySlice<UInt8>) -> String {
        String(decoding: bytes, as: UTF8.self)
    }

    /// module.CheckPathMajor: nil when version `v` is allowed for a path with `pathMajor`,
    /// else Go's complete error text (`version "v1.0.0" invalid: should be v2, not v1`).
    public static func checkPathMajor(_ v: String, pathMajor: String) -> String? {
        pathMajorMismatch(v, pathMajor: pathMajor).map { "version \(GoModQuoting.quote(v)) invalid: \($0)" }
    }

    /// The reason inside CheckPathMajor's InvalidVersionError (`should be v2, not v1`).
    static func pathMajorMismatch(_ v: String, pathMajor: String) -> String? {
        var pathMajor = pathMajor
        if pathMajor.hasPrefix(".v") && pathMajor.hasSuffix("-unstable") {
            pathMajor = String(pathMajor.dropLast("-unstable".count))
        }
        if v.hasPrefix("v0.0.0-") && pathMajor == ".v1" { return nil }
        let m = Semver.major(v)
        var want: String
        if pathMajor.isEmpty {
            if m == "v0" || m == "v1" || Semver.build(v) == "+incompatible" { return nil }
            want = "v0 or v1"
        } else {
            want = pathMajor
            if pathMajor.hasPrefix("/") || pathMajor.hasPrefix(".") {
                want = String(pathMajor.dropFirst())
                if m == want { return nil }
            }
        }
        return "should be \(want), not \(m)"
    }

    /// module.Check: `path` is a valid module path and `version` a semantic version that
    /// fits its major-version suffix; errors read `path@version: invalid version: …`.
    public static func check(path: String, version: String) throws(ConfigInputError) {
        try checkPath(path)
        let input = "\(path)@\(version)"
        guard Semver.isValid(version) else {
            throw ConfigInputError(input: input, message: "\(input): invalid version: not a semantic version")
        }
        let pathMajor = splitPathVersion(path)?.pathMajor ?? ""
        if let reason = pathMajorMismatch(version, pathMajor: pathMajor) {
            throw ConfigInputError(input: input, message: "\(input): invalid version: \(reason)")
        }
    }

    /// module.MatchPathMajor.
    public static func matchPathMajor(_ v: String, pathMajor: String) -> Bool {
        checkPathMajor(v, pathMajor: pathMajor) == nil
    }

    /// module.CanonicalVersion: `Semver.canonical` that keeps a `+incompatible` suffix.
    public static func canonicalVersion(_ v: String) -> String {
        let cv = Semver.canonical(v)
        return Semver.build(v) == "+incompatible" ? cv + "+incompatible" : cv
    }
}
