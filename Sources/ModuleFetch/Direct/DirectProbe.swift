import Foundation
import GoModConfig
import NetProbes

/// What direct mode found for a module: go-get discovery, GOVCS, and whether the VCS
/// endpoint answers (git smart HTTP). The VCS transfer itself is not run.
public struct DirectProbeReport: Sendable, Equatable, Codable {
    /// `https://<path>?go-get=1` (and the http retry under GOINSECURE).
    public var discovery: [TransportResponse] = []
    public var imports: [GoImportMeta] = []
    public var matched: GoImportMeta?
    /// `<repo>/info/refs?service=git-upload-pack`.
    public var vcsRequest: TransportResponse?
    /// The auth scheme a 401 asked for ("Basic", "Bearer"), never its parameters.
    public var authChallenge: String?
    /// Whether .netrc holds credentials for the repository host (never what they are).
    public var netrcHasCredentials: Bool?
    public var failure: FetchFailure?
}

/// Direct mode as the go command starts it (cmd/go/internal/vcs vcs.go RepoRootForImportPath,
/// repoRootForImportDynamic, CheckGOVCS), then a reachability check of the repository.
public struct DirectProbe: Sendable {
    public var transport: any ModuleTransport
    public var environment: [String: String]
    /// GOINSECURE matches the path: http fallback and no certificate check.
    public var insecure: Bool
    public var govcs: GoVCSRules
    /// GOPRIVATE matches the path (GOVCS `private`).
    public var isPrivate: Bool
    /// The go command's release: its XML tokenizer and go-import fields differ between
    /// releases (GoXMLTokenizer.Dialect); nil means the newest.
    public var goRelease: GoReleaseVersion?

    public init(transport: any ModuleTransport, environment: [String: String], insecure: Bool, govcs: GoVCSRules, isPrivate: Bool) {
        self.transport = transport
        self.environment = environment
        self.insecure = insecure
        self.govcs = govcs
        self.isPrivate = isPrivate
    }

    public func run(modulePath: String, deadline: ProbeDeadline) async -> DirectProbeReport {
        var report = DirectProbeReport()
        let wrap = { (text: String) in "unrecognized import path \"\(modulePath)\": \(text)" }
        // Known hosting sites need no discovery (repoRootFromVCSPaths).
        if let known = KnownVCSHosts.match(modulePath) {
            report.matched = known
            return await checkRepository(known, report: report, deadline: deadline, wrap: { $0 })
        }
        // web.Get: Insecure tries https without verification (5 s), then http.
        var response = await transport.get("https://\(modulePath)?go-get=1", maxBodyBytes: 1 << 20, insecure: insecure,
                                           deadline: insecure ? deadline.capped(at: .seconds(5)) : deadline)
        report.discovery.append(response)
        if insecure, let failure = response.failure, !Self.isStatusError(failure) {
            response = await transport.get("http://\(modulePath)?go-get=1", maxBodyBytes: 1 << 20, insecure: true, deadline: deadline)
            report.discovery.append(response)
        }
        let page = response.status == nil ? GoImportMeta.Page(imports: [], error: nil)
                                          : GoImportMeta.parse(response.body, goRelease: goRelease)
        let imports = page.imports
        report.imports = imports
        if let failure = response.failure, !Self.isStatusError(failure) || imports.isEmpty {
            let status = Self.isStatusError(failure)
            let prefix = status ? "" : (insecure ? "http/https fetch: " : "https fetch: ")
            report.failure = FetchFailure(layer: status ? .vcs : failure.layer, failureClass: failure.failureClass,
                                          message: wrap(prefix + failure.message))
            return report
        }
        if let error = page.error {
            report.failure = FetchFailure(layer: .vcs, failureClass: "no-go-import", message: wrap("parsing \(modulePath): \(error)"))
            return report
        }
        let matched: GoImportMeta
        switch GoImportMeta.match(imports, importPath: modulePath) {
        case .success(let meta): matched = meta
        case .failure(let error):
            let text = error.isMismatch ? "parse \(response.url): no go-import meta tags (\(error.message))"
                                        : "parse \(response.url): \(error.message)"
            report.failure = FetchFailure(layer: .vcs, failureClass: "no-go-import", message: wrap(text))
            return report
        }
        report.matched = matched
        return await checkRepository(matched, report: report, deadline: deadline, wrap: wrap)
    }

    /// GOVCS, .netrc presence, and the git smart-HTTP endpoint of the repository.
    func checkRepository(_ matched: GoImportMeta, report: DirectProbeReport, deadline: ProbeDeadline,
                         wrap: (String) -> String) async -> DirectProbeReport {
        var report = report
        if matched.vcs != "mod", !govcs.allows(vcs: matched.vcs, modulePath: matched.prefix, isPrivate: isPrivate) {
            let what = isPrivate ? "private" : "public"
            report.failure = FetchFailure(layer: .config, failureClass: "govcs",
                                          message: wrap("GOVCS disallows using \(matched.vcs) for \(what) \(matched.prefix); see 'go help vcs'"))
            return report
        }
        if let host = URL(string: matched.repoRoot)?.host {
            report.netrcHasCredentials = NetrcLookup.hasCredentials(for: host, environment: environment)
        }
        guard matched.vcs == "git" else { return report }
        let refs = matched.repoRoot + (matched.repoRoot.hasSuffix("/") ? "" : "/") + "info/refs?service=git-upload-pack"
        let vcs = await transport.get(refs, maxBodyBytes: 64 << 10, insecure: insecure, deadline: deadline)
        report.vcsRequest = vcs
        if vcs.status == 401 {
            let header = vcs.evidence?.hops.last?.headers.first { $0.name.lowercased() == "www-authenticate" }?.value
            report.authChallenge = header.flatMap { $0.split(separator: " ").first.map(String.init) }
        }
        if let failure = vcs.failure {
            report.failure = FetchFailure(layer: failure.layer == .http ? .vcs : failure.layer, failureClass: failure.failureClass,
                                          message: failure.message)
        }
        return report
    }

    /// A response with a non-200 status (web.Response.Err), as opposed to a transport error.
    static func isStatusError(_ failure: FetchFailure) -> Bool { failure.message.hasPrefix("reading ") }
}
