/// What one mirror (a GOPROXY URL) served for one module file, hashed and compared.
public struct MirrorFileCheck: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// Same hash as go.sum and the database (those that are known).
        case matches
        /// The mirror serves different content: `hash` differs from `expected`.
        case differs
        /// 404/410: the mirror does not have it (the go command would try the next entry).
        case notFound = "not-found"
        /// Download failed, or the zip breaks the go command's rules (`detail`).
        case failed
    }

    /// The proxy URL (redacted).
    public var mirror: String
    public var path: String
    public var version: String
    /// "zip" or "mod".
    public var file: String
    /// h1 of what the mirror served.
    public var hash: String?
    public var goSumHash: String?
    public var databaseHash: String?
    public var status: Status
    public var detail: String?

    public init(mirror: String, path: String, version: String, file: String, hash: String? = nil, goSumHash: String? = nil,
                databaseHash: String? = nil, status: Status, detail: String? = nil) {
        self.mirror = mirror
        self.path = path
        self.version = version
        self.file = file
        self.hash = hash
        self.goSumHash = goSumHash
        self.databaseHash = databaseHash
        self.status = status
        self.detail = detail
    }
}
