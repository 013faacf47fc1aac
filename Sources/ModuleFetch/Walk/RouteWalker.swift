import Foundation
import GoModConfig
import NetProbes

/// Walks a module's GOPROXY route for one file exactly as TryProxies does: `,` moves on only
/// after not-found, `|` after any error, skips count as not-found, and the reported error is
/// ranked (cmd/go/internal/modfetch/proxy.go TryProxies, repo.go lookup).
public struct RouteWalker: Sendable {
    public var transport: any ModuleTransport
    /// Runs direct mode for a module; nil means direct entries are reported as not probed.
    public var directProbe: DirectProbe?

    public init(transport: any ModuleTransport, directProbe: DirectProbe?) {
        self.transport = transport
        self.directProbe = directProbe
    }

    /// The walk of `file` for `modulePath` over `steps`. `direct` caches the direct-mode report
    /// so that `noproxy` and `direct` (and several files) probe the origin once.
    public func walk(_ file: ProxyFile, modulePath: String, steps: [RouteStep], direct: DirectProbeReport?,
                     deadline: ProbeDeadline) async -> (FileWalk, DirectProbeReport?) {
        var ranking = ProxyErrorRanking()
        var attempts: [StepAttempt] = []
        var directReport = direct
        for step in steps {
            var attempt = StepAttempt(kind: step.kind.rawValue, source: step.url.map(SecretRedactor.redact), failure: nil)
            var usedDirect = false
            switch step.action {
            case .skip, .fail:
                attempt.failure = FetchFailure(layer: .config, failureClass: step.action == .skip ? "not-found" : "disabled",
                                               message: step.reason ?? "module lookup disabled")
                // proxy.go: errProxyOff counts as not found for the walk's fallback and ranking.
                if step.action == .fail, step.kind == .off { attempt.failure?.failureClass = "not-found" }
            case .fetchFromProxy:
                let client = GoProxyClient(base: step.url ?? "", transport: transport)
                let result = await client.fetch(file, modulePath: modulePath, deadline: deadline)
                attempt.request = result.response
                attempt.fallbackRequest = result.fallback
                attempt.failure = result.failure
                if result.failure == nil {
                    attempts.append(attempt)
                    return (FileWalk(file: file, attempts: attempts, servedBy: attempt.sourceName, failure: nil, info: result.info,
                                     versions: result.versions.isEmpty ? nil : result.versions), directReport)
                }
            case .fetchDirect:
                usedDirect = true
                if directReport == nil, let directProbe {
                    directReport = await directProbe.run(modulePath: modulePath, deadline: deadline)
                }
                attempt.direct = directReport
                if let report = directReport {
                    attempt.failure = report.failure
                } else {
                    attempt.failure = FetchFailure(layer: .vcs, failureClass: "not-probed", message: "direct mode not probed")
                }
                if attempt.failure == nil, let matched = directReport?.matched, matched.vcs == "mod" {
                    // A "mod" go-import names a module proxy (cmd/go/internal/modfetch/repo.go:
                    // newProxyRepo(rr.Repo, path)) — golang.org/toolchain points at go.dev/dl/mod —
                    // so the file itself is fetched from it, as from a GOPROXY entry.
                    let result = await GoProxyClient(base: matched.repoRoot, transport: transport).fetch(file, modulePath: modulePath, deadline: deadline)
                    attempt.request = result.response
                    attempt.fallbackRequest = result.fallback
                    attempt.failure = result.failure
                    if result.failure == nil {
                        attempts.append(attempt)
                        return (FileWalk(file: file, attempts: attempts, servedBy: step.kind.rawValue, failure: nil, info: result.info,
                                         versions: result.versions.isEmpty ? nil : result.versions), directReport)
                    }
                }
                if attempt.failure == nil {
                    attempts.append(attempt)
                    return (FileWalk(file: file, attempts: attempts, servedBy: step.kind.rawValue, failure: nil), directReport)
                }
            }
            attempts.append(attempt)
            guard let failure = attempt.failure else { continue }
            ranking.record(failure, usedDirect: usedDirect)
            if step.action == .fail, step.kind != .off {
                break
            }
            if !ProxyErrorRanking.continues(after: failure, fallback: step.fallback) { break }
        }
        let failure = ranking.best ?? FetchFailure(layer: .config, failureClass: "no-route",
                                                   message: "GOPROXY list is not the empty string, but contains no entries")
        return (FileWalk(file: file, attempts: attempts, servedBy: nil, failure: failure), directReport)
    }
}
