/// A GOPRIVATE-style glob list (`module.MatchPrefixPatterns`) parsed once, for matching many
/// module paths: the route table asks it once per requirement and variable. Globs without
/// wildcards are answered by set lookups on the target's leading elements, so a long list of
/// plain host names costs O(elements of the target) per path rather than O(list length).
/// Same answers as `PrefixPatterns.match` for every input.
public struct PrefixPatternSet: Sendable {
    /// Plain globs (no `*?[\`) by their number of slashes: path.Match is byte equality for them.
    private var literals: [Int: Set<String>] = [:]
    /// Globs with wildcards, with their number of slashes, in list order.
    private var wildcards: [(glob: String, slashes: Int)] = []
    /// The slash counts of `literals`, ascending.
    private var literalDepths: [Int] = []

    public init(_ globs: String) {
        for glob in PrefixPatterns.globList(globs) {
            let slashes = glob.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) }
            if glob.utf8.contains(where: Self.isMeta) {
                wildcards.append((glob, slashes))
            } else {
                literals[slashes, default: []].insert(glob)
            }
        }
        literalDepths = literals.keys.sorted()
    }

    public var isEmpty: Bool { literals.isEmpty && wildcards.isEmpty }

    private static func isMeta(_ byte: UInt8) -> Bool {
        byte == UInt8(ascii: "*") || byte == UInt8(ascii: "?") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "\\")
    }

    /// Whether any glob matches a prefix of `target` with as many elements as the glob has.
    public func matches(_ target: String) -> Bool {
        if isEmpty { return false }
        if !literalDepths.isEmpty {
            let utf8 = target.utf8
            var depth = 0
            var next = 0
            var index = utf8.startIndex
            // Walk the target once; at each slash (and at the end) the prefix so far has
            // `depth` slashes: look it up among the plain globs with that many slashes.
            while next < literalDepths.count {
                let slash = utf8[index...].firstIndex(of: UInt8(ascii: "/")) ?? utf8.endIndex
                if literalDepths[next] == depth {
                    if literals[depth]?.contains(String(target[..<slash])) == true { return true }
                    next += 1
                }
                if slash == utf8.endIndex { break }
                index = utf8.index(after: slash)
                depth += 1
            }
        }
        for (glob, slashes) in wildcards {
            guard let prefix = PrefixPatterns.prefix(of: target, slashes: slashes) else { continue }
            if PathMatch.match(glob, prefix) == true { return true }
        }
        return false
    }
}
