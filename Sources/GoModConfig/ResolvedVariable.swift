/// Where a configuration value came from, in the go command's order of precedence.
public enum ValueSource: String, Sendable, Codable, Equatable {
    /// The process environment (non-empty values only count, as in cfg.Getenv).
    case environment
    /// The user's GOENV file (`go env -w`).
    case goenvFile = "goenv-file"
    /// `$GOROOT/go.env`, shipped with Go 1.21 and later.
    case gorootGoEnv = "goroot-go.env"
    /// Computed from another variable (GONOPROXY from GOPRIVATE, GOMODCACHE from GOPATH).
    case derived
    /// The go command's built-in default.
    case defaultValue = "default"
    /// Not set anywhere and no default.
    case unset
}

/// A value set at a lower precedence level that the effective value hides — the classic
/// "I ran `go env -w GOPROXY=…` and nothing changed" (because the shell exports GOPROXY).
public struct ShadowedValue: Sendable, Equatable, Codable {
    public var source: ValueSource
    public var value: String
    public var origin: String?

    public init(source: ValueSource, value: String, origin: String?) {
        self.source = source
        self.value = value
        self.origin = origin
    }

    enum CodingKeys: String, CodingKey { case source, value, origin }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(source, forKey: .source)
        try container.encode(SecretRedactor.redact(value), forKey: .value)
        try container.encodeIfPresent(origin, forKey: .origin)
    }
}

/// One resolved variable with its provenance. `value` is the raw value the go command would
/// use; encoding writes it redacted, so JSON output never carries credentials.
public struct ResolvedVariable: Sendable, Equatable, Codable {
    public var name: String
    public var value: String
    public var source: ValueSource
    /// Where exactly: "/home/u/.config/go/env:3", "$GOROOT/go.env:5", "GOPRIVATE", "https_proxy".
    public var origin: String?
    public var shadowed: [ShadowedValue]
    /// False when the installed go command does not know this variable (GOTOOLCHAIN before
    /// Go 1.21, GOAUTH before 1.24): it is shown, but the go command ignores it.
    public var supported: Bool

    public init(name: String, value: String, source: ValueSource, origin: String? = nil,
                shadowed: [ShadowedValue] = [], supported: Bool = true) {
        self.name = name
        self.value = value
        self.source = source
        self.origin = origin
        self.shadowed = shadowed
        self.supported = supported
    }

    /// The value with credentials removed, for anything a person or a file will see.
    public var displayValue: String { SecretRedactor.redactValue(value, of: name) }

    enum CodingKeys: String, CodingKey { case name, value, source, origin, shadowed, supported }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(displayValue, forKey: .value)
        try container.encode(source, forKey: .source)
        try container.encodeIfPresent(origin, forKey: .origin)
        // Shadowed values are shown under this variable's rule too (GOAUTH arguments).
        let shownShadowed = shadowed.map { layer -> ShadowedValue in
            var shown = layer
            shown.value = SecretRedactor.redactValue(layer.value, of: name)
            return shown
        }
        try container.encode(shownShadowed, forKey: .shadowed)
        try container.encode(supported, forKey: .supported)
    }
}
