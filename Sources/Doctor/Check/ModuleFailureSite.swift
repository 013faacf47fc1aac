import Foundation
import ModuleFetch

/// Ties a failing module to the endpoint whose answer (or silence) decided its failure, from
/// data the fetch recorded — the URL of the deciding request and the failure's typed class —
/// never from the text of the go command's message.
enum ModuleFailureSite {
    /// Failure classes of a request that never got past HTTPS_PROXY: the proxy is the site,
    /// whatever URL was asked for (net/http transport.go dialConn, CONNECT).
    static let httpsProxyClasses: Set<String> = ["proxy-connect", "proxy-connect-refused"]

    /// The key of the endpoint `module`'s failure happened at, when it is one `check` probed.
    static func endpointKey(of module: ModuleFetchOutcome, in endpoints: [CheckDiagnosis.EndpointResult]) -> String? {
        guard let failure = module.failure else { return nil }
        let name = "\(module.path)@\(module.version)"
        if httpsProxyClasses.contains(failure.failureClass) {
            let proxies = endpoints.filter { $0.endpoint.roles.contains(.httpsProxy) }
            return (proxies.first { $0.endpoint.modules.contains(name) } ?? proxies.first)?.endpoint.key
        }
        guard let url = module.failedURL, let key = key(ofURL: url) else { return nil }
        return endpoints.contains { $0.endpoint.key == key } ? key : nil
    }

    /// `scheme://host:port` of a URL, as `CheckEndpoint.key` spells it.
    static func key(ofURL url: String) -> String? {
        CheckEndpoints.target(url: url).map { CheckEndpoint(target: $0, roles: [], modules: []).key }
    }

    /// Every endpoint key a module's walks (and its checksum lookup) sent a request to; direct
    /// mode counts for the host its discovery request went to.
    static func contactedKeys(of module: ModuleFetchOutcome) -> Set<String> {
        var urls: [String] = []
        for walk in module.walks {
            for attempt in walk.attempts {
                if let request = attempt.request { urls.append(request.url) }
                if let fallback = attempt.fallbackRequest { urls.append(fallback.url) }
                if let direct = attempt.direct { urls += direct.discovery.map(\.url) + [direct.vcsRequest?.url].compactMap { $0 } }
            }
        }
        urls += module.checksum?.requests.map(\.url) ?? []
        return Set(urls.compactMap(key(ofURL:)))
    }
}
