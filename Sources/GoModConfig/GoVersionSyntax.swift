/// Go's toolchain-version syntax (`internal/gover`): `1`, `1.21`, `1.21.3`, `1.21rc1`,
/// `1.22beta2`. Used to tell a valid GOTOOLCHAIN name from a typo the way Go 1.21+ does.
/// Follows current Go, which also accepts a pre-release after a patch (`1.2.3rc1`); Go 1.21
/// rejected that form, which no released toolchain uses.
enum GoVersionSyntax {
    /// `gover.IsValid`.
    // internal/gover/gover.go Parse, cutInt
    static func isValid(_ version: String) -> Bool {
        var rest = Substring(version)
        guard cutInt(&rest) else { return false }
        if rest.isEmpty { return true }
        guard rest.first == "." else { return false }
        rest = rest.dropFirst()
        guard cutInt(&rest) else { return false }
        if rest.isEmpty { return true }
        if rest.first == "." {
            rest = rest.dropFirst()
            guard cutInt(&rest) else { return false }
            return rest.isEmpty || isPreRelease(rest)
        }
        return isPreRelease(rest)
    }

    /// `parsePreRelease`: lower-case letters, then an optional number (`rc1`, `beta`).
    private static func isPreRelease(_ text: Substring) -> Bool {
        var rest = text
        let kind = rest.prefix { !("0"..."9").contains($0) }
        guard !kind.isEmpty, kind.allSatisfy({ ("a"..."z").contains($0) }) else { return false }
        rest = rest.dropFirst(kind.count)
        if rest.isEmpty { return true }
        return cutInt(&rest) && rest.isEmpty
    }

    /// `gover.FromToolchain`: the version in `go1.21.3`, `go1.21.3-bigcorp`; nil if none.
    // cmd/go/internal/gover/toolchain.go FromToolchain
    static func fromToolchain(_ name: String) -> String? {
        guard name.hasPrefix("go") else { return nil }
        var version = Substring(name.dropFirst(2))
        if let cut = version.firstIndex(where: { $0 == " " || $0 == "\t" || $0 == "-" }) {
            version = version[..<cut]
        }
        return isValid(String(version)) ? String(version) : nil
    }

    /// Leading decimal number without leading zeros (a lone `0` is fine).
    private static func cutInt(_ text: inout Substring) -> Bool {
        let digits = text.prefix { ("0"..."9").contains($0) }
        if digits.isEmpty || (digits.first == "0" && digits.count != 1) { return false }
        text = text.dropFirst(digits.count)
        return true
    }
}
