import Foundation

extension Lab {
    /// Starts tinyproxy on `port` of `host` allowing CONNECT only to `connectPorts` (tinyproxy's
    /// `ConnectPort`; empty: every port). A CONNECT to any other port is answered
    /// `HTTP/1.0 403 Access violation` — a proxy policy denial as corporate proxies give.
    /// Each port gets its own config, so several proxies can run side by side.
    @discardableResult
    public func startConnectProxy(on host: LabHost, port: Int, connectPorts: [Int]) async throws -> LabProcess {
        let config = scratchPath("tinyproxy-\(port).conf")
        try write(
            """
            Port \(port)
            Timeout 60
            MaxClients 50
            LogLevel Info
            Allow 0.0.0.0/0
            Allow ::/0
            PidFile "\(scratchPath("tinyproxy-\(port).pid"))"
            \(connectPorts.map { "ConnectPort \($0)" }.joined(separator: "\n"))

            """, to: config)
        return try await spawn("tinyproxy-\(port)", in: host, ["tinyproxy", "-d", "-c", config], ready: .tcpPort(port))
    }
}
