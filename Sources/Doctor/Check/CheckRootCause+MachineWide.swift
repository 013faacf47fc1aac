extension CheckRootCause {
    /// Findings about this machine rather than one endpoint: every name is looked up through the
    /// same silent resolv.conf servers, so their causes on several endpoints are one cause.
    static let machineWideFindings: Set<String> = ["endpoint.dns.server-unreachable"]

    /// `causes` (ordered) with each machine-wide finding kept once: the cause that blocks most
    /// keeps its place, takes the others' blocked modules, and lists their endpoints as
    /// symptoms; the result is re-ordered by impact.
    static func mergingMachineWide(_ causes: [CheckRootCause]) -> [CheckRootCause] {
        var merged: [CheckRootCause] = []
        var keeper: [String: Int] = [:]
        for cause in causes {
            let id = cause.finding.id
            guard machineWideFindings.contains(id), cause.endpoint != nil else {
                merged.append(cause)
                continue
            }
            guard let index = keeper[id] else {
                keeper[id] = merged.count
                merged.append(cause)
                continue
            }
            var kept = merged[index]
            kept.blockedModules = Array(Set(kept.blockedModules + cause.blockedModules)).sorted()
            kept.symptoms.append("\(cause.endpoint ?? cause.finding.target) dns: the same nameservers do not answer")
            kept.symptoms += cause.symptoms
            merged[index] = kept
        }
        return CheckDiagnosis.ordered(merged)
    }
}
