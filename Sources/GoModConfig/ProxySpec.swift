/// A GOPROXY list entry with the separator rule that follows it (Go's `proxySpec`).
public struct ProxySpec: Sendable, Equatable, Codable {
    public var entry: ProxyEntry
    public var fallback: ProxyFallback

    public init(entry: ProxyEntry, fallback: ProxyFallback) {
        self.entry = entry
        self.fallback = fallback
    }
}
