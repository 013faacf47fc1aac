import Doctor
import GoModConfig

/// The one live line `check` keeps rewriting on a terminal's stderr while probes run:
/// "checking 5 endpoints, 12 modules… 7/17 done — dns proxy.lab.example ✓". Pure text; the
/// command decides whether a terminal is there at all.
public struct CheckProgressLine: Sendable {
    public var catalog: MessageCatalog

    public init(catalog: MessageCatalog) {
        self.catalog = catalog
    }

    /// Carriage return, then erase the line: written before each new text and once at the end.
    public static let clear = "\r\u{1B}[2K"

    public func text(_ progress: CheckProgress) -> String {
        var line = catalog.text("ui.check.progress", ["endpoints": "\(progress.endpoints)", "modules": "\(progress.modules)",
                                                      "done": "\(progress.done)", "total": "\(progress.total)"])
        if let item = progress.finished {
            let subject = item.kind == .endpoint ? Self.host(ofKey: item.subject) : item.subject
            line += " — " + [item.layer ?? item.kind.rawValue, subject, item.passed ? "✓" : "✗"].joined(separator: " ")
        }
        return SecretRedactor.redact(line)
    }

    /// What to write for `progress` on a terminal `width` columns wide: the line rewritten in
    /// place, cut to fit so it never wraps (a wrapped line could not be rewritten).
    public func rewrite(_ progress: CheckProgress, width: Int) -> String {
        let text = text(progress)
        let room = max(10, width - 1)
        return Self.clear + (text.count > room ? String(text.prefix(room - 1)) + "…" : text)
    }

    /// `https://proxy.lab.example:443` → `proxy.lab.example` (the key without scheme and port).
    static func host(ofKey key: String) -> String {
        var rest = Substring(key)
        if let scheme = rest.range(of: "://") { rest = rest[scheme.upperBound...] }
        if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") { return String(rest[rest.index(after: rest.startIndex)..<close]) }
        if let colon = rest.lastIndex(of: ":") { rest = rest[..<colon] }
        return String(rest)
    }
}
