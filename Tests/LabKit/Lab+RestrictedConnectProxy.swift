import Foundation

extension Lab {
    /// Starts tinyproxy on `port` of `host` allowing CONNECT only to `connectPorts`: a CONNECT
    /// to any other port is refused with 403 — an HTTPS proxy whose policy denies the
    /// destination (the go command then fails with the status text, net/http transport.go).
    @discardableResult
    public func startConnectProxy(on host: LabHost, port: Int, allowingConnectPorts connectPorts: [Int]) async throws -> LabProcess {
        guard !connectPorts.isEmpty else { throw LabError("start tinyproxy", "give at least one CONNECT port") }
        let config = scratchPath("tinyproxy-restricted.conf")
        let lines = [
            "Port \(port)", "Timeout 60", "MaxClients 50", "LogLevel Info", "Allow 0.0.0.0/0", "Allow ::/0",
            "PidFile \"\(scratchPath("tinyproxy-restricted.pid"))\"",
        ] + connectPorts.map { "ConnectPort \($0)" }
        try write(lines.joined(separator: "\n") + "\n", to: config)
        return try await spawn("tinyproxy", in: host, ["tinyproxy", "-d", "-c", config], ready: .tcpPort(port))
    }
}
