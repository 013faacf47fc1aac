/// A module path and version (golang.org/x/mod/module `Version`). The version is empty for
/// the main module and for `replace` left-hand sides that apply to every version.
public struct ModuleVersion: Sendable, Hashable, Codable, CustomStringConvertible {
    public var path: String
    public var version: String

    public init(path: String, version: String) {
        self.path = path
        self.version = version
    }

    /// `path@version`, or just `path` without a version, as the go command prints modules.
    public var description: String {
        version.isEmpty ? path : "\(path)@\(version)"
    }
}
