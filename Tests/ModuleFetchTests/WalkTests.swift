import Foundation
import GoModConfig
import ModuleFetch
import NetProbes
import Testing

@Suite
struct WalkTests {
    static func proxy(_ url: String, _ fallback: ProxyFallback = .onNotFound) -> RouteStep {
        RouteStep(kind: .proxy, url: url, fallback: fallback, action: .fetchFromProxy)
    }

    static let info = #"{"Version":"v1.0.0"}"#

    func walk(_ steps: [RouteStep], _ transport: ScriptedTransport) async -> FileWalk {
        await RouteWalker(transport: transport, directProbe: nil)
            .walk(.info("v1.0.0"), modulePath: "x.io/m", steps: steps, direct: nil, deadline: .after(seconds: 5)).0
    }

    @Test
    func commaFallsThroughOnlyOnNotFound() async {
        let served = ScriptedTransport(["http://b/x.io/m/@v/v1.0.0.info": ScriptedTransport.ok(Self.info)])
        let walk404 = await walk([Self.proxy("http://a"), Self.proxy("http://b")], served)
        #expect(walk404.servedBy == "http://b")
        let gone = ScriptedTransport([
            "http://a/x.io/m/@v/v1.0.0.info": ScriptedTransport.status(410, ""),
            "http://b/x.io/m/@v/v1.0.0.info": ScriptedTransport.ok(Self.info),
        ])
        #expect(await walk([Self.proxy("http://a"), Self.proxy("http://b")], gone).servedBy == "http://b")
        let broken = ScriptedTransport([
            "http://a/x.io/m/@v/v1.0.0.info": ScriptedTransport.status(500, ""),
            "http://b/x.io/m/@v/v1.0.0.info": ScriptedTransport.ok(Self.info),
        ])
        let stopped = await walk([Self.proxy("http://a"), Self.proxy("http://b")], broken)
        #expect(stopped.servedBy == nil)
        #expect(stopped.failure?.message == "reading http://a/x.io/m/@v/v1.0.0.info: 500 Internal Server Error")
        #expect(broken.requested == ["http://a/x.io/m/@v/v1.0.0.info"])
        let piped = await walk([Self.proxy("http://a", .onAnyError), Self.proxy("http://b")], broken)
        #expect(piped.servedBy == "http://b")
    }

    @Test
    func transportErrorsStopACommaButNotAPipe() async {
        let refused = ScriptedTransport([
            "http://a/x.io/m/@v/v1.0.0.info": ScriptedTransport.transport(.tcp, "refused", "Get \"http://a/…\": dial tcp 10.0.0.1:80: connect: connection refused"),
            "http://b/x.io/m/@v/v1.0.0.info": ScriptedTransport.ok(Self.info),
        ])
        #expect(await walk([Self.proxy("http://a"), Self.proxy("http://b")], refused).failure?.layer == .tcp)
        #expect(await walk([Self.proxy("http://a", .onAnyError), Self.proxy("http://b")], refused).servedBy == "http://b")
    }

    @Test
    func rankingPrefersProxyErrorsOverNotFound() async {
        // a| fails hard, b says 404: the go command reports a's error, not b's not-found.
        let transport = ScriptedTransport(["http://a/x.io/m/@v/v1.0.0.info": ScriptedTransport.status(403, "")])
        let result = await walk([Self.proxy("http://a", .onAnyError), Self.proxy("http://b")], transport)
        #expect(result.failure?.failureClass == "auth")
        #expect(result.attempts.count == 2)
        // Two not-founds: the last one is reported.
        let both = await walk([Self.proxy("http://a"), Self.proxy("http://b")], ScriptedTransport())
        #expect(both.failure?.message == "reading http://b/x.io/m/@v/v1.0.0.info: 404 Not Found")
    }

    @Test
    func rankingUnit() {
        var ranking = ProxyErrorRanking()
        let notFound = FetchFailure(layer: .http, failureClass: "not-found", message: "nf")
        let hard = FetchFailure(layer: .http, failureClass: "server-error", message: "500")
        let direct = FetchFailure(layer: .dns, failureClass: "nxdomain", message: "direct")
        ranking.record(notFound, usedDirect: false)
        #expect(ranking.best == notFound)
        ranking.record(hard, usedDirect: false)
        ranking.record(notFound, usedDirect: false)
        #expect(ranking.best == hard)
        ranking.record(direct, usedDirect: true)
        ranking.record(hard, usedDirect: false)
        #expect(ranking.best == direct)
        #expect(ProxyErrorRanking.continues(after: notFound, fallback: .onNotFound))
        #expect(!ProxyErrorRanking.continues(after: hard, fallback: .onNotFound))
        #expect(ProxyErrorRanking.continues(after: hard, fallback: .onAnyError))
    }

    @Test
    func offAndSkipsAnswerWithoutRequests() async {
        let transport = ScriptedTransport()
        let off = await walk([RouteStep(kind: .off, fallback: .onNotFound, action: .fail, reason: "module lookup disabled by GOPROXY=off")], transport)
        #expect(off.failure?.message == "module lookup disabled by GOPROXY=off")
        #expect(off.failure?.layer == .config)
        let skipped = await walk([
            RouteStep(kind: .proxy, url: "http://a", fallback: .onNotFound, action: .skip, reason: "disabled by GOPRIVATE/GONOPROXY"),
            RouteStep(kind: .off, fallback: .onNotFound, action: .fail, reason: "module lookup disabled by GOPROXY=off"),
        ], transport)
        #expect(skipped.attempts.count == 2)
        #expect(transport.requested.isEmpty)
    }

