import Foundation
import GoModConfig

/// One file of the GOPROXY protocol for a module (cmd/go/internal/modfetch/proxy.go).
public enum ProxyFile: Sendable, Equatable, Codable, CustomStringConvertible {
    case list
    case latest
    case info(String)
    case mod(String)
    case zip(String)

    /// The version asked for, nil for list and latest.
    public var version: String? {
        switch self {
        case .list, .latest: return nil
        case .info(let v), .mod(let v), .zip(let v): return v
        }
    }

    /// Short name for output: "list", "latest", "info", "mod", "zip".
    public var kind: String {
        switch self {
        case .list: return "list"
        case .latest: return "latest"
        case .info: return "info"
        case .mod: return "mod"
        case .zip: return "zip"
        }
    }

    public var description: String { version.map { "\(kind) \($0)" } ?? kind }

    enum CodingKeys: String, CodingKey { case kind, version }

    /// JSON: `{"kind": "info", "version": "v1.0.0"}` (no version for list and latest).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .kind)
        try container.encodeIfPresent(version, forKey: .version)
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        let kind = try container.decode(String.self, forKey: .kind)
        let version = try container.decodeIfPresent(String.self, forKey: .version) ?? ""
        switch kind {
        case "list": self = .list
        case "latest": self = .latest
        case "info": self = .info(version)
        case "mod": self = .mod(version)
        case "zip": self = .zip(version)
        default:
            throw DecodingError.dataCorruptedError(forKey: .kind, in: container, debugDescription: "unknown proxy file \(kind)")
        }
    }

    /// The path below the module's base: `@v/list`, `@latest`, `@v/<escaped version>.info`.
    public func relativePath() throws(ConfigInputError) -> String {
        switch self {
        case .list: return "@v/list"
        case .latest: return "@latest"
        case .info(let v): return "@v/" + (try ModulePath.escapeVersion(v)) + ".info"
        case .mod(let v): return "@v/" + (try ModulePath.escapeVersion(v)) + ".mod"
        case .zip(let v): return "@v/" + (try ModulePath.escapeVersion(v)) + ".zip"
        }
    }
}
