/// A GOPROXY this run proved able to serve the modules a broken source blocks: `.info` and
/// `.mod` (and, for a module whose bytes failed verification, the `.zip` checked against
/// go.sum or the checksum database) fetched through it. Only such a proxy is named in a fix.
public struct VerifiedProxy: Sendable, Equatable, Codable {
    /// As GOPROXY spells it: scheme, host, port when not the default, path; no trailing slash.
    public var url: String
    /// `path@version` of each module fetched through it; sorted.
    public var modules: [String]

    public init(url: String, modules: [String]) {
        self.url = url
        self.modules = modules
    }
}
