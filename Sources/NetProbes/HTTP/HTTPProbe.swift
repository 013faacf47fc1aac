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
        var options = options
        // A probe exists to name what is wrong: a server that accepts and never answers is
        // named at a first-byte bound well before the deadline, unless the caller chose one.
        if options.firstByteTimeout == nil { options.firstByteTimeout = Self.firstByteBound(left: deadline.remaining) }
        let fetch = await HTTPClient(options: options).fetch(target, deadline: deadline)
        var evidence = fetch.evidence
        // A failure of HTTP/2 itself: ask again over HTTP/1.1, so "only this server's h2 is
        // broken" is told from "the server is broken". The outcome stays the h2 one: the go
        // command does not fall back either.
        if options.http2, let code = fetch.outcome.failure?.code, code.hasPrefix("h2-") {
            var http11 = options
            http11.http2 = false
            let retry = await HTTPClient(options: http11).fetch(target, deadline: deadline)
            evidence.http11Answered = retry.evidence.hops.last?.status != nil
        }
        return ProbeResult(target: target.redacted, outcome: fetch.outcome, evidence: evidence,
                           durationSeconds: PhaseClock.seconds(since: start))
    }

    /// About 40 % of the time left, clamped to 1–5 s: the same share the endpoint probe gives
    /// each TCP connect attempt, so a silent server leaves time for the verdict.
    public static func firstByteBound(left: Duration) -> Duration {
        // In tenths of a second: the bound is shown to people ("no response byte in 4.0 s").
        let tenths = min(50, max(10, (PhaseClock.seconds(left) * 4).rounded()))
        return .milliseconds(Int64(tenths) * 100)
    }
}
