/// The terminal form of `diff`: `-` lines are the first snapshot, `+` lines the second.
public struct EnvDiffTextRenderer: Sendable {
    public var language: Language
    public var style: TerminalStyle

    public init(language: Language, style: TerminalStyle) {
        self.language = language
        self.style = style
    }

    public func render(_ report: EnvDiffReport) -> String {
        let catalog = MessageCatalog(language: language)
        let diff = report.diff
        var lines = [style.red("--- \(report.left)"), style.green("+++ \(report.right)")]
        if diff.isEmpty {
            lines.append(style.green("✓ ") + catalog.text("envdiff.same"))
            return lines.joined(separator: "\n") + "\n"
        }
        let missing = catalog.text("envdiff.missing")
        if let go = diff.goVersion { lines.append(catalog.text("envdiff.go", ["left": go.left ?? missing, "right": go.right ?? missing])) }
        if let rules = diff.rules { lines.append(catalog.text("envdiff.rules", ["left": rules.left ?? missing, "right": rules.right ?? missing])) }
        if !diff.variables.isEmpty {
            lines += ["", style.bold(catalog.text("envdiff.variables"))]
            for variable in diff.variables {
                lines.append("  " + variable.name)
                lines.append("    " + style.red("- " + side(variable.left, missing)))
                lines.append("    " + style.green("+ " + side(variable.right, missing)))
            }
        }
        if !diff.routes.isEmpty {
            lines += ["", style.bold(catalog.text("envdiff.routes"))]
            for route in diff.routes {
                lines.append("  " + route.module)
                lines.append("    " + style.red("- " + (route.left ?? missing)))
                lines.append("    " + style.green("+ " + (route.right ?? missing)))
            }
        }
        for (name, findings, mark) in [(report.left, diff.findingsOnlyLeft, "-"), (report.right, diff.findingsOnlyRight, "+")] where !findings.isEmpty {
            lines += ["", style.bold(catalog.text("envdiff.only-left", ["name": name]))]
            lines += findings.map { "  \(mark) \($0.severity ?? "?") \($0.id) \($0.target ?? ""): \($0.message ?? "")" }
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func side(_ side: EnvDiff.Side?, _ missing: String) -> String {
        guard let side else { return missing }
        let value = side.value.isEmpty ? "\"\"" : side.value
        return "\(value)  [\(side.source ?? "?")\(side.origin.map { ": \($0)" } ?? "")]"
    }
}
