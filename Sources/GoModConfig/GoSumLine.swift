/// One go.sum line: `<module> <version>[/go.mod] <hash>`.
public struct GoSumLine: Sendable, Equatable, Codable {
    public var path: String
    /// The version without the `/go.mod` suffix.
    public var version: String
    /// The hash covers only the module's go.mod file (the `/go.mod` suffix was present).
    public var isGoMod: Bool
    /// `h1:<base64 SHA-256>` (or another algorithm prefix the go command may not know).
    public var hash: String
    /// 1-based line number in the file.
    public var line: Int

    public init(path: String, version: String, isGoMod: Bool, hash: String, line: Int) {
        self.path = path
        self.version = version
        self.isGoMod = isGoMod
        self.hash = hash
        self.line = line
    }
}
