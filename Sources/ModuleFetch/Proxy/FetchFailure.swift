import Foundation
import NetProbes

/// Why one request of the module protocol (or a whole module) failed: the network layer it
/// failed at, a bounded class, and the go command's text. Evidence, not a thrown error.
public struct FetchFailure: Error, Sendable, Equatable, Codable, CustomStringConvertible {
    /// Where the failure sits, from the bottom of the stack up.
    public enum Layer: String, Sendable, Codable, CaseIterable {
        /// Configuration alone decides (GOPROXY=off, GOVCS, invalid GOPROXY).
        case config
        case dns, tcp, tls, http
        /// The server answered 200 but the answer breaks the protocol (bad JSON, zip prefix).
        case moduleProtocol = "module-protocol"
        /// Direct mode: go-get discovery or the VCS endpoint.
        case vcs
        case sumdb
        /// The bytes arrived but do not hash to what go.sum or the checksum database records.
        case integrity
    }

    public var layer: Layer
    /// Bounded: "not-found", "auth", "client-error", "server-error" for statuses; the
    /// NetProbes failure code for transport errors ("refused", "nxdomain", "unknown-authority");
    /// "invalid-response", "version-mismatch", "too-large", "bad-zip" for protocol errors;
    /// "disabled" for configuration.
    public var failureClass: String
    /// The go command's text ("reading https://…: 404 Not Found", `Get "…": dial tcp …`).
    public var message: String

    public init(layer: Layer, failureClass: String, message: String) {
        self.layer = layer
        self.failureClass = failureClass
        self.message = message
    }

    /// TryProxies' "not found" (errors.Is(err, fs.ErrNotExist)): 404, 410, and the routing
    /// skips; the only failures a `,` entry falls through on.
    public var isNotFound: Bool { failureClass == "not-found" }

    public var description: String { message }

    enum CodingKeys: String, CodingKey {
        case layer
        case failureClass = "class"
        case message
    }

    /// Maps the HTTP client's failure to a layer and class (docs/json-tls-http.md codes).
    public static func from(http failure: FailureClass, status: Int?, goError: String?) -> FetchFailure {
        let message = goError ?? failure.detail
        if failure.code == "http-status", let status {
            return FetchFailure(layer: .http, failureClass: HTTPClient.statusClass(status), message: message)
        }
        return FetchFailure(layer: layer(ofCode: failure.code), failureClass: failure.code, message: message)
    }

    static func layer(ofCode code: String) -> Layer {
        switch code {
        case "nxdomain", "dns", "servfail", "refused-dns", "dns-rcode", "bad-name", "dns-timeout": return .dns
        case "refused", "unreachable", "timeout": return .tcp
        case "not-tls", "handshake-timeout", "tls-alert", "handshake", "expired", "not-yet-valid", "hostname-mismatch",
             "self-signed", "unknown-authority", "bad-certificate", "no-certificate":
            return .tls
        default: return .http
        }
    }
}
