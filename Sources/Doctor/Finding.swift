/// The network or protocol layer a finding belongs to. The first broken layer of an endpoint
/// is its root cause; later layers' failures are symptoms.
public enum Layer: String, Sendable, Codable, CaseIterable {
    case config, dns, icmp, tcp, tls, http, path
    case moduleProtocol = "module-protocol"
    case sumdb, integrity
}

public enum Severity: String, Sendable, Codable, Comparable, CaseIterable {
    case info, warning, failure

    private var rank: Int { self == .info ? 0 : (self == .warning ? 1 : 2) }
    public static func < (lhs: Severity, rhs: Severity) -> Bool { lhs.rank < rhs.rank }
}

/// What to run to fix a finding: exact commands, in order, ready to paste.
public struct Fix: Sendable, Equatable, Codable {
    /// Everything to show: the changes first, then commands that look closer.
    public var commands: [String]
    /// Catalog key of the sentence that says why these commands fix it.
    public var explanationKey: String?
    /// The commands that change the configuration, in order, to be run verbatim (a subset of
    /// `commands`). Empty: no configuration change can fix it (`explanationKey` says why);
    /// nil: the finding does not say (diagnostic commands only).
    public var changes: [String]?

    public init(commands: [String], explanationKey: String? = nil, changes: [String]? = nil) {
        self.commands = commands
        self.explanationKey = explanationKey
        self.changes = changes
    }
}

/// One conclusion: a stable id (scripts match on it), the layer, how bad, what it is about,
/// the message as a catalog key plus arguments (Report localises it), the evidence seen, and
/// the fix. Arguments and evidence are redacted when the finding is created.
public struct Finding: Sendable, Equatable, Codable {
    public var id: String
    public var layer: Layer
    public var severity: Severity
    /// The variable, module, host or file it is about.
    public var target: String
    public var arguments: [String: String]
    public var evidence: [String]
    public var fix: Fix?

    public init(id: String, layer: Layer = .config, severity: Severity, target: String,
                arguments: [String: String] = [:], evidence: [String] = [], fix: Fix? = nil) {
        self.id = id
        self.layer = layer
        self.severity = severity
        self.target = target
        self.arguments = arguments.mapValues(SecretRedactorBridge.redact)
        self.evidence = evidence.map(SecretRedactorBridge.redact)
        self.fix = fix.map { Fix(commands: $0.commands.map(SecretRedactorBridge.redact), explanationKey: $0.explanationKey,
                                 changes: $0.changes?.map(SecretRedactorBridge.redact)) }
    }

    /// The catalog key of the message: the id itself.
    public var messageKey: String { id }
}
