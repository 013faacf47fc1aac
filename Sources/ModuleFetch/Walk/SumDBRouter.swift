import Foundation
import GoModConfig
import NetProbes

/// Where checksum-database traffic really goes: each proxy is asked
/// `<proxy>/sumdb/<name>/supported`; 200 makes it the database's base; the walk follows
/// TryProxies, and when it ends in not-found (or at `direct`/`off`) the database is contacted
/// directly; any other error leaves the database unusable (cmd/go/internal/modfetch/sumdb.go initBase).
public struct SumDBRouter: Sendable {
    public var transport: any ModuleTransport

    public init(transport: any ModuleTransport) {
        self.transport = transport
    }

    /// The outcome of the `supported` walk.
    public struct Routing: Sendable, Equatable, Codable {
        public var name: String
        /// `<proxy>/sumdb/<name>` or the direct database URL; nil when unusable.
        public var base: String?
        /// Whether the database is reached through a proxy.
        public var viaProxy: Bool
        public var requests: [TransportResponse]
        public var failure: FetchFailure?

        public init(name: String, base: String?, viaProxy: Bool, requests: [TransportResponse], failure: FetchFailure?) {
            self.name = name
            self.base = base
            self.viaProxy = viaProxy
            self.requests = requests
            self.failure = failure
        }

        enum CodingKeys: String, CodingKey { case name, base, viaProxy, requests, failure }

        /// `base` may be a GOSUMDB URL with credentials: requests use it raw, output never does.
        public func encode(to encoder: any Encoder) throws {
            var container = encoder.container(keyedBy: CodingKeys.self)
            try container.encode(name, forKey: .name)
            try container.encodeIfPresent(base.map(SecretRedactor.redact), forKey: .base)
            try container.encode(viaProxy, forKey: .viaProxy)
            try container.encode(requests, forKey: .requests)
            try container.encodeIfPresent(failure, forKey: .failure)
        }
    }

    public func resolve(_ route: SumDBRoute, deadline: ProbeDeadline) async -> Routing {
        let directURL = route.explicitURL ?? route.steps.first(where: \.isDirect)?.url ?? "https://\(route.name)"
        var routing = Routing(name: route.name, base: nil, viaProxy: false, requests: [], failure: nil)
        if route.explicitURL != nil {
            routing.base = directURL
            return routing
        }
        var ranking = ProxyErrorRanking()
        for step in route.steps {
            if step.isDirect {
                ranking.record(FetchFailure(layer: .config, failureClass: "not-found", message: "module lookup disabled by GOPROXY=off"),
                               usedDirect: false)
                break
            }
            let base = String(step.url.dropLast("/supported".count))
            let response = await transport.get(step.url, maxBodyBytes: 64 << 10, insecure: false, deadline: deadline)
            routing.requests.append(response)
            guard let failure = response.failure else {
                routing.base = base
                routing.viaProxy = true
                return routing
            }
            ranking.record(failure, usedDirect: false)
            if !ProxyErrorRanking.continues(after: failure, fallback: step.fallback ?? .onNotFound) { break }
        }
        if let best = ranking.best, !best.isNotFound {
            routing.failure = FetchFailure(layer: .sumdb, failureClass: best.failureClass, message: best.message)
        } else {
            routing.base = directURL
        }
        return routing
    }

    /// `<base>/lookup/<escaped path>@<escaped version>` (the `!` stays literal in sumdb paths).
    public static func lookupURL(base: String, path: String, version: String) throws(ConfigInputError) -> String {
        let escapedPath = try ModulePath.escape(path)
        let escapedVersion = try ModulePath.escapeVersion(version)
        return ProxyURL.trimmed(base) + "/lookup/" + escapedPath + "@" + escapedVersion
    }
}
