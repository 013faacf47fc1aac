import Foundation

/// The netstat view of TCP sockets: /proc/net/tcp and /proc/net/tcp6 of one network
/// namespace (the caller's, or any process's through /proc/<pid>/net). Linux only: on other
/// systems `read` says the table is unavailable rather than guessing.
public struct SocketTable: Sendable {
    /// The directory holding `tcp` and `tcp6`: "/proc/net", or "/proc/<pid>/net" for the
    /// namespace of process <pid>.
    public var directory: String

    public init(directory: String = "/proc/net") {
        self.directory = directory
    }

    /// Reads both files; a missing tcp6 (IPv6 disabled) is not an error.
    public func read() -> SocketTableEvidence {
        #if os(Linux)
        var evidence = SocketTableEvidence(available: true, sources: [], entries: [], errors: [])
        let parser = ProcNetTCPParser()
        for (file, family) in [("tcp", AddressFamily.ipv4), ("tcp6", .ipv6)] {
            let path = directory + "/" + file
            guard let data = FileManager.default.contents(atPath: path) else {
                if family == .ipv4 { evidence.errors.append("\(path): cannot read") }
                continue
            }
            evidence.sources.append(path)
            let parsed = parser.parse(String(decoding: data, as: UTF8.self), family: family)
            evidence.entries += parsed.entries
            evidence.errors += parsed.errors.map { "\(path): \($0)" }
        }
        return evidence
        #else
        return SocketTableEvidence(available: false, sources: [], entries: [],
                                   errors: ["the socket table is read from /proc/net/tcp, which exists on Linux only"])
        #endif
    }

    /// `gomod-doctor sockets` as a probe: the (filtered) table and its outcome.
    public func probe(_ filter: SocketFilter) -> ProbeResult<SocketTableEvidence> {
        let start = ContinuousClock.now
        var evidence = read()
        evidence.entries = evidence.entries.filter(filter.matches)
        let outcome: ProbeOutcome
        if !evidence.available {
            outcome = .skipped(reason: evidence.errors.first ?? "unavailable")
        } else if evidence.sources.isEmpty {
            outcome = .failed(FailureClass("read-error", evidence.errors.first ?? "cannot read \(directory)"))
        } else {
            outcome = .ok
        }
        let elapsed = ContinuousClock.now - start
        return ProbeResult(target: directory, outcome: outcome, evidence: evidence,
                           durationSeconds: Double(elapsed.components.attoseconds) / 1e18 + Double(elapsed.components.seconds))
    }
}
