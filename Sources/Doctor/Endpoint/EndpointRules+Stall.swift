import Foundation
import NetProbes

/// The HTTP-layer rules of issue 11: a CONNECT refused by the HTTPS_PROXY endpoint itself,
/// and a server (or proxy) that accepts connections and never answers.
extension EndpointRules {
    /// The proxy answered CONNECT with a non-200: its policy (403), its wish for credentials
    /// (407) or its own failure to reach the target (5xx) — the proxy is the endpoint at fault,
    /// whichever module proxy is asked through it.
    func connectRefusedFinding(_ http: EndpointFacts.HTTP, code: Int, connectTarget: String) -> Finding {
        let line = http.connectStatusLine ?? String(code)
        let status = Self.statusWithoutVersion(line)
        let proxy = http.proxy ?? "\(target.scheme.rawValue)://\(target.hostPort)"
        var evidence = ["CONNECT \(connectTarget) → \(status)", line]
        if code == 407 {
            evidence.append("407: the proxy wants credentials" + (http.proxyAuthenticate.map { " (Proxy-Authenticate: \($0))" } ?? ""))
        } else if let challenge = http.proxyAuthenticate {
            evidence.append("Proxy-Authenticate: \(challenge)")
        }
        if let body = http.connectBody { evidence.append(body) }
        // `endpoint` is the proxy (also when the endpoint probed is a server reached through it).
        let proxyEndpoint = (try? HTTPRequestURL(proxy))?.hostPort ?? target.hostPort
        return finding("endpoint.https-proxy.connect-refused", .http, .failure,
                       arguments: ["status": status, "statusCode": String(code), "proxy": proxy, "target": connectTarget,
                                   "endpoint": proxyEndpoint, "message": "CONNECT \(connectTarget) → \(status)"],
                       evidence: evidence,
                       commands: ["curl -sS -x \(proxy) -I https://\(connectTarget)/"])
    }

    /// The request (or CONNECT) was sent on a working connection and not one byte came back
    /// within the first-byte bound: the server accepts and never answers.
    func noResponseFinding(_ http: EndpointFacts.HTTP, _ failure: FailureClass) -> Finding {
        let seconds = http.firstByteTimeoutSeconds.map { String(format: "%.1f", $0) } ?? "?"
        var evidence = [failure.detail]
        if let proxy = http.proxy { evidence.append("through proxy \(proxy)") }
        return finding("endpoint.http.no-response", .http, .failure, arguments: ["seconds": seconds], evidence: evidence,
                       commands: ["curl -v --max-time 10 \(target.url)", "gomod-doctor http \(target.url) -v"])
    }

    /// "403 Forbidden" from "HTTP/1.1 403 Forbidden" (the line itself when it has no version).
    static func statusWithoutVersion(_ line: String) -> String {
        guard line.hasPrefix("HTTP/"), let space = line.firstIndex(of: " ") else { return line }
        return String(line[line.index(after: space)...])
    }
}
