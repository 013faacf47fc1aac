/// When the go command moves on from a GOPROXY entry to the next one.
// cmd/go/internal/modfetch/proxy.go TryProxies
public enum ProxyFallback: String, Sendable, Equatable, Codable {
    /// Entry followed by `,` (or the last entry): next entry only on 404/410 ("not found").
    case onNotFound
    /// Entry followed by `|`: next entry on any error.
    case onAnyError
}
