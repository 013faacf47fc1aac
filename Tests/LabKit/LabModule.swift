import Foundation

/// A module version for the lab GOPROXY, described as values.
public struct LabModule: Sendable, Codable, Hashable {
    public var path: String
    public var version: String
    /// File name → contents; "go.mod" is also served as the .mod file.
    public var files: [String: String]
    /// The .info Time (RFC 3339).
    public var time: String

    /// A module with `files`, or by default a go.mod and one Go file.
    public init(path: String, version: String, files: [String: String]? = nil, time: String = "2024-01-02T03:04:05Z") {
        self.path = path
        self.version = version
        let package = path.split(separator: "/").last.map { $0.lowercased().filter(\.isLetter) } ?? "m"
        self.files = files ?? [
            "go.mod": "module \(path)\n\ngo 1.19\n",
            "\(package.isEmpty ? "m" : package).go": "package \(package.isEmpty ? "m" : package)\n\nconst Version = \"\(version)\"\n",
        ]
        self.time = time
    }
}

extension Lab {
    /// An empty module tree in the scratch directory.
    public func makeModuleTree() throws -> ModuleTree {
        let directory = scratchPath("proxy")
        try createDirectory(directory + "/root")
        try write("", to: directory + "/go.sum")
        return ModuleTree(root: directory + "/root", goSumPath: directory + "/go.sum")
    }

    /// Writes `modules` into `tree` with lab/modtree (x/mod's zip and dirhash, as the go command
    /// uses them) and appends their go.sum lines to the tree's go.sum file.
    @discardableResult
    public func addModules(_ modules: [LabModule], to tree: ModuleTree) async throws -> [ModuleHashes] {
        let modtree = try await helpers.modtree()
        let spec = String(decoding: try JSONEncoder().encode(modules), as: UTF8.self)
        let result = try await run(in: nil, [modtree, "-root", tree.root], stdin: spec).check()
        let decoder = JSONDecoder()
        let hashes = try result.stdout.split(separator: "\n").map {
            try decoder.decode(ModuleHashes.self, from: Data($0.utf8))
        }
        guard hashes.count == modules.count else {
            throw LabError("modtree", "expected \(modules.count) results, got: \(result.stdout)")
        }
        let lines = hashes.flatMap(\.goSumLines).joined(separator: "\n") + "\n"
        guard let handle = FileHandle(forWritingAtPath: tree.goSumPath) else {
            throw LabError("append to \(tree.goSumPath)", "cannot open")
        }
        defer { try? handle.close() }
        _ = try? handle.seekToEnd()
        try handle.write(contentsOf: Data(lines.utf8))
        return hashes
    }
}
