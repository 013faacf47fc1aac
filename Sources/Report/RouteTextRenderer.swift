import GoModConfig

/// The route section of the `env` report: per module the walk the go command would take.
struct RouteTextRenderer {
    var catalog: MessageCatalog
    var style: TerminalStyle

    func render(_ report: EnvReport) -> [String] {
        var lines = [style.bold(catalog.text("ui.routes.title")) + "  " + style.dim("-mod=\(report.routes.modMode) (\(report.routes.modModeReason))")]
        if report.project.goMod == nil {
            lines.append("  " + catalog.text("ui.routes.none"))
        }
        if let error = report.routes.proxyListError {
            lines.append("  " + style.red("GOPROXY: \(error.message)"))
        }
        for module in report.routes.modules {
            var title = "  \(module.path)@\(module.version)"
            if let original = module.requiredPath { title += style.dim("  (replaces \(original)@\(module.requiredVersion ?? ""))") }
            if module.indirect { title += style.dim("  // indirect") }
            lines.append(title)
            switch module.disposition {
            case .localDirectory:
                lines.append("      " + catalog.text("ui.routes.local", ["dir": module.localDirectory ?? ""]))
                continue
            case .vendored:
                lines.append("      " + catalog.text("ui.routes.vendored"))
                continue
            case .excluded:
                lines.append("      " + style.yellow(catalog.text("ui.routes.excluded")))
            case .download:
                break
            }
            for (index, step) in module.sources.enumerated() {
                lines.append("      \(index + 1). " + describe(step))
            }
            var checks = "      \(catalog.text("ui.routes.sumdb")): "
            if let database = module.checksum.database {
                checks += database
                if module.checksum.goSumHasEntry == true { checks += style.dim(" (go.sum has it: no lookup)") }
            } else {
                checks += style.dim(module.checksum.skippedBecause ?? "-")
            }
            if module.insecure { checks += "  " + style.yellow(catalog.text("ui.routes.insecure")) }
            lines.append(checks)
        }
        lines.append("")
        lines.append(style.bold(catalog.text("ui.sumdb.title")))
        if let sumdb = report.routes.checksumDatabase {
            lines.append("  \(sumdb.name)" + style.dim("  \(sumdb.verifierKey)"))
            for (index, step) in sumdb.steps.enumerated() {
                let fallback = step.fallback.map { $0 == .onAnyError ? catalog.text("ui.routes.on-any-error") : catalog.text("ui.routes.on-not-found") }
                lines.append("      \(index + 1). \(SecretRedactor.redact(step.url))" + (fallback.map { style.dim("  (\($0))") } ?? ""))
            }
        } else if let error = report.routes.checksumDatabaseError {
            lines.append("  " + style.red("GOSUMDB: \(error.message)"))
        } else {
            lines.append("  " + catalog.text("ui.sumdb.off"))
        }
        if let toolchain = report.routes.toolchain {
            lines.append("")
            lines.append(style.bold(catalog.text("ui.toolchain.title")))
            lines.append("  \(toolchain.module)@\(toolchain.version)  " + style.dim(toolchain.reason))
            if let refusal = toolchain.refusal {
                lines.append("  " + style.mark(.failure) + " go: " + refusal)
            }
            for (index, step) in toolchain.sources.enumerated() { lines.append("      \(index + 1). " + describe(step)) }
        }
        return lines
    }

    func describe(_ step: RouteStep) -> String {
        let name = step.url.map(SecretRedactor.redact) ?? step.kind.rawValue
        let fallback = step.fallback == .onAnyError ? catalog.text("ui.routes.on-any-error") : catalog.text("ui.routes.on-not-found")
        switch step.action {
        case .fetchFromProxy: return name + style.dim("  (\(fallback))")
        case .fetchDirect: return name + style.dim("  (origin: go-get discovery, then VCS)")
        case .skip: return style.dim("\(name): \(step.reason ?? "")")
        case .fail: return style.red("\(name): \(step.reason ?? "")")
        }
    }
}
