/// GO111MODULE: whether the go command runs in module mode.
public enum ModuleMode: String, Sendable, Codable {
    case on, off, auto

    /// "" means `on` (Go ≥ 1.16).
    /// - Throws: `ConfigInputError(input: "GO111MODULE")`:
    ///   `go: unknown environment setting GO111MODULE=<value>`.
    // cmd/go/internal/modload/init.go Init
    public static func parse(_ text: String) throws(ConfigInputError) -> ModuleMode {
        switch text {
        case "", "on": return .on
        case "off": return .off
        case "auto": return .auto
        default:
            throw ConfigInputError(input: "GO111MODULE", message: "go: unknown environment setting GO111MODULE=\(text)")
        }
    }
}
