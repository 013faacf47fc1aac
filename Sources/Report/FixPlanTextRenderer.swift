/// The terminal form of `fix`: the file, the diff, each change with its reason, shadowing
/// warnings with the shell line to run instead, and whether anything was written.
public struct FixPlanTextRenderer: Sendable {
    public var language: Language
    public var style: TerminalStyle

    public init(language: Language, style: TerminalStyle) {
        self.language = language
        self.style = style
    }

    public func render(_ report: FixPlanReport) -> String {
        let catalog = MessageCatalog(language: language)
        var lines: [String] = []
        if let path = report.path { lines.append(style.bold(catalog.text("fixplan.file", ["path": path]))) }
        if let check = report.check { lines.append(FixCheckMessages.summary(check, catalog: catalog)) }
        if let message = report.refusalMessage {
            lines.append(style.red("✗ ") + message)
            lines += report.environmentCommands.map { "    " + style.cyan($0) }
            return lines.joined(separator: "\n") + "\n"
        }
        if report.changes.isEmpty {
            lines.append(style.green("✓ ") + catalog.text("fixplan.nothing"))
        } else {
            lines.append("")
            lines += report.diff.split(separator: "\n", omittingEmptySubsequences: false).dropLast().map { line in
                line.hasPrefix("+") && !line.hasPrefix("+++") ? style.green(String(line))
                    : (line.hasPrefix("-") && !line.hasPrefix("---") ? style.red(String(line)) : String(line))
            }
            lines.append("")
            for change in report.changes {
                lines.append("  • " + change.message)
                lines += change.origins.filter { $0.kind == .check }.map { "    " + style.dim(FixCheckMessages.origin($0, catalog: catalog)) }
                if let origin = change.shadowedBy {
                    lines.append("    " + style.yellow("! ") + catalog.text("fixplan.shadowed", ["variable": change.variable, "origin": origin]))
                    lines += change.instead.map { "        " + style.cyan($0) }
                }
            }
        }
        for skipped in report.skipped where skipped.reason != "check-manual" {
            lines.append("  " + style.dim(catalog.text("fixplan.skipped.\(skipped.reason)", ["command": skipped.command])))
        }
        lines += FixCheckMessages.manualSteps(report.skipped, catalog: catalog).map { style.dim($0) }
        if !report.changes.isEmpty {
            lines.append("")
            if report.applied {
                lines.append(report.backup.map { catalog.text("fixplan.applied", ["backup": $0]) } ?? catalog.text("fixplan.applied.new"))
            } else {
                lines.append(catalog.text("fixplan.dry-run"))
            }
        }
        return lines.joined(separator: "\n") + "\n"
    }
}
