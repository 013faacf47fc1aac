/// One line of the checklist: what was tested and the verdict (nil severity = passed).
public struct CheckLine: Sendable, Equatable, Codable {
    public enum Kind: String, Sendable, Codable { case config, endpoint, module, toolchain }

    public var kind: Kind
    /// The variable, endpoint or module checked.
    public var subject: String
    /// nil when the check passed.
    public var severity: Severity?
    /// Short verdict: the failing layer and class, or what worked.
    public var detail: String

    public init(kind: Kind, subject: String, severity: Severity?, detail: String) {
        self.kind = kind
        self.subject = subject
        self.severity = severity
        self.detail = detail
    }
}
