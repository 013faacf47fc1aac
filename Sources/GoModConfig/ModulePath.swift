/// Module path and version checks and the case-encoding used in proxy URLs and the module
/// cache (golang.org/x/mod/module module.go).
///
/// Errors are `ConfigInputError`s whose `input` is the checked string and whose `message`
/// is the go command's complete error text (`malformed module path "x": …`).
public enum ModulePath {
    /// module.CheckPath: is `path` a valid module path (dotted first element, allowed
    /// characters, no Windows-reserved elements, a valid /vN suffix)?
    public static func checkPath(_ path: String) throws(ConfigInputError) {
        if let reason = checkPathReason(path) {
            throw ConfigInputError(input: path, message: "malformed module path \(GoModQuoting.quote(path)): \(reason)")
        }
    }

    /// module.CheckImportPath: like `checkPath` for the elements, but with no rule on the
    /// first element or the version suffix, and `+` allowed.
    public static func checkImportPath(_ path: String) throws(ConfigInputError) {
        if let reason = checkPathElements(path, kind: .importPath) {
            throw ConfigInputError(input: path, message: "malformed import path \(GoModQuoting.quote(path)): \(reason)")
        }
    }

    /// module.CheckFilePath: the rules for file names inside module zips.
    public static func checkFilePath(_ path: String) throws(ConfigInputError) {
        if let reason = checkPathElements(path, kind: .filePath) {
            throw ConfigInputError(input: path, message: "malformed file path \(GoModQuoting.quote(path)): \(reason)")
        }
    }

    /// module.EscapePath: `path` with each upper-case letter `X` replaced by `!x`, after
    /// `checkPath`, so that paths are unambiguous on case-insensitive file systems.
    public static func escape(_ path: String) throws(ConfigInputError) -> String {
        try checkPath(path)
        return try escapeString(path, input: path)
    }

    /// module.EscapeVersion: the version's upper-case letters escaped like `escape`.
    public static func escapeVersion(_ v: String) throws(ConfigInputError) -> String {
        if checkPathElement(v, kind: .filePath) != nil || v.contains("!") {
            throw ConfigInputError(input: v, message: "version \(GoModQuoting.quote(v)) invalid: disallowed version string")
        }
        return try escapeString(v, input: v)
    }

    /// module.UnescapePath: the inverse of `escape`; rejects bare upper case, a `!` not
    /// followed by a lower-case letter, and results that fail `checkPath`.
    public static func unescape(_ escaped: String) throws(ConfigInputError) -> String {
        let quoted = GoModQuoting.quote(escaped)
        guard let path = unescapeString(escaped) else {
            throw ConfigInputError(input: escaped, message: "invalid escaped module path \(quoted)")
        }
        if let reason = checkPathReason(path) {
            throw ConfigInputError(
                input: escaped,
                message: "invalid escaped module path \(quoted): malformed module path \(GoModQuoting.quote(path)): \(reason)")
        }
        return path
    }

    /// module.UnescapeVersion: the inverse of `escapeVersion`.
    public static func unescapeVersion(_ escaped: String) throws(ConfigInputError) -> String {
        guard let v = unescapeString(escaped) else {
            throw ConfigInputError(input: escaped, message: "invalid escaped version \(GoModQuoting.quote(escaped))")
        }
        if let reason = checkPathElement(v, kind: .filePath) {
            throw ConfigInputError(input: escaped, message: "invalid escaped version \(GoModQuoting.quote(v)): \(reason)")
        }
        return v
    }

    /// Whether the go command would treat `path` as a standard-library path rather than
    /// something to download: its first element (up to the first `/`) has no dot. The go
    /// command (search.IsStandardImportPath) looks such imports up in GOROOT only, and
    /// module.CheckPath rejects them as module paths ("missing dot in first path element"),
    /// so `corp/lib`, `mycompany/tools` and also `localhost/x` can never be fetched through
    /// GOPROXY or directly; they only work via a `replace … => ./dir` or a dotted host name.
    public static func isPrivateLooking(_ path: String) -> Bool {
        let first = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        return !first.contains(".")
    }

    // MARK: - Internals shared with the go.mod parser

    enum Kind { case modulePath, importPath, filePath }

    /// The inner reason module.CheckPath would give (`missing dot in first path element`),
    /// or nil when `path` is a valid module path.
    static func checkPathReason(_ path: String) -> String? {
        if let reason = checkPathElements(path, kind: .modulePath) { return reason }
        let first = path.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
        if path.hasPrefix("/") { return "leading slash" }
        if !first.contains(".") { return "missing dot in first path element" }
        if path.hasPrefix("-") { return "leading dash in first path element" }
        for r in first.unicodeScalars where !firstPathOK(r) {
            return "invalid char \(GoModQuoting.quoteRune(r)) in first path element"
        }
        if splitPathVersion(path) == nil { return "invalid version" }
        return nil
    }

