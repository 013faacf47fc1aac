import Foundation

/// What a lab HTTP/2 GOPROXY does over h2 (over HTTP/1.1 it always serves).
public enum LabHTTP2Mode: String, Sendable {
    /// Serves the module tree over h2 too.
    case ok
    /// RST_STREAM INTERNAL_ERROR on every h2 request.
    case reset
    /// GOAWAY PROTOCOL_ERROR (last stream 0) on the first h2 request.
    case goaway
    /// A PING frame before the server's SETTINGS: the connection preface broken (RFC 9113 §3.4).
    case pingFirst = "ping-first"
}

/// A running lab/goproxy/h2_server.py and the log of the protocol of each request it got.
public struct LabHTTP2GoProxy: Sendable {
    public let process: LabProcess
    public let port: Int
    public let logPath: String

    /// The protocols ("h2", "http/1.1") of the requests since the last call, then clears the log.
    public func takeProtocols() -> [String] {
        let text = (try? String(contentsOfFile: logPath, encoding: .utf8)) ?? ""
        try? FileManager.default.removeItem(atPath: logPath)
        return text.split(separator: "\n").compactMap { $0.split(separator: "\t").first.map(String.init) }
    }
}

extension Lab {
    /// Starts an HTTPS GOPROXY offering ALPN h2 and http/1.1 (lab/goproxy/h2_server.py, Debian's
    /// python3-h2) on `port` of `host`, serving `tree`, with HTTP/2 behaving as `mode` says.
    public func startHTTP2GoProxy(on host: LabHost, tree: ModuleTree, port: Int, certificate: LabCertificate,
                                  mode: LabHTTP2Mode) async throws -> LabHTTP2GoProxy {
        let logPath = scratchPath("h2-proxy.log")
        // Debian's interpreter: python3-h2 is installed for it (a pyenv python3 earlier in PATH lacks it).
        let argv = ["/usr/bin/python3", helpers.labDirectory + "/goproxy/h2_server.py", "--root", tree.root, "--port", "\(port)",
                    "--cert", certificate.certificatePath, "--key", certificate.keyPath, "--h2", mode.rawValue, "--log", logPath]
        let process = try await spawn("h2-goproxy", in: host, argv, ready: .tcpPort(port))
        return LabHTTP2GoProxy(process: process, port: port, logPath: logPath)
    }
}
