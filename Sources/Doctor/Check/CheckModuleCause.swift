import GoModConfig
import ModuleFetch

/// A root cause that only the module fetch found: the endpoint answered its probe (its "/" is
/// fine) but failed the requests for modules — a proxy answering 5xx or stalling on module
/// paths, a mirror serving bytes that fail verification, a checksum database whose answer does
/// not verify, HTTPS_PROXY refusing the CONNECT. The cause names that endpoint and carries a fix.
enum CheckModuleCause {
    /// Failure classes of a server that took the request and never answered it: a `|` fallback
    /// would wait on it forever (the go command has no response timeout), so it is replaced.
    static let stalledClasses: Set<String> = ["no-response", "timeout", "handshake-timeout"]
    /// Failures the go command raises after the GOPROXY walk, on the bytes it chose (a zip with a
    /// foreign entry or one breaking the zip rules): a `|` fallback never sees them.
    static let afterWalkClasses: Set<String> = ["bad-zip"]

    static func finding(failure: FetchFailure, endpoint: CheckEndpoint, modules: [ModuleFetchOutcome], context: CheckFixContext) -> Finding {
        let names = modules.map { "\($0.path)@\($0.version)" }.sorted()
        let id = self.id(failure: failure, endpoint: endpoint)
        var arguments = ["endpoint": endpoint.key, "count": String(names.count), "first": names.first ?? "",
                         "class": failure.failureClass, "layer": failure.layer.rawValue,
                         "message": modules.first?.failure?.message.split(separator: "\n").first.map(String.init) ?? failure.message]
        arguments["proxy"] = CheckRoleFix.proxyURL(endpoint)
        let evidence = modules.prefix(5).compactMap { module -> String? in
            guard let failure = module.failure else { return nil }
            return "go: " + failure.message + (module.failedURL.map { " [\($0)]" } ?? "")
        }
        let (changes, key) = fix(id: id, failure: failure, endpoint: endpoint, context: context)
        let diagnostics = names.prefix(1).map { "gomod-doctor fetch \($0)" }
        return Finding(id: id, layer: CheckDiagnosis.layer(failure.layer), severity: .failure, target: endpoint.key,
                       arguments: arguments, evidence: evidence,
                       fix: Fix(commands: changes + diagnostics, explanationKey: key, changes: changes))
    }

    static func id(failure: FetchFailure, endpoint: CheckEndpoint) -> String {
        if failure.layer == .integrity {
            return failure.failureClass == "checksum-mismatch" ? "module.integrity.checksum-mismatch" : "module.integrity.unverifiable"
        }
        if ModuleFailureSite.httpsProxyClasses.contains(failure.failureClass) { return "module.https-proxy.failed" }
        if endpoint.roles.contains(.proxy) { return "module.proxy.failed" }
        if endpoint.roles.contains(.checksumDatabase) { return "module.sumdb.failed" }
        if endpoint.roles.contains(.direct) { return "module.direct.failed" }
        return "check.fetch-failed"
    }

    static func fix(id: String, failure: FetchFailure, endpoint: CheckEndpoint,
                    context: CheckFixContext) -> ([String], String) {
        switch id {
        case "module.integrity.checksum-mismatch", "module.integrity.unverifiable":
            // Never fewer checks: only a source whose bytes verified this run replaces the mirror.
            let (changes, _) = CheckRoleFix.switchChanges(endpoint, context, found: "")
            return changes.isEmpty ? ([], "fix.check.integrity-no-alternative") : (changes, "fix.check.integrity-switch")
        case "module.https-proxy.failed":
            return CheckRoleFix.httpsProxyChanges(endpoint, context, refused: failure.failureClass == "proxy-connect-refused")
        case "module.proxy.failed":
            // A stall, or a zip refused after the walk (fetch.go downloadZip: no GOPROXY fallback there).
            return stalledClasses.contains(failure.failureClass) || afterWalkClasses.contains(failure.failureClass)
                ? CheckRoleFix.switchChanges(endpoint, context, found: "fix.check.switch-proxy-stalled",
                                             none: "fix.check.no-verified-proxy-server")
                : CheckRoleFix.fallbackChanges(endpoint, context, found: "fix.check.proxy-fallback")
        case "module.direct.failed":
            return CheckRoleFix.directChanges(endpoint, context)
        case "module.sumdb.failed" where ["note", "tlog", "sumdb-misbehavior"].contains(failure.failureClass):
            return sumdbNoteChanges(context)
        default:
            return ([], "fix.check.no-configuration-change")
        }
    }

    /// A checksum-database answer that does not verify: with sum.golang.org under a key that is
    /// not its published one (copied from a wrong blog post), the known name fixes it; any other
    /// database's key cannot be checked from here. Never GOSUMDB=off.
    // cmd/go/internal/modfetch/key.go knownGOSUMDB
    static func sumdbNoteChanges(_ context: CheckFixContext) -> ([String], String) {
        guard let env = context.env, let known = SumDBSettingParser.knownKeys["sum.golang.org"] else { return ([], "fix.check.sumdb-note") }
        let fields = env["GOSUMDB"].split(separator: " ").map(String.init)
        guard let key = fields.first, key.hasPrefix("sum.golang.org+"), key != known else { return ([], "fix.check.sumdb-note") }
        return (context.set("GOSUMDB", "sum.golang.org"), "fix.check.sumdb-known-key")
    }
}