    /// module.checkPath: the element rules shared by module, import and file paths.
    static func checkPathElements(_ path: String, kind: Kind) -> String? {
        if path.isEmpty { return "empty string" }
        if path.hasPrefix("-") && kind != .filePath { return "leading dash" }
        if path.contains("//") { return "double slash" }
        if path.hasSuffix("/") { return "trailing slash" }
        for elem in path.split(separator: "/", omittingEmptySubsequences: false) {
            if let reason = checkPathElement(Substring(elem), kind: kind) { return reason }
        }
        return nil
    }

    /// module.checkElem.
    static func checkPathElement(_ elem: some StringProtocol, kind: Kind) -> String? {
        let scalars = Array(elem.unicodeScalars)
        if scalars.isEmpty { return "empty path element" }
        if scalars.allSatisfy({ $0 == "." }) { return "invalid path element \(GoModQuoting.quote(String(elem)))" }
        if scalars[0] == "." && kind == .modulePath { return "leading dot in path element" }
        if scalars[scalars.count - 1] == "." { return "trailing dot in path element" }
        for r in scalars {
            let ok: Bool
            switch kind {
            case .modulePath: ok = modPathOK(r)
            case .importPath: ok = modPathOK(r) || r == "+"
            case .filePath: ok = fileNameOK(r)
            }
            if !ok { return "invalid char \(GoModQuoting.quoteRune(r))" }
        }
        let short = String(String.UnicodeScalarView(scalars.prefix { $0 != "." }))
        if badWindowsNames.contains(where: { $0 == asciiUppercased(short) }) {
            return "\(GoModQuoting.quote(short)) disallowed as path element component on Windows"
        }
        if kind == .filePath { return nil }
        let shortScalars = Array(short.unicodeScalars)
        if let tilde = shortScalars.lastIndex(of: "~"), tilde < shortScalars.count - 1,
           shortScalars[(tilde + 1)...].allSatisfy({ ("0"..."9").contains($0) }) {
            return "trailing tilde and digits in path element"
        }
        return nil
    }

    private static let badWindowsNames = [
        "CON", "PRN", "AUX", "NUL", "COM1", "COM2", "COM3", "COM4", "COM5", "COM6", "COM7", "COM8",
        "COM9", "LPT1", "LPT2", "LPT3", "LPT4", "LPT5", "LPT6", "LPT7", "LPT8", "LPT9",
    ]

    private static func asciiUppercased(_ s: String) -> String {
        String(String.UnicodeScalarView(s.unicodeScalars.map { ("a"..."z").contains($0) ? Unicode.Scalar(UInt8($0.value - 32)) : $0 }))
    }

    private static func firstPathOK(_ r: Unicode.Scalar) -> Bool {
        r == "-" || r == "." || ("0"..."9").contains(r) || ("a"..."z").contains(r)
    }

    private static func modPathOK(_ r: Unicode.Scalar) -> Bool {
        r == "-" || r == "." || r == "_" || r == "~" || ("0"..."9").contains(r)
            || ("A"..."Z").contains(r) || ("a"..."z").contains(r)
    }

    private static func fileNameOK(_ r: Unicode.Scalar) -> Bool {
        if r.isASCII {
            return ("0"..."9").contains(r) || ("A"..."Z").contains(r) || ("a"..."z").contains(r)
                || "!#$%&()+,-.=@[]^_{}~ ".unicodeScalars.contains(r)
        }
        switch r.properties.generalCategory {
        case .uppercaseLetter, .lowercaseLetter, .titlecaseLetter, .modifierLetter, .otherLetter: return true
        default: return false
        }
    }

    private static func escapeString(_ s: String, input: String) throws(ConfigInputError) -> String {
        var out = String.UnicodeScalarView()
        for r in s.unicodeScalars {
            if r == "!" || !r.isASCII {
                throw ConfigInputError(input: input, message: "internal error: inconsistency in EscapePath")
            }
            if ("A"..."Z").contains(r) {
                out.append("!")
                out.append(Unicode.Scalar(UInt8(r.value + 32)))
            } else {
                out.append(r)
            }
        }
        return String(out)
    }

    private static func unescapeString(_ escaped: String) -> String? {
        var out = String.UnicodeScalarView()
        var bang = false
        for r in escaped.unicodeScalars {
            guard r.isASCII else { return nil }
            if bang {
                bang = false
                guard ("a"..."z").contains(r) else { return nil }
                out.append(Unicode.Scalar(UInt8(r.value - 32)))
                continue
            }
            if r == "!" { bang = true; continue }
            if ("A"..."Z").contains(r) { return nil }
            out.append(r)
        }
        return bang ? nil : String(out)
    }
}
