/// go.mod's replace lines by left-hand side, so that each requirement's replacement is found
/// in O(1) (modload builds the same map, replace.go toReplaceMap). Picks what
/// `GoModFile.replacement(for:version:)` picks: `path version =>` beats `path =>`; among
/// duplicates the last line wins.
struct GoModReplacementIndex: Sendable {
    private var versioned: [ModuleVersion: GoModReplacement] = [:]
    private var anyVersion: [String: GoModReplacement] = [:]

    init(_ replaces: [GoModReplacement]) {
        for replacement in replaces {
            if let version = replacement.oldVersion {
                versioned[ModuleVersion(path: replacement.oldPath, version: version)] = replacement
            } else {
                anyVersion[replacement.oldPath] = replacement
            }
        }
    }

    func replacement(for path: String, version: String) -> GoModReplacement? {
        versioned[ModuleVersion(path: path, version: version)] ?? anyVersion[path]
    }
}
