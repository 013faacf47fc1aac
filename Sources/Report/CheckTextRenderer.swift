import Doctor
import Foundation

/// The plain text report of `check`: root causes first ("N of M modules cannot be fetched
/// because …" with the exact fix commands), then one checklist line per check with ✓/!/✗ and
/// the verdict.
public struct CheckTextRenderer: Sendable {
    public var catalog: MessageCatalog
    public var style: TerminalStyle

    public init(catalog: MessageCatalog, style: TerminalStyle) {
        self.catalog = catalog
        self.style = style
    }

    /// - Parameters: endpoints lists every probed endpoint (for its roles line); seconds is the run time.
    public func render(_ diagnosis: CheckDiagnosis, directory: String, endpoints: [CheckEndpoint], seconds: Double) -> String {
        var lines = [style.bold(catalog.text("ui.check.title", ["directory": directory])), ""]
        if !endpoints.isEmpty, endpoints.allSatisfy({ $0.modules.isEmpty }), !diagnosis.checks.contains(where: { $0.kind == .module }) {
            lines += [catalog.text("ui.check.no-modules"), ""]
        }
        lines.append(style.bold(catalog.text("ui.check.root-causes")))
        if diagnosis.rootCauses.isEmpty { lines.append("  " + catalog.text("ui.check.no-root-cause")) }
        for cause in diagnosis.rootCauses {
            let impact = cause.blockedModules.isEmpty ? catalog.text("ui.check.blocks-none")
                : catalog.text("ui.check.blocks", ["count": "\(cause.blockedModules.count)", "total": "\(cause.totalModules)"])
            lines.append("  " + style.mark(cause.finding.severity) + " " + impact)
            lines.append("    " + style.bold(catalog.text(cause.finding.messageKey, cause.finding.arguments)) + "  "
                         + style.dim("[\(cause.finding.id) · \(cause.finding.layer.rawValue) · \(cause.endpoint ?? cause.finding.target)]"))
            for item in cause.finding.evidence { lines += Self.indented(item, by: "      ").map(style.dim) }
            if let fix = cause.finding.fix {
                if let key = fix.explanationKey { lines.append("    " + catalog.text("ui.check.fix-line", ["text": catalog.text(key)])) }
                for command in fix.commands { lines.append("      " + style.cyan("$ \(command)")) }
            }
        }
        lines += ["", style.bold(catalog.text("ui.check.checks"))]
        for check in diagnosis.checks {
            let kind = catalog.text("ui.check.kind.\(check.kind.rawValue)").padding(toLength: 9, withPad: " ", startingAt: 0)
            lines.append("  \(style.mark(check.severity)) \(kind) \(check.subject)  " + style.dim(detail(check, endpoints: endpoints, findings: diagnosis.findings)))
        }
        lines += ["", style.bold(catalog.text("ui.check.status.\(diagnosis.status.rawValue)", ["seconds": String(format: "%.1f", seconds)]))]
        return lines.joined(separator: "\n") + "\n"
    }

    /// A multi-line text (a signed note, the go command's `\n\t` wrapping) kept inside the
    /// report's layout: every line gets the indent, continuation lines two spaces more, tabs
    /// become spaces, blank lines are dropped.
    static func indented(_ text: String, by indent: String) -> [String] {
        let lines = text.replacingOccurrences(of: "\t", with: "    ").split(separator: "\n", omittingEmptySubsequences: true)
        return lines.enumerated().map { index, line in (index == 0 ? indent : indent + "  ") + line }
    }

    func detail(_ check: CheckLine, endpoints: [CheckEndpoint], findings: [Finding]) -> String {
        switch check.kind {
        case .config:
            guard check.severity != nil else { return catalog.text("ui.check.config-ok") }
            // The detail of a config line is its finding's id: show the finding's sentence.
            guard let finding = findings.first(where: { $0.id == check.detail && $0.target == check.subject }) else { return check.detail }
            return catalog.text(finding.messageKey, finding.arguments)
        case .module, .toolchain:
            return check.severity == nil ? catalog.text("ui.check.served-by", ["source": check.detail])
                : catalog.text("ui.check.module-fails", ["detail": check.detail])
        case .endpoint:
            let endpoint = endpoints.first(where: { $0.key == check.subject })
            var base = check.severity == nil ? catalog.text("ui.check.endpoint-ok", ["layers": check.detail]) : check.detail
            // A broken endpoint reads as its root finding's sentence, in the report's language.
            if check.severity == .failure, let endpoint,
               let root = findings.first(where: { $0.severity == .failure && $0.target == endpoint.target.hostPort && $0.id.hasPrefix("endpoint.") }) {
                base = catalog.text(root.messageKey, root.arguments)
            }
            guard let endpoint else { return base }
            return base + " — " + catalog.text("ui.check.roles", ["roles": endpoint.roles.map(\.rawValue).joined(separator: ", "),
                                                                  "count": "\(endpoint.modules.count)"])
        }
    }
}
