import Foundation

/// `curl -v -L` from the go command's point of view: one fetch with the project's client,
/// every hop's phases, the redirect chain, and the status classified.
public struct HTTPProbe: Sendable {
    public var options: HTTPClientOptions

    public init(options: HTTPClientOptions) {
        self.options = options
    }

    public func run(_ target: HTTPRequestURL, deadline: ProbeDeadline) async -> ProbeResult<HTTPEvidence> {
        let start = ContinuousClock.now
        let fetch = await HTTPClient(options: options).fetch(target, deadline: deadline)
        return ProbeResult(target: target.redacted, outcome: fetch.outcome, evidence: fetch.evidence,
                           durationSeconds: PhaseClock.seconds(since: start))
    }
}
