/// The terminal form of `explain`: per error, the message, the layer/class, the cause
/// sentence and the commands to run next.
public struct ExplainTextRenderer: Sendable {
    public var language: Language
    public var style: TerminalStyle

    public init(language: Language, style: TerminalStyle) {
        self.language = language
        self.style = style
    }

    public func render(_ report: ExplainReport) -> String {
        let catalog = MessageCatalog(language: language)
        let cuts = report.inputCuts.map { style.yellow("⚠ ") + $0.message }
        guard !report.errors.isEmpty else { return ([catalog.text("explain.none")] + cuts).joined(separator: "\n") + "\n" }
        var lines: [String] = []
        for (index, entry) in report.errors.enumerated() {
            if index > 0 { lines.append("") }
            let title = report.errors.count > 1 ? catalog.text("explain.title", ["index": String(index + 1)]) + ": " : ""
            lines.append(style.red("✗ ") + style.bold(title + String(entry.message.prefix(300))))
            var where_ = "\(catalog.text("explain.label.layer")): \(entry.layer.rawValue) / \(entry.failureClass)"
            if let stage = entry.stage { where_ += " (\(stage))" }
            for (name, value) in [("module", entry.module.map { m in entry.version.map { "\(m)@\($0)" } ?? m }),
                                  ("host", entry.host), ("address", entry.address), ("dns", entry.dnsServer)] {
                if let value { where_ += " · \(name) \(value)" }
            }
            lines.append("  " + style.dim(where_))
            lines.append("  " + entry.explanation)
            if !entry.commands.isEmpty {
                lines.append("  " + catalog.text("explain.label.next") + ":")
                lines += entry.commands.map { "    " + style.cyan($0) }
            }
        }
        if !cuts.isEmpty { lines += [""] + cuts }
        return lines.joined(separator: "\n") + "\n"
    }
}
