import GoModConfig

extension ConfigRules {
    /// The analysis stopped at the deadline (`check --timeout` covers the configuration stage):
    /// routes exist for only part of go.mod's requirements, or some rules never ran. Whatever
    /// the other findings say, the picture is incomplete — a failure, never silence.
    static func unfinishedFinding(_ c: ConfigContext, rulesSkipped: Int, rules: Int) -> Finding? {
        let unfinished = c.routes.unfinished
        guard unfinished != nil || rulesSkipped > 0 else { return nil }
        // Without go.mod (not read before the deadline) the number of requirements is unknown.
        let total = unfinished.map { String($0.requirements) } ?? c.project.goMod.map { String($0.requires.count) } ?? "unknown"
        let routed = unfinished.map { String($0.requirementsRouted) } ?? c.project.goMod.map { _ in total } ?? "0"
        return Finding(id: "config.unfinished", severity: .failure, target: "configuration",
                       arguments: ["routed": routed, "requirements": total,
                                   "skipped": String(rulesSkipped), "rules": String(rules)],
                       evidence: ["routes built for \(routed) of \(total) requirements before the deadline",
                                  "\(rulesSkipped) of \(rules) configuration rules not run"])
    }

    /// GOENV (or $GOROOT/go.env) lines too long for the go command to pass on to the tools
    /// it runs (`GoEnvFile.maxLineBytes`): their values were not used here.
    static func goenvFileLongLines(_ c: ConfigContext) -> [Finding] {
        [c.env.envFile.file, c.env.gorootEnvFile].compactMap { $0 }.flatMap { file in
            file.longLines.prefix(evidenceLimit).map { long in
                Finding(id: "config.goenv-file.line-too-long", severity: .failure, target: "\(file.path):\(long.line)",
                        arguments: ["file": file.path, "line": String(long.line), "key": long.key,
                                    "bytes": String(long.bytes), "limit": String(GoEnvFile.maxLineBytes)],
                        evidence: ["\(file.path):\(long.line): \(long.key)=… is \(long.bytes) bytes, limit \(GoEnvFile.maxLineBytes) bytes"],
                        fix: Fix(commands: ["go env -u \(long.key)"], explanationKey: "fix.goenv-file.line-too-long"))
            }
        }
    }

    /// At most this many evidence lines (or findings) per kind of file problem: a file with a
    /// million bad lines must not make a million-line report.
    static let evidenceLimit = 20

    /// `lines` cut to `evidenceLimit`, with a last line counting the rest.
    static func capped(_ lines: [String]) -> [String] {
        guard lines.count > evidenceLimit else { return lines }
        return Array(lines.prefix(evidenceLimit)) + ["… and \(lines.count - evidenceLimit) more"]
    }

    /// The globs of a GOPRIVATE-style list that match none of `paths`: each distinct glob is
    /// matched against the distinct path prefixes of its depth, so the cost is about
    /// (globs + paths) × path length rather than globs × paths.
    static func globsMatchingNothing(_ globs: [String], paths: [String]) -> [String] {
        func trimmed(_ glob: String) -> String { glob.hasSuffix("/") ? String(glob.dropLast()) : glob }
        func slashes(_ text: String) -> Int { text.utf8.reduce(0) { $0 + ($1 == UInt8(ascii: "/") ? 1 : 0) } }
        let depths = Set(globs.map { slashes(trimmed($0)) })
        let deepest = depths.max() ?? 0
        var prefixes: [Int: Set<String>] = [:]
        for path in Set(paths) {
            var depth = 0
            var index = path.utf8.startIndex
            while depth <= deepest {
                let slash = path.utf8[index...].firstIndex(of: UInt8(ascii: "/")) ?? path.utf8.endIndex
                if depths.contains(depth) { prefixes[depth, default: []].insert(String(path[..<slash])) }
                if slash == path.utf8.endIndex { break }
                index = path.utf8.index(after: slash)
                depth += 1
            }
        }
        var verdict: [String: Bool] = [:]
        return globs.filter { glob in
            if let used = verdict[glob] { return !used }
            let plain = trimmed(glob)
            let candidates = prefixes[slashes(plain)] ?? []
            let used: Bool
            if plain.utf8.contains(where: { "*?[\\".utf8.contains($0) }) {
                let set = PrefixPatternSet(glob)
                used = candidates.contains { set.matches($0) }
            } else {
                used = candidates.contains(plain)  // path.Match without wildcards is equality
            }
            verdict[glob] = used
            return !used
        }
    }
}
