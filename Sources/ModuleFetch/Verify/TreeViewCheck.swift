/// The checksum database as seen directly versus through one proxy's `/sumdb/<name>/`.
public struct TreeViewCheck: Sendable, Codable, Equatable {
    public enum Status: String, Sendable, Codable {
        /// The smaller tree is a prefix of the larger one (proven from tiles).
        case consistent
        /// Two different trees: `proof` holds the go command's SECURITY ERROR text.
        case misbehavior
        /// The proxy answers 404/410 to `/sumdb/<name>/supported`: it does not proxy the database.
        case unsupported
        /// Either view could not be read or verified (`detail`).
        case failed
    }

    /// The proxy URL (redacted).
    public var proxy: String
    public var directURL: String
    public var directSize: Int64?
    public var proxySize: Int64?
    public var status: Status
    public var proof: String?
    public var detail: String?

    public init(proxy: String, directURL: String, directSize: Int64? = nil, proxySize: Int64? = nil,
                status: Status, proof: String? = nil, detail: String? = nil) {
        self.proxy = proxy
        self.directURL = directURL
        self.directSize = directSize
        self.proxySize = proxySize
        self.status = status
        self.proof = proof
        self.detail = detail
    }
}
