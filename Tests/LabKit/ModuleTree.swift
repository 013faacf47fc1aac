import Foundation

/// The go.sum hashes of one module version, as golang.org/x/mod computes them.
public struct ModuleHashes: Sendable, Codable, Hashable {
    public var path: String
    public var version: String
    /// h1: hash of the zip (go.sum "path version h1:…", `go mod download -json` "Sum").
    public var zipHash: String
    /// h1: hash of go.mod (go.sum "path version/go.mod h1:…", "GoModSum").
    public var modHash: String

    public var goSumLines: [String] {
        ["\(path) \(version) \(zipHash)", "\(path) \(version)/go.mod \(modHash)"]
    }
}

/// A directory in module-cache layout (<escaped path>/@v/list, .info, .mod, .zip) plus the
/// go.sum lines of everything in it (what the lab checksum database serves).
public struct ModuleTree: Sendable {
    public let root: String
    public let goSumPath: String

    /// A second tree (a mirror serving other content, a forked database's go.sum).
    public init(root: String, goSumPath: String) {
        self.root = root
        self.goSumPath = goSumPath
    }
}
