import Foundation

extension Lab {
    /// Replaces `module`'s .zip in `tree` with a modified one that is still a valid module zip
    /// (same go.mod, one other file's content changed), as a mirror serving altered code would.
    /// The .mod, .info, list and the tree's go.sum (what the checksum database serves) stay as
    /// they were, so only the zip's h1: hash disagrees — the go command's "checksum mismatch …
    /// SECURITY ERROR" (cmd/go/internal/modfetch/fetch.go, checkModSum). Returns the modified
    /// zip's hashes (its `zipHash` differs from the original's).
    @discardableResult
    public func tamperZip(_ module: LabModule, in tree: ModuleTree) async throws -> ModuleHashes {
        guard let victim = module.files.keys.sorted().first(where: { $0 != "go.mod" }), let content = module.files[victim] else {
            throw LabError("tamper \(module.path)@\(module.version)", "the module has no file besides go.mod")
        }
        var altered = module
        altered.files[victim] = content + "\n// altered by a mirror\nvar Altered = true\n"
        let scratch = try makeModuleTree()
        let hashes = try await addModules([altered], to: scratch)
        guard let hash = hashes.first else { throw LabError("tamper \(module.path)", "modtree wrote nothing") }
        let source = scratch.file(path: module.path, version: module.version, suffix: ".zip")
        let target = tree.file(path: module.path, version: module.version, suffix: ".zip")
        guard FileManager.default.fileExists(atPath: target) else {
            throw LabError("tamper \(module.path)@\(module.version)", "\(target) is not in the tree")
        }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: source))
            try data.write(to: URL(fileURLWithPath: target), options: .atomic)
        } catch {
            throw LabError("tamper: copy \(source) to \(target)", "\(error)")
        }
        return hash
    }
}
