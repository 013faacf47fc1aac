/// ANSI styling that switches itself off for pipes and NO_COLOR (https://no-color.org).
public struct TerminalStyle: Sendable {
    public var enabled: Bool

    public init(enabled: Bool) {
        self.enabled = enabled
    }

    /// Colour only on a terminal, and never when NO_COLOR is set to anything non-empty.
    public static func detect(environment: [String: String], isTerminal: Bool) -> TerminalStyle {
        TerminalStyle(enabled: isTerminal && (environment["NO_COLOR"] ?? "").isEmpty && environment["TERM"] != "dumb")
    }

    /// Marks, not ESC: only `TerminalText.forTerminal`, where output leaves, turns them into
    /// SGR sequences, so a peer's ESC in `text` can never pass as one of ours.
    func wrap(_ text: String, _ code: String) -> String {
        enabled ? TerminalText.styleMark(code) + text + TerminalText.styleMark("0") : text
    }
    public func bold(_ text: String) -> String { wrap(text, "1") }
    public func dim(_ text: String) -> String { wrap(text, "2") }
    public func red(_ text: String) -> String { wrap(text, "31") }
    public func yellow(_ text: String) -> String { wrap(text, "33") }
    public func green(_ text: String) -> String { wrap(text, "32") }
    public func cyan(_ text: String) -> String { wrap(text, "36") }

    /// ✓ / ! / ✗ in the severity's colour.
    public func mark(_ severity: Severity?) -> String {
        switch severity {
        case nil: return green("✓")
        case .info?: return cyan("i")
        case .warning?: return yellow("!")
        case .failure?: return red("✗")
        }
    }
}
