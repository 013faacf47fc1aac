/// GOFLAGS as the go command reads it: space-separated `-flag` / `-flag=value` words, checked
/// against the flags some go command defines. The settings that change module downloads are
/// pulled out (`-mod`, `-modcacherw`, `-insecure`).
public struct GoFlags: Sendable, Equatable, Codable {
    public var flags: [GoFlag]
    /// Value of the last `-mod=` (`readonly`, `vendor`, `mod`), nil if absent.
    public var mod: String?
    /// Value of the last `-modfile=` (an alternate go.mod), nil if absent.
    public var modfile: String?
    /// `-modcacherw` (last one wins).
    public var modcacherw: Bool
    /// `-insecure` given: Go 1.19's `go get` then stops with
    /// `-insecure flag is no longer supported; use GOINSECURE instead`.
    public var insecure: Bool

    public init(flags: [GoFlag] = [], mod: String? = nil, modfile: String? = nil, modcacherw: Bool = false,
                insecure: Bool = false) {
        self.flags = flags
        self.mod = mod
        self.modfile = modfile
        self.modcacherw = modcacherw
        self.insecure = insecure
    }

    /// - Throws: `ConfigInputError(input: "GOFLAGS")` with the go command's text minus its
    ///   `go: ` prefix: `parsing $GOFLAGS: non-flag "x"`, `parsing $GOFLAGS: unknown flag -x`,
    ///   `flag needs an argument: -mod (from $GOFLAGS)`,
    ///   `invalid boolean value "x" for flag -modcacherw (from $GOFLAGS): parse error`,
    ///   `-mod=x not supported (can be '', 'mod', 'readonly', or 'vendor')`.
    // cmd/go/internal/base/goflags.go InitGOFLAGS, SetFromGOFLAGS; cmd/go/internal/work/init.go (-mod values)
    public static func parse(_ text: String) throws(ConfigInputError) -> GoFlags {
        let words = GoStrings.fields(text)
        for word in words {
            if !word.hasPrefix("-") || word == "-" || word == "--" || word.hasPrefix("---")
                || word.hasPrefix("-=") || word.hasPrefix("--=") {
                throw error("parsing $GOFLAGS: non-flag \(GoQuote.quote(word))")
            }
            let name = flagName(word)
            if !GoFlagNames.known.contains(name) {
                throw error("parsing $GOFLAGS: unknown flag -\(name)")
            }
        }
        var result = GoFlags()
        for word in words {
            let (written, value) = GoURL.cut(word, "=")
            let dashed = written.hasPrefix("--") ? String(written.dropFirst()) : written
            let name = String(dashed.dropFirst())
            result.flags.append(GoFlag(name: name, value: value))
            switch name {
            case "mod", "modfile":
                guard let value else { throw error("flag needs an argument: \(dashed) (from $GOFLAGS)") }
                if name == "mod" { result.mod = value } else { result.modfile = value }
            case "modcacherw":
                result.modcacherw = try boolean(value, flag: dashed)
            case "insecure":
                result.insecure = try boolean(value, flag: dashed)
            default:
                break
            }
        }
        if let mod = result.mod, !["", "readonly", "vendor", "mod"].contains(mod) {
            throw error("-mod=\(mod) not supported (can be '', 'mod', 'readonly', or 'vendor')")
        }
        return result
    }

    /// The flag name as InitGOFLAGS extracts it: one or two leading dashes and any `=value`
    /// removed.
    private static func flagName(_ word: String) -> String {
        var name = Substring(word.dropFirst())
        if name.hasPrefix("-") { name = name.dropFirst() }
        return String(GoURL.cut(String(name), "=").0)
    }

    /// `flag.boolValue.Set` (strconv.ParseBool); no value means true.
    private static func boolean(_ value: String?, flag: String) throws(ConfigInputError) -> Bool {
        guard let value else { return true }
        switch value {
        case "1", "t", "T", "TRUE", "true", "True": return true
        case "0", "f", "F", "FALSE", "false", "False": return false
        default:
            throw error("invalid boolean value \(GoQuote.quote(value)) for flag \(flag) (from $GOFLAGS): parse error")
        }
    }

    private static func error(_ message: String) -> ConfigInputError {
        ConfigInputError(input: "GOFLAGS", message: message)
    }
}