    @Test
    func sumdbRoutingUsesAProxyThatSupportsIt() async throws {
        // SumDBRoute has no public memberwise initialiser: build it the way `env --json` writes it.
        let json = """
        {"name":"sum.golang.org","verifierKey":"k","steps":[
         {"url":"http://a/sumdb/sum.golang.org/supported","isDirect":false,"fallback":"onNotFound"},
         {"url":"http://b/sumdb/sum.golang.org/supported","isDirect":false,"fallback":"onNotFound"},
         {"url":"https://sum.golang.org","isDirect":true}]}
        """
        let route = try JSONDecoder().decode(SumDBRoute.self, from: Data(json.utf8))
        let viaB = await SumDBRouter(transport: ScriptedTransport(["http://b/sumdb/sum.golang.org/supported": ScriptedTransport.ok("")]))
            .resolve(route, deadline: .after(seconds: 5))
        #expect(viaB.base == "http://b/sumdb/sum.golang.org" && viaB.viaProxy)
        let direct = await SumDBRouter(transport: ScriptedTransport()).resolve(route, deadline: .after(seconds: 5))
        #expect(direct.base == "https://sum.golang.org" && !direct.viaProxy)
        let broken = await SumDBRouter(transport: ScriptedTransport(["http://a/sumdb/sum.golang.org/supported": ScriptedTransport.status(500, "")]))
            .resolve(route, deadline: .after(seconds: 5))
        #expect(broken.base == nil)
        #expect(broken.failure?.layer == .sumdb)
    }

    @Test
    func fetcherReportsTheFirstFailingFileWithTheModulePrefix() async {
        let transport = ScriptedTransport(["http://a/x.io/m/@v/v1.0.0.info": ScriptedTransport.ok(Self.info)])
        let fetcher = ModuleFetcher(transport: transport, environment: [:], govcs: GoVCSRules(), sumdb: nil)
        let request = ModuleFetchRequest(path: "x.io/m", version: "v1.0.0", steps: [Self.proxy("http://a")], checksumDatabase: nil,
                                         insecure: false, isPrivate: false, fetchZip: false)
        let outcome = await fetcher.fetch(request, deadline: .after(seconds: 5))
        #expect(outcome.status == .fails)
        #expect(outcome.failedAt == "mod")
        #expect(outcome.failure?.message == "x.io/m@v1.0.0: reading http://a/x.io/m/@v/v1.0.0.mod: 404 Not Found")
        #expect(outcome.requests.map(\.url) == ["http://a/x.io/m/@v/v1.0.0.info", "http://a/x.io/m/@v/v1.0.0.mod"])
    }

    @Test
    func zipSampleIsBounded() {
        let requests = (0..<5).map {
            ModuleFetchRequest(path: "x.io/m\($0)", version: "v1.0.0", steps: [], checksumDatabase: nil, insecure: false,
                               isPrivate: false, fetchZip: false, skippedBecause: $0 == 0 ? "replaced by a local directory" : nil)
        }
        #expect(FetchRun.sampleZips(requests, limit: 2).map(\.fetchZip) == [false, true, true, false, false])
        #expect(FetchRun.sampleZips(requests, limit: nil).map(\.fetchZip) == [false, true, true, true, true])
    }
}

/// Counts requests in flight per host; each request waits until released so that overlap is
/// certain rather than timed.
actor InFlightCounter {
    var current: [String: Int] = [:]
    var peak: [String: Int] = [:]
    var total = 0

    func enter(_ host: String) {
        current[host, default: 0] += 1
        peak[host] = max(peak[host, default: 0], current[host, default: 0])
        total += 1
    }

    func leave(_ host: String) { current[host, default: 0] -= 1 }
}

struct CountingTransport: ModuleTransport {
    let counter: InFlightCounter

    func get(_ url: String, maxBodyBytes: Int, insecure: Bool, deadline: ProbeDeadline) async -> TransportResponse {
        let host = URL(string: url)?.host ?? url
        await counter.enter(host)
        for _ in 0..<50 { await Task.yield() }
        await counter.leave(host)
        return TransportResponse(url: url, status: 404, failure: FetchFailure(layer: .http, failureClass: "not-found", message: "404"))
    }
}

@Suite
struct HostLimitTests {
    @Test
    func perHostLimitHoldsAcrossConcurrentModules() async {
        let counter = InFlightCounter()
        let run = FetchRun(transport: CountingTransport(counter: counter), environment: [:], govcs: GoVCSRules(),
                           options: FetchRun.Options(moduleConcurrency: 8, perHost: 2, zipSample: 0))
        let requests = (0..<12).map { index in
            ModuleFetchRequest(path: "x.io/m\(index)", version: "v1.0.0", steps: [
                RouteStep(kind: .proxy, url: index.isMultiple(of: 2) ? "http://a" : "http://b", fallback: .onNotFound, action: .fetchFromProxy),
            ], checksumDatabase: nil, insecure: false, isPrivate: false, fetchZip: false)
        }
        let report = await run.run(requests, sumdbRoute: nil, toolchain: nil, deadline: .after(seconds: 10))
        #expect(report.modules.count == 12)
        #expect(report.modules.map(\.path) == requests.map(\.path), "results keep the order of the requests")
        #expect(report.modules.allSatisfy { $0.status == .fails && $0.failedAt == "info" })
        let peak = await counter.peak
        // Each module's .info fails; its .mod walk started beside it (ModuleFetcher) may or may
        // not have been sent before it was cancelled.
        #expect((12...24).contains(await counter.total))
        #expect(peak["a", default: 0] <= 2 && peak["b", default: 0] <= 2, "\(peak)")
        #expect(peak["a", default: 0] >= 1)
    }
}
