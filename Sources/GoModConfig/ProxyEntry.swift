/// One entry of the GOPROXY list after the go command's normalisation.
///
/// `noproxy` is the pseudo-entry the go command prepends when GONOPROXY is set (it fetches
/// directly the modules that match GONOPROXY and answers "not found" for the rest).
/// `url` carries the full URL, with `https://` already added to a bare `host/path`.
public enum ProxyEntry: Sendable, Equatable, Codable {
    case noproxy, direct, off, url(String)

    /// The entry as the go command spells it in messages (`noproxy`, `direct`, `off`, URL).
    public var text: String {
        switch self {
        case .noproxy: return "noproxy"
        case .direct: return "direct"
        case .off: return "off"
        case .url(let url): return url
        }
    }

    /// Encoded as one string ("direct", "off", "noproxy" or the URL), with credentials redacted:
    /// JSON output never carries a proxy password. Decoding a redacted URL keeps it redacted.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(SecretRedactor.redact(text))
    }

    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        switch text {
        case "noproxy": self = .noproxy
        case "direct": self = .direct
        case "off": self = .off
        default: self = .url(text)
        }
    }
}
