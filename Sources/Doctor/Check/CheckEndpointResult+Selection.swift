extension CheckDiagnosis.EndpointResult {
    /// The same result with each layer `check --only` left out marked in its detail, so a
    /// reader (and a script) can tell "not selected" from "not needed".
    public func markingUnselected(_ checks: Set<CheckName>) -> CheckDiagnosis.EndpointResult {
        var copy = self
        copy.verdict.layers = verdict.layers.map { check in
            guard check.status == .skipped, let name = CheckName.named(layer: check.layer), !checks.contains(name) else { return check }
            return EndpointLayerCheck(layer: check.layer, status: .skipped, detail: EndpointLayerCheck.notSelectedDetail)
        }
        return copy
    }
}

extension EndpointLayerCheck {
    /// The detail of a layer `check --only` did not select (docs/json-check.md).
    public static let notSelectedDetail = "not selected (--only)"
}

extension CheckName {
    /// The check that probes an endpoint verdict's layer.
    public static func named(layer: Layer) -> CheckName? {
        switch layer {
        case .dns: return .dns
        case .icmp: return .icmp
        case .tcp: return .tcp
        case .path: return .path
        case .tls: return .tls
        case .http: return .http
        case .config, .moduleProtocol, .sumdb, .integrity: return nil
        }
    }
}
