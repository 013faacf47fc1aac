#if canImport(Glibc)
import Glibc

/// The sockets of one trace method. Used from the single thread that drives a trace
/// (`TraceEngine`), never shared: sends planned probes, reads answers, forgets expired probes.
protocol TraceTransport: AnyObject {
    /// "ip-recverr" or "raw-socket" (reported in the evidence).
    var mechanism: String { get }
    /// Sends one probe; returns a local error text when it could not.
    func send(_ probe: TraceStateMachine.PlannedProbe) -> String?
    /// Descriptors to poll, with the events wanted on each.
    func pollSet() -> [pollfd]
    /// Reads what `fd` has; each answer names the probe id it belongs to.
    func read(_ fd: Int32, events: Int16) -> [(id: Int, answer: TraceAnswer)]
    /// Answers known as soon as a probe was sent (a loopback connect), taken once.
    func takeImmediate() -> [(id: Int, answer: TraceAnswer)]
    /// Drops per-probe state (TCP sockets) of probes the state machine no longer waits for.
    func prune(keeping isPending: (Int) -> Bool)
    /// Local errors met while reading (each once).
    var errors: [String] { get }
    func close()
}

/// Why a transport could not be opened (the socket call's errno, e.g. EPERM for a raw socket).
struct TraceTransportError: Error {
    var message: String
    var isPermission: Bool
}

enum TraceTransports {
    static func open(_ configuration: TraceConfiguration, destination: String) throws(TraceTransportError) -> any TraceTransport {
        switch configuration.method {
        case .udp: return try TraceUDPTransport(destination: destination, basePort: configuration.port)
        case .tcp: return TraceTCPTransport(destination: destination, port: configuration.port)
        case .icmp: return try TraceICMPTransport(destination: destination)
        }
    }

    static func socketError(_ what: String) -> TraceTransportError {
        let code = errno
        return TraceTransportError(message: "\(what): " + TraceLinux.errorText(code),
                                   isPermission: code == EPERM || code == EACCES)
    }
}
#endif
