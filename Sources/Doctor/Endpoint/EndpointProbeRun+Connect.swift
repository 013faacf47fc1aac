import NetProbes

/// The HTTP layer of an HTTPS_PROXY endpoint: does it open a tunnel to where the go command
/// needs one? A GET of the proxy's own "/" proves nothing about its CONNECT policy.
extension EndpointProbeRun {
    /// `CONNECT connectTarget` through this endpoint, with the project's one HTTP client (the
    /// go command's CONNECT, credentials included), stopping at the proxy's answer: a 200 is
    /// the proxy working, whatever the server behind it does next.
    func connectCheck(_ connectTarget: String, resolution: PlatformResolution?, deadline: ProbeDeadline) async -> ProbeResult<HTTPEvidence> {
        let label = "CONNECT \(connectTarget) via \(target.hostPort)"
        guard let url = try? HTTPRequestURL("https://\(connectTarget)/") else {
            return ProbeResult(target: label, outcome: .failed(FailureClass("bad-target", "not a host:port: \(connectTarget)")),
                               evidence: HTTPEvidence(method: "CONNECT", url: connectTarget, followRedirects: false),
                               durationSeconds: 0)
        }
        let proxied = Self.proxyEnvironment(environment, proxy: target)
        // Loopback and localhost never go through a proxy (httpproxy useProxy): nothing to ask.
        guard HTTPProxySelector(environment: proxied).usesProxy(host: url.host, port: url.port) else {
            return ProbeResult(target: label, outcome: .skipped(reason: "\(connectTarget) is never sent through a proxy"),
                               evidence: HTTPEvidence(method: "CONNECT", url: connectTarget, followRedirects: false),
                               durationSeconds: 0)
        }
        var options = HTTPClientOptions(method: "GET", followRedirects: false, maxBodyBytes: 64 << 10, environment: proxied)
        options.connectOnly = true
        options.firstByteTimeout = HTTPProbe.firstByteBound(left: deadline.remaining)
        if let resolution { options.resolved[target.host.lowercased()] = resolution }
        return await HTTPProbe(options: options).run(url, deadline: deadline)
    }

    /// The environment with every proxy variable replaced by HTTPS_PROXY = this endpoint: its
    /// value from the environment when that names the same host and port (it carries the
    /// credentials the go command would send), else `scheme://host:port`. NO_PROXY is dropped:
    /// the point is to go through the proxy.
    static func proxyEnvironment(_ environment: [String: String], proxy: EndpointTarget) -> [String: String] {
        let configured = HTTPProxySelector(environment: environment).httpsProxy
        var value = "\(proxy.scheme.rawValue)://\(proxy.hostPort)"
        if !configured.isEmpty, let parsed = try? HTTPRequestURL(configured.contains("://") ? configured : "http://" + configured),
           parsed.host.lowercased() == proxy.host.lowercased(), parsed.port == proxy.port {
            value = configured
        }
        var copy = environment
        for name in ["HTTPS_PROXY", "https_proxy", "HTTP_PROXY", "http_proxy", "NO_PROXY", "no_proxy"] { copy[name] = nil }
        copy["HTTPS_PROXY"] = value
        return copy
    }
}
