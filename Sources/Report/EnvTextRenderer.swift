import Foundation
import GoModConfig

/// The human-readable `env` report: configuration with provenance, routes, findings and fixes.
public struct EnvTextRenderer: Sendable {
    public var catalog: MessageCatalog
    public var style: TerminalStyle

    public init(language: Language, style: TerminalStyle) {
        catalog = MessageCatalog(language: language)
        self.style = style
    }

    public func render(_ report: EnvReport) -> String {
        var lines: [String] = []
        lines.append(style.bold(catalog.text("ui.env.title")) + "  " + style.dim(header(report)))
        lines.append("  \(catalog.text("ui.env.goenv-file")): " + goenvFileLine(report.envFile))
        lines.append("")
        lines.append(style.bold(catalog.text("ui.env.variables")))
        let width = report.variables.map(\.name.count).max() ?? 10
        for variable in report.variables {
            lines.append("  " + variable.name.padding(toLength: width, withPad: " ", startingAt: 0) + " = "
                         + display(variable.displayValue) + "  " + style.dim(provenance(variable)))
            for hidden in variable.shadowed {
                lines.append("  " + String(repeating: " ", count: width) + "   "
                             + style.dim("\(catalog.text("ui.env.hides")) \(display(SecretRedactor.redact(hidden.value))) [\(hidden.source.rawValue)\(hidden.origin.map { " \($0)" } ?? "")]"))
            }
        }
        lines.append("")
        lines += RouteTextRenderer(catalog: catalog, style: style).render(report)
        lines.append("")
        lines.append(style.bold(catalog.text("ui.findings.title")))
        if report.findings.isEmpty {
            lines.append("  " + style.mark(nil) + " " + catalog.text("ui.findings.none"))
        }
        for finding in report.findings {
            lines.append("  \(style.mark(finding.severity)) \(finding.message)  " + style.dim("[\(finding.id)]"))
            for evidence in finding.evidence { lines.append("      " + style.dim(evidence)) }
            if let fix = finding.fix {
                if let why = fix.why { lines.append("      \(catalog.text("ui.findings.fix")): \(why)") }
                for command in fix.commands { lines.append("        " + style.cyan(command)) }
            }
        }
        lines.append("")
        lines.append(catalog.text("ui.summary", ["failures": String(report.summary.failures),
                                                  "warnings": String(report.summary.warnings),
                                                  "info": String(report.summary.info)]))
        return lines.joined(separator: "\n") + "\n"
    }

    func header(_ report: EnvReport) -> String {
        guard let installation = report.goInstallation else { return catalog.text("ui.env.no-go") }
        let go = installation.executable ?? installation.root
        return "\(go) (\(installation.versionText ?? "?")), " + catalog.text("ui.env.rules", ["rules": report.rules])
    }

    func goenvFileLine(_ status: GoEnvFileStatus) -> String {
        if status.disabled { return catalog.text("ui.env.goenv-off") }
        guard let path = status.path else { return status.problem ?? "-" }
        return status.exists ? path : path + " " + style.dim(catalog.text("ui.env.goenv-missing"))
    }

    func provenance(_ variable: ResolvedVariable) -> String {
        var text = "[\(variable.source.rawValue)\(variable.origin.map { " \($0)" } ?? "")]"
        if !variable.supported { text += " (\(catalog.text("ui.env.unsupported")))" }
        return text
    }

    /// Empty values shown as "" and control characters made visible.
    func display(_ value: String) -> String {
        if value.isEmpty { return "\"\"" }
        return value.unicodeScalars.map { $0.value < 0x20 || $0.value == 0x7F ? String(format: "\\x%02x", $0.value) : String($0) }.joined()
    }
}
