/// Why a probe failed, as a bounded code (usable as a metric label) plus the human detail.
/// A broken network is evidence, not an error: probes return this, they do not throw.
public struct FailureClass: Sendable, Equatable, Hashable, Codable {
    /// Bounded vocabulary: "timeout", "refused", "unreachable", "reset", "nxdomain", "servfail",
    /// "refused-dns", "expired", "not-yet-valid", "hostname-mismatch", "unknown-authority",
    /// "self-signed", "not-tls", "http-status", "redirect-loop", "insecure-redirect",
    /// "proxy-connect", "too-large", … Each probe documents the codes it uses.
    public var code: String
    /// What was seen, redacted ("connect to 10.77.1.2:443: connection refused").
    public var detail: String

    public init(_ code: String, _ detail: String) {
        self.code = code
        self.detail = detail
    }
}

public enum ProbeOutcome: Sendable, Equatable, Codable {
    case ok
    case failed(FailureClass)
    case skipped(reason: String)

    public var isOK: Bool { self == .ok }

    public var failure: FailureClass? {
        if case .failed(let failure) = self { return failure }
        return nil
    }

    enum CodingKeys: String, CodingKey { case status, code, detail, reason }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        switch self {
        case .ok:
            try container.encode("ok", forKey: .status)
        case .failed(let failure):
            try container.encode("failed", forKey: .status)
            try container.encode(failure.code, forKey: .code)
            try container.encode(failure.detail, forKey: .detail)
        case .skipped(let reason):
            try container.encode("skipped", forKey: .status)
            try container.encode(reason, forKey: .reason)
        }
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        switch try container.decode(String.self, forKey: .status) {
        case "ok": self = .ok
        case "failed": self = .failed(FailureClass(try container.decode(String.self, forKey: .code),
                                                   try container.decode(String.self, forKey: .detail)))
        default: self = .skipped(reason: try container.decodeIfPresent(String.self, forKey: .reason) ?? "")
        }
    }
}

/// What every probe returns: the target, the outcome, the per-layer evidence and timing.
/// The same structure is printed by the single-layer commands' `--json` and used by `check`.
public struct ProbeResult<Evidence: Sendable & Codable & Equatable>: Sendable, Equatable, Codable {
    public var target: String
    public var outcome: ProbeOutcome
    public var evidence: Evidence
    /// Wall time the probe took, in seconds.
    public var durationSeconds: Double

    public init(target: String, outcome: ProbeOutcome, evidence: Evidence, durationSeconds: Double) {
        self.target = target
        self.outcome = outcome
        self.evidence = evidence
        self.durationSeconds = durationSeconds
    }
}
