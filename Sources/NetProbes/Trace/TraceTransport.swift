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

#endif
