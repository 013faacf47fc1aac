/// GOVCS: which version control tools the go command may run for a module path in direct
/// mode. A refusal reads `GOVCS disallows using svn for public example.com/x; see 'go help vcs'`.
public struct GoVCSRules: Sendable, Equatable, Codable {
    /// The user's rules in order; the built-in fallback is applied after them by `allows`.
    public var rules: [GoVCSRule]

    /// Go's `defaultGOVCS`, appended after the user's rules.
    public static let defaultRules: [GoVCSRule] = [
        GoVCSRule(pattern: "private", allowed: ["all"]),
        GoVCSRule(pattern: "public", allowed: ["git", "hg"]),
    ]

    public init(rules: [GoVCSRule] = []) {
        self.rules = rules
    }

    /// - Throws: `ConfigInputError(input: "GOVCS")` with Go's texts: `empty entry in GOVCS`,
    ///   `malformed entry in GOVCS (missing colon): "x"`, `empty pattern in GOVCS: "x"`,
    ///   `empty VCS list in GOVCS: "x"`, `relative pattern not allowed in GOVCS: "x"`,
    ///   `unreachable pattern in GOVCS: "x" after "y"`, `empty VCS name in GOVCS: "x"`.
    // cmd/go/internal/vcs/vcs.go parseGOVCS
    public static func parse(_ text: String) throws(ConfigInputError) -> GoVCSRules {
        let trimmed = GoStrings.trimSpace(text)
        if trimmed.isEmpty { return GoVCSRules() }
        var rules: [GoVCSRule] = []
        var seen: [String: String] = [:]
        for part in GoStrings.split(trimmed, ",") {
            let item = GoStrings.trimSpace(part)
            let quotedItem = GoQuote.quote(item)
            if item.isEmpty { throw invalid("empty entry in GOVCS") }
            let (patternPart, listPart) = GoURL.cut(item, ":")
            guard let listPart else { throw invalid("malformed entry in GOVCS (missing colon): \(quotedItem)") }
            let pattern = GoStrings.trimSpace(patternPart)
            let list = GoStrings.trimSpace(listPart)
            if pattern.isEmpty { throw invalid("empty pattern in GOVCS: \(quotedItem)") }
            if list.isEmpty { throw invalid("empty VCS list in GOVCS: \(quotedItem)") }
            if pattern.hasPrefix("./") || pattern.hasPrefix("../") || pattern == "." || pattern == ".." {
                throw invalid("relative pattern not allowed in GOVCS: \(GoQuote.quote(pattern))")
            }
            if let earlier = seen[pattern] {
                throw invalid("unreachable pattern in GOVCS: \(quotedItem) after \(GoQuote.quote(earlier))")
            }
            seen[pattern] = item
            var allowed: [String] = []
            for name in GoStrings.split(list, "|") {
                let vcs = GoStrings.trimSpace(name)
                if vcs.isEmpty { throw invalid("empty VCS name in GOVCS: \(quotedItem)") }
                allowed.append(vcs)
            }
            rules.append(GoVCSRule(pattern: pattern, allowed: allowed))
        }
        return GoVCSRules(rules: rules)
    }

    /// Whether `vcs` may be used for `modulePath`; `isPrivate` = the path matches GOPRIVATE.
    /// The first matching rule decides (user rules, then `private:all,public:git|hg`).
    // cmd/go/internal/vcs/vcs.go govcsConfig.allow, CheckGOVCS
    public func allows(vcs: String, modulePath: String, isPrivate: Bool) -> Bool {
        matchingRule(modulePath: modulePath, isPrivate: isPrivate)?.allows(vcs: vcs) ?? false
    }

    /// The rule that decides for `modulePath` (to name it in a finding); with
    /// `includingDefaults: false` only the user's rules are consulted.
    public func matchingRule(modulePath: String, isPrivate: Bool, includingDefaults: Bool = true) -> GoVCSRule? {
        let candidates = includingDefaults ? rules + GoVCSRules.defaultRules : rules
        return candidates.first { rule in
            switch rule.pattern {
            case "private": return isPrivate
            case "public": return !isPrivate
            default: return PrefixPatterns.match(rule.pattern, modulePath)
            }
        }
    }

    /// Go's refusal text for a disallowed use.
    public static func disallowedMessage(vcs: String, modulePath: String, isPrivate: Bool) -> String {
        "GOVCS disallows using \(vcs) for \(isPrivate ? "private" : "public") \(modulePath); see 'go help vcs'"
    }

    private static func invalid(_ message: String) -> ConfigInputError {
        ConfigInputError(input: "GOVCS", message: message)
    }
}
