import Foundation

extension Lab {
    /// Starts dnsmasq in `host` on `address`:`port` (UDP and TCP) serving `config`.
    /// No upstream, no /etc/hosts: unknown names get REFUSED, names in `nxdomainZones`
    /// NXDOMAIN, names in `servfailZones` SERVFAIL. Queries are logged to its stderr.
    @discardableResult
    public func startDNSServer(
        on host: LabHost, address: String, port: Int = 53, config: DNSServerConfig
    ) async throws -> LabDNSServer {
        var lines = [
            "no-resolv", "no-hosts", "no-poll", "bind-interfaces", "listen-address=\(address)", "port=\(port)",
            "user=root", "group=root", "log-queries", "log-facility=-", "cache-size=0",
        ]
        lines += config.records.map(\.dnsmasqLine)
        lines += config.nxdomainZones.map { "local=/\($0)/" }
        var responder: LabProcess?
        if !config.servfailZones.isEmpty {
            let responderPort = 5300 + port % 100
            responder = try await startBrokenDNSServer(on: host, mode: .servfail, address: "127.0.0.1", port: responderPort)
            lines += config.servfailZones.map { "server=/\($0)/127.0.0.1#\(responderPort)" }
        }
        lines += config.forwardZones.map { "server=/\($0.zone)/\($0.server)" }
        let configPath = scratchPath("dnsmasq.conf")
        do {
            try (lines.joined(separator: "\n") + "\n").write(toFile: configPath, atomically: true, encoding: .utf8)
        } catch {
            throw LabError("write \(configPath)", "\(error)")
        }
        let process = try await spawn(
            "dnsmasq", in: host,
            ["dnsmasq", "--keep-in-foreground", "--conf-file=\(configPath)", "--pid-file=\(scratchPath("dnsmasq.pid"))"],
            ready: .udpPort(port))
        return LabDNSServer(host: host, address: address, port: port, process: process, servfailResponder: responder)
    }

    /// Starts a DNS server on `address`:`port` (UDP) that answers SERVFAIL or never answers.
    @discardableResult
    public func startBrokenDNSServer(
        on host: LabHost, mode: BrokenDNSMode, address: String, port: Int = 53
    ) async throws -> LabProcess {
        try await spawn(
            "dns-\(mode.rawValue)", in: host,
            ["python3", helpers.dnsResponder, "--mode", mode.rawValue, "--listen", address, "--port", "\(port)"],
            ready: .outputContains("ready"))
    }
}
