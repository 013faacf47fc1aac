import Foundation

extension Lab {
    /// Serves `tree` as a GOPROXY on `port` (all addresses of `host`), over HTTPS when
    /// `certificate` is given. Missing files answer 404; `rules` inject statuses, redirects, delays.
    @discardableResult
    public func startGoProxy(
        on host: LabHost, tree: ModuleTree, port: Int = 80, certificate: LabCertificate? = nil, rules: [ProxyRule] = []
    ) async throws -> LabGoProxy {
        let rulesPath = scratchPath("proxy-rules.json")
        try setRules(rules, at: rulesPath)
        var argv = ["python3", helpers.goProxyServer, "--root", tree.root, "--port", "\(port)", "--rules", rulesPath]
        if let certificate { argv += ["--cert", certificate.certificatePath, "--key", certificate.keyPath] }
        let process = try await spawn("goproxy", in: host, argv, ready: .tcpPort(port))
        return LabGoProxy(process: process, port: port, isTLS: certificate != nil, rulesPath: rulesPath)
    }

    /// Replaces a running GOPROXY's fault rules (effective from its next request).
    public func setRules(_ rules: [ProxyRule], for proxy: LabGoProxy) throws {
        try setRules(rules, at: proxy.rulesPath)
    }

    /// Starts the checksum database (lab/sumdb: x/mod's sumdb server with a fresh key) on
    /// `address`:`port` in `host`, serving the go.sum lines of `tree`. `keysFile`: share one
    /// signing key between servers (a forked database); `pathPrefix`: serve as a GOPROXY's
    /// `/sumdb/<name>` view (with `<prefix>/supported`).
    @discardableResult
    public func startSumDB(
        on host: LabHost, tree: ModuleTree, address: String, port: Int = 8081, name: String = "sum.lab.example",
        keysFile: String? = nil, pathPrefix: String? = nil
    ) async throws -> LabSumDB {
        let binary = try await helpers.sumdb()
        let listen = address.contains(":") ? "[\(address)]:\(port)" : "\(address):\(port)"
        var argv = [binary, "-listen", listen, "-gosum", tree.goSumPath, "-name", name]
        if let keysFile { argv += ["-keys", keysFile] }
        if let pathPrefix { argv += ["-prefix", pathPrefix] }
        let process = try await spawn("sumdb", in: host, argv, ready: .outputContains("listening"))
        let key = process.output().stdout.split(separator: "\n").first { $0.hasPrefix("vkey ") }
        guard let key else { throw LabError("start sumdb", "no verifier key in its output") }
        return LabSumDB(process: process, verifierKey: String(key.dropFirst(5)), address: address, port: port)
    }

    /// Starts tinyproxy (an HTTP CONNECT proxy for HTTPS_PROXY scenarios) on `port` of `host`,
    /// allowing every client and every CONNECT port (Lab+ConnectPolicy.swift restricts them).
    @discardableResult
    public func startConnectProxy(on host: LabHost, port: Int = 3128) async throws -> LabProcess {
        try await startConnectProxy(on: host, port: port, connectPorts: [])
    }

    private func setRules(_ rules: [ProxyRule], at path: String) throws {
        let data = try JSONEncoder().encode(rules)
        try write(String(decoding: data, as: UTF8.self), to: path)
    }
}
