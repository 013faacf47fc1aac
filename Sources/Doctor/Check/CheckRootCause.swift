/// One root cause of the check, with its impact on the project's downloads: the finding that
/// explains it, the endpoint it sits on (nil for configuration and module-level causes) and
/// the modules it keeps from being fetched.
public struct CheckRootCause: Sendable, Equatable, Codable {
    public var finding: Finding
    /// `scheme://host:port` of the endpoint, when the cause is an endpoint's broken layer.
    public var endpoint: String?
    /// `path@version` of each module that cannot be fetched because of it; sorted.
    public var blockedModules: [String]
    /// How many modules the project downloads in all (the M of "N of M modules").
    public var totalModules: Int
    /// Failures of the same endpoint's later layers, explained by this cause ("http: …");
    /// `"<layer>: <detail>"`, in layer order; empty for configuration and module-level causes.
    public var symptoms: [String]

    public init(finding: Finding, endpoint: String?, blockedModules: [String], totalModules: Int, symptoms: [String] = []) {
        self.finding = finding
        self.endpoint = endpoint
        self.blockedModules = blockedModules
        self.totalModules = totalModules
        self.symptoms = symptoms
    }
}
