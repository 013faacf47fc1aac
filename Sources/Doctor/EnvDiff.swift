/// Configuration drift between two `env --json` snapshots (say a developer's machine and CI):
/// variables whose value or source differ, modules routed differently, findings present on
/// one side only, and the Go version and rules each side used. Origins alone (home
/// directories differ) are not drift.
public struct EnvDiff: Sendable, Equatable, Codable {
    public struct Side: Sendable, Equatable, Codable {
        public var value: String
        public var source: String?
        public var origin: String?
    }

    public struct VariableDifference: Sendable, Equatable, Codable {
        public var name: String
        public var left: Side?
        public var right: Side?
    }

    public struct RouteDifference: Sendable, Equatable, Codable {
        public var module: String
        /// `https://goproxy.cn → direct · sumdb sum.golang.org`, nil when that side lacks the module.
        public var left: String?
        public var right: String?
    }

    public struct Pair: Sendable, Equatable, Codable {
        public var left: String?
        public var right: String?
    }

    public var goVersion: Pair?
    public var rules: Pair?
    public var variables: [VariableDifference]
    public var routes: [RouteDifference]
    public var findingsOnlyLeft: [EnvDiffSnapshot.FindingSummary]
    public var findingsOnlyRight: [EnvDiffSnapshot.FindingSummary]

    public var isEmpty: Bool {
        goVersion == nil && rules == nil && variables.isEmpty && routes.isEmpty && findingsOnlyLeft.isEmpty && findingsOnlyRight.isEmpty
    }

    public static func compare(_ left: EnvDiffSnapshot, _ right: EnvDiffSnapshot) -> EnvDiff {
        func pair(_ a: String?, _ b: String?) -> Pair? { a == b ? nil : Pair(left: a, right: b) }
        var names: [String] = []
        for variable in left.variables + right.variables where !names.contains(variable.name) { names.append(variable.name) }
        let variables: [VariableDifference] = names.compactMap { name in
            let a = left.variables.last { $0.name == name }.map { Side(value: $0.value ?? "", source: $0.source, origin: $0.origin) }
            let b = right.variables.last { $0.name == name }.map { Side(value: $0.value ?? "", source: $0.source, origin: $0.origin) }
            if a?.value == b?.value && a?.source == b?.source { return nil }
            return VariableDifference(name: name, left: a, right: b)
        }
        let leftModules = left.routes?.modules ?? [], rightModules = right.routes?.modules ?? []
        var paths: [String] = []
        for module in leftModules + rightModules where !paths.contains(module.path) { paths.append(module.path) }
        let routes: [RouteDifference] = paths.compactMap { path in
            let a = leftModules.first { $0.path == path }.map(describe)
            let b = rightModules.first { $0.path == path }.map(describe)
            return a == b ? nil : RouteDifference(module: path, left: a, right: b)
        }
        func key(_ finding: EnvDiffSnapshot.FindingSummary) -> String { finding.id + "\u{0}" + (finding.target ?? "") }
        let leftKeys = Set(left.findings.map(key)), rightKeys = Set(right.findings.map(key))
        return EnvDiff(goVersion: pair(left.goInstallation?.versionText, right.goInstallation?.versionText),
                       rules: pair(left.rules, right.rules), variables: variables, routes: routes,
                       findingsOnlyLeft: left.findings.filter { !rightKeys.contains(key($0)) },
                       findingsOnlyRight: right.findings.filter { !leftKeys.contains(key($0)) })
    }

    /// One line for a module's route: version, the GOPROXY walk, the checksum step.
    static func describe(_ module: EnvDiffSnapshot.Module) -> String {
        var parts: [String] = []
        if let version = module.version { parts.append(version) }
        if let disposition = module.disposition, disposition != "download" { parts.append(disposition) }
        // The implicit `noproxy` entry that skips a path GONOPROXY does not match changes nothing.
        let steps = (module.sources ?? []).filter { !($0.kind == "noproxy" && $0.action == "skip") }
        let walk = steps.map { step in
            let name = step.url ?? step.kind ?? "?"
            return step.action == "skip" || step.action == "fail" ? "\(name) [\(step.action ?? "")]" : name
        }
        if !walk.isEmpty { parts.append(walk.joined(separator: " → ")) }
        if let database = module.checksum?.database {
            parts.append("sumdb \(database)")
        } else if let skipped = module.checksum?.skippedBecause {
            parts.append("no sumdb (\(skipped))")
        }
        return parts.joined(separator: " · ")
    }
}
