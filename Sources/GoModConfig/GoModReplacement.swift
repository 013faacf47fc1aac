/// Where a `replace` directive sends a module.
public enum GoModReplacementTarget: Sendable, Equatable, Codable {
    /// Another module version: downloaded (through GOPROXY) and checked against go.sum.
    case module(path: String, version: String)
    /// A local directory (`./x`, `../x`, `/abs`, `C:\…`): no download and no go.sum line.
    case directory(String)
}

/// One `replace` line of a go.mod file.
public struct GoModReplacement: Sendable, Equatable, Codable {
    public var oldPath: String
    /// The replaced version, or nil when every version of `oldPath` is replaced.
    public var oldVersion: String?
    public var target: GoModReplacementTarget
    /// 1-based line of the directive in the file.
    public var line: Int

    public init(oldPath: String, oldVersion: String?, target: GoModReplacementTarget, line: Int) {
        self.oldPath = oldPath
        self.oldVersion = oldVersion
        self.target = target
        self.line = line
    }
}
