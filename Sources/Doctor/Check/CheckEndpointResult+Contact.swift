import ModuleFetch

extension CheckDiagnosis.EndpointResult {
    /// Why the go command would not contact an endpoint `check` probed.
    public enum UnusedReason: String, Sendable, Codable {
        /// A checksum-database URL after the route settled on an earlier base.
        case sumdbRouteSettled = "sumdb-route-settled"
        /// A later GOPROXY entry (or `direct`): every module was served, or failed, before the
        /// walk reached it (modfetch/proxy.go TryProxies). It matters only for a module the earlier
        /// entries answer "not found" for.
        case notReached = "not-reached"
    }

    /// Marks a proxy or direct endpoint unused when modules were fetched and none of their walks
    /// sent it a request: its failures block nothing the go command does for this project.
    /// Endpoints with other roles (checksum database, HTTPS_PROXY, toolchain) are left alone.
    func markingUncontacted(_ modules: [ModuleFetchOutcome]) -> Self {
        guard !unused, Set(endpoint.roles).isSubset(of: [.proxy, .direct]) else { return self }
        let mine = modules.filter { endpoint.modules.contains("\($0.path)@\($0.version)") && $0.status != .skipped }
        guard !mine.isEmpty, !mine.contains(where: { ModuleFailureSite.contactedKeys(of: $0).contains(endpoint.key) }) else { return self }
        var copy = self
        copy.unused = true
        copy.unusedReason = .notReached
        return copy
    }
}
