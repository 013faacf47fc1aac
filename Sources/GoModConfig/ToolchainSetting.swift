/// GOTOOLCHAIN (Go 1.21+): which go toolchain runs, and whether a newer one may be fetched
/// (as module `golang.org/toolchain` through GOPROXY, checked against the sumdb) or must be
/// found in PATH.
public enum ToolchainSetting: Sendable, Equatable, Codable {
    /// Always the installed toolchain; never downloads.
    case local
    /// `local+auto`: switch to a newer toolchain when go.mod asks, downloading it.
    case auto
    /// `local+path`: switch when go.mod asks, but only to a toolchain found in PATH.
    case path
    /// A named minimum toolchain (`go1.21.3`), optionally with
    /// `+auto` / `+path`. Without a suffix no switching beyond that toolchain happens.
    case named(String, fallback: Fallback?)

    public enum Fallback: String, Sendable, Codable { case auto, path }

    /// - Parameter text: the effective value; "" (no go.env default) behaves as `local`.
    /// - Throws: `ConfigInputError(input: "GOTOOLCHAIN")`: `invalid GOTOOLCHAIN "x"`,
    ///   `invalid GOTOOLCHAIN "x+auto": invalid minimum toolchain "x"`,
    ///   `invalid GOTOOLCHAIN "go1.21+y": only version suffixes are +auto and +path`.
    // cmd/go/internal/toolchain/select.go Select (Go 1.21+)
    public static func parse(_ text: String) throws(ConfigInputError) -> ToolchainSetting {
        switch text {
        case "", "local": return .local
        case "auto": return .auto
        case "path": return .path
        default: break
        }
        let (minimum, suffix) = GoURL.cut(text, "+")
        let quoted = GoQuote.quote(text)
        if minimum != "local" && GoVersionSyntax.fromToolchain(minimum) == nil {
            if suffix != nil {
                throw invalid("invalid GOTOOLCHAIN \(quoted): invalid minimum toolchain \(GoQuote.quote(minimum))")
            }
            throw invalid("invalid GOTOOLCHAIN \(quoted)")
        }
        var fallback: Fallback?
        if let suffix {
            guard let known = Fallback(rawValue: suffix) else {
                throw invalid("invalid GOTOOLCHAIN \(quoted): only version suffixes are +auto and +path")
            }
            fallback = known
        }
        // Select's final sanity check before running a named toolchain.
        if minimum != "local" && !minimum.hasPrefix("go1") && !minimum.contains("-go1") {
            throw invalid("invalid GOTOOLCHAIN \(GoQuote.quote(minimum))")
        }
        if minimum == "local" {
            switch fallback {
            case nil: return .local
            case .auto: return .auto
            case .path: return .path
            }
        }
        return .named(minimum, fallback: fallback)
    }

    /// The module version the go command downloads for a named toolchain on a platform:
    /// `v0.0.1-go1.21.3.linux-amd64` of module `golang.org/toolchain`.
    // cmd/go/internal/toolchain/select.go Exec
    public static func downloadVersion(toolchain: String, goos: String, goarch: String) -> String {
        "v0.0.1-\(toolchain).\(goos)-\(goarch)"
    }

    private static func invalid(_ message: String) -> ConfigInputError {
        ConfigInputError(input: "GOTOOLCHAIN", message: message)
    }
}
