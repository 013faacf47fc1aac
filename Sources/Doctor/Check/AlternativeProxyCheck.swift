import GoModConfig
import ModuleFetch
import NetProbes

/// Proves a replacement proxy before a fix names it: for each candidate (the configured
/// proxies that are not broken, then well-known public mirrors) the blocked modules' `.info`
/// and `.mod` — and `.zip` for a module whose bytes failed verification — are fetched through
/// it alone and verified exactly as the go command would (go.sum, then the checksum database).
/// A candidate counts only when every sampled module passed. All candidates run at once under
/// the run's deadline.
struct AlternativeProxyCheck: Sendable {
    /// Public proxies that serve every public module and proxy sum.golang.org.
    static let wellKnownProxies = ["https://proxy.golang.org", "https://goproxy.cn"]
    /// Modules sampled per candidate: enough to tell, few enough to stay fast.
    static let sampleSize = 3

    var fetcher: ModuleFetcher

    /// The candidates in order of preference: configured proxies first (they may serve private
    /// modules too), then the well-known ones; never one in `excluded` (GOPROXY spelling).
    static func candidates(routes: RouteTable, excluded: Set<String>) -> [String] {
        var list: [String] = []
        for spec in routes.proxyList {
            if case .url(let url) = spec.entry { list.append(ProxyURL.trimmed(url)) }
        }
        list += wellKnownProxies
        var seen = Set<String>()
        return list.filter { !excluded.contains($0) && seen.insert($0).inserted }
    }

    /// The candidates that served and verified every request in `blocked` (sampled), in order.
    func verify(candidates: [String], blocked: [ModuleFetchRequest], deadline: ProbeDeadline) async -> [VerifiedProxy] {
        let sample = Array(blocked.prefix(Self.sampleSize))
        guard !sample.isEmpty, !candidates.isEmpty else { return [] }
        let fetcher = fetcher
        let results = await withTaskGroup(of: (Int, Bool).self) { group in
            for (index, candidate) in candidates.enumerated() {
                group.addTask {
                    for request in sample {
                        var through = request
                        through.steps = [RouteStep(kind: .proxy, url: candidate, fallback: .onNotFound, action: .fetchFromProxy)]
                        guard await fetcher.fetch(through, deadline: deadline).status == .ok else { return (index, false) }
                    }
                    return (index, true)
                }
            }
            var passed: [Int: Bool] = [:]
            for await (index, ok) in group { passed[index] = ok }
            return passed
        }
        let names = sample.map { "\($0.path)@\($0.version)" }.sorted()
        return candidates.enumerated().compactMap { index, url in results[index] == true ? VerifiedProxy(url: url, modules: names) : nil }
    }
}
