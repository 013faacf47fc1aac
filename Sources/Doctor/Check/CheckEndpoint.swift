import Foundation
import GoModConfig

/// One endpoint the go command would talk to during `go mod download`, with why (its roles)
/// and which modules depend on it. `check` probes each endpoint once, however many roles or
/// modules share it.
public struct CheckEndpoint: Sendable, Equatable, Codable {
    public enum Role: String, Sendable, Codable, CaseIterable {
        /// A GOPROXY entry.
        case proxy
        /// A URL on the checksum database's route (`<proxy>/sumdb/<name>/supported` or the database).
        case checksumDatabase = "checksum-database"
        /// The origin host of a module fetched `direct` (go-get discovery, then the VCS).
        case direct
        /// A source of the golang.org/toolchain download.
        case toolchain
        /// The HTTPS_PROXY every HTTPS request goes through.
        case httpsProxy = "https-proxy"
    }

    public var target: EndpointTarget
    /// Distinct, in the order first seen.
    public var roles: [Role]
    /// `path@version` of each module whose download may contact this endpoint; distinct, sorted.
    public var modules: [String]

    public init(target: EndpointTarget, roles: [Role], modules: [String]) {
        self.target = target
        self.roles = roles
        self.modules = modules
    }

    /// The identity used for dedup: scheme, host (lowercased) and port.
    public var key: String { "\(target.scheme.rawValue)://\(target.hostPort.lowercased())" }
}
