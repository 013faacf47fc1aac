/// go.sum's hashes grouped by module and version, so that looking up one requirement costs
/// O(1) instead of a pass over every line (modfetch keeps the same map, goSum.m).
struct GoSumIndex: Sendable {
    private struct Key: Hashable {
        var path: String
        var version: String
    }

    private struct Hashes {
        var zip: [String] = []
        var goMod: [String] = []
    }

    private var table: [Key: Hashes] = [:]

    init(_ lines: [GoSumLine]) {
        table.reserveCapacity(lines.count / 2)
        for line in lines {
            let key = Key(path: line.path, version: line.version)
            if line.isGoMod {
                table[key, default: Hashes()].goMod.append(line.hash)
            } else {
                table[key, default: Hashes()].zip.append(line.hash)
            }
        }
    }

    /// The hashes recorded for `path@version`, in file order.
    func hashes(path: String, version: String, goMod: Bool) -> [String] {
        guard let found = table[Key(path: path, version: version)] else { return [] }
        return goMod ? found.goMod : found.zip
    }
}
