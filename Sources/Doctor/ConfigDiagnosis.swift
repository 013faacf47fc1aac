import GoModConfig

/// The configuration layer end to end: resolve the environment, read the project, build the
/// routes, run the rules. Pure apart from the file system handed in; running `go env -json`
/// is the caller's choice (pass its result).
public struct ConfigDiagnosis: Sendable, Equatable, Codable {
    public var env: ResolvedGoEnv
    public var project: ProjectSnapshot
    public var routes: RouteTable
    public var findings: [Finding]

    public init(env: ResolvedGoEnv, project: ProjectSnapshot, routes: RouteTable, findings: [Finding]) {
        self.env = env
        self.project = project
        self.routes = routes
        self.findings = findings
    }

    /// - Parameter deadline: when given, route building and the rules stop once it passes
    ///   (`check --timeout` covers this stage too); the findings then start with
    ///   `config.unfinished`, a failure saying how far the analysis got.
    public static func run(environment: [String: String], directory: String, hostOS: GoHostOS = .current,
                           fileSystem: any FileSystemReading, installation: GoInstallation?,
                           goCommandEnv: [String: String]? = nil, deadline: ContinuousClock.Instant? = nil) -> ConfigDiagnosis {
        let env = GoEnvResolver(environment: environment, hostOS: hostOS, fileSystem: fileSystem, installation: installation).resolve()
        let project = ProjectSnapshot.load(directory: directory, fileSystem: fileSystem, deadline: deadline)
        let routes = RouteTableBuilder(env: env, project: project, goos: environment["GOOS"].flatMap { $0.isEmpty ? nil : $0 },
                                       goarch: environment["GOARCH"].flatMap { $0.isEmpty ? nil : $0 }).build(deadline: deadline)
        let findings = ConfigRules.evaluate(ConfigContext(env: env, project: project, routes: routes, goCommandEnv: goCommandEnv),
                                            deadline: deadline)
        return ConfigDiagnosis(env: env, project: project, routes: routes, findings: findings)
    }

    /// The worst severity found, nil when there are no findings.
    public var worstSeverity: Severity? { findings.map(\.severity).max() }
}
