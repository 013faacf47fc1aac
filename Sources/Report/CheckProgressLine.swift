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
        // Hosts and module paths come from go.mod and GOENV: escaped before they reach stderr.
        return TerminalText.escaped(SecretRedactor.redact(line))
    }

    /// What to write for `progress` on a terminal `width` columns wide: the line rewritten in
    /// place, cut to fit so it never wraps (a wrapped line could not be rewritten).
    public func rewrite(_ progress: CheckProgress, width: Int) -> String {
        let room = max(10, width - 1)
        var fitted = ""
        var used = 0
        for character in text(progress) {
            let columns = Self.columns(character)
            if used + columns > room - 1 {
                fitted += "…"
                break
            }
            fitted.append(character)
            used += columns
        }
        return Self.clear + fitted
    }

    /// Terminal columns of a character: 2 for East Asian wide ones (the zh text), else 1.
    static func columns(_ character: Character) -> Int {
        guard let scalar = character.unicodeScalars.first?.value else { return 1 }
        let wide = (0x1100...0x115F).contains(scalar) || (0x2E80...0xA4CF).contains(scalar) || (0xAC00...0xD7A3).contains(scalar)
            || (0xF900...0xFAFF).contains(scalar) || (0xFE30...0xFE4F).contains(scalar) || (0xFF00...0xFF60).contains(scalar)
            || (0xFFE0...0xFFE6).contains(scalar)
        return wide ? 2 : 1
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
