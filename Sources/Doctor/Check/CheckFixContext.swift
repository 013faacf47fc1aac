import GoModConfig
import ModuleFetch

/// What a root cause's fix is built from: where each go variable comes from (so the command
/// changes it where it takes effect — FixCommands), the endpoints and module outcomes of the
/// run, and the proxies this run verified. One place builds every variable-setting command of
/// `check` and `fix --check`.
struct CheckFixContext: Sendable {
    var env: ResolvedGoEnv?
    var endpoints: [CheckDiagnosis.EndpointResult]
    var modules: [ModuleFetchOutcome]
    var verified: [VerifiedProxy]
    /// Checksum-database hosts whose signed tree head verified this run (SumDBMirrorCheck).
    var verifiedDatabases: [String] = []

    /// The commands that make the go command see `name=value` (FixCommands.set), or the plain
    /// `go env -w` line when the environment is not known (pure tests).
    func set(_ name: String, _ value: String) -> [String] {
        env.map { FixCommands.set(name, to: value, in: $0) } ?? [FixCommands.goEnvLine(name, value)]
    }

    /// Verified proxies other than `broken`, in order of preference. A proxy is verified only
    /// when every module sampled from those the run's causes block served and verified through
    /// it (AlternativeProxyCheck), so any of them stands for every blocked module.
    func alternatives(excluding broken: String?) -> [String] {
        verified.filter { $0.url != broken }.map(\.url)
    }

    /// Whether GOPROXY (as configured) ends its list with `direct`.
    var configuredDirect: Bool {
        endpoints.contains { $0.endpoint.roles.contains(.direct) }
            || ((env.flatMap { try? ProxyListParser.parse($0["GOPROXY"], gonoproxy: "") })?.contains { $0.entry == .direct } ?? false)
    }
}
