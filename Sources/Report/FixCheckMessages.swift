/// `gomod-doctor fix --check`: the sentences about the network check's part in the plan.
enum FixCheckMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "fixcheck.summary.healthy": ("Network check: healthy, no root cause to fix.", "网络检查：正常，没有需要修复的根因。"),
        "fixcheck.summary.problems": (
            "Network check: {status}, {count} root cause(s); their go env changes follow the configuration's.",
            "网络检查：{status}，{count} 个根因；其 go env 修改排在配置修改之后。"),
        "fixcheck.status.warnings": ("warnings", "有警告"),
        "fixcheck.status.failures": ("failures", "有故障"),
        "fixcheck.origin": ("from the network check: {finding} at {endpoint}", "来自网络检查：{endpoint} 的 {finding}"),
        "fixcheck.origin.no-endpoint": ("from the network check: {finding}", "来自网络检查：{finding}"),
        "fixplan.skipped.check-manual": (
            "Not applied (a diagnostic or manual step of the network check's advice): {command}",
            "未自动执行（网络检查建议中的诊断或手动步骤）：{command}"),
        "fixplan.skipped.shadowed": (
            "The GOENV file already has this value, but the environment overrides it; run instead: {command}",
            "GOENV 文件中已是该值，但被环境变量覆盖；请改为执行：{command}"),
        "fixcheck.manual": ("Not applied: the network check's diagnostic and manual steps (run them yourself if useful):",
                            "未自动执行：网络检查建议的诊断与手动步骤（如有需要请自行执行）："),
    ]

    /// The line that opens `fix --check`'s text: the check's verdict and its number of root causes.
    static func summary(_ check: FixPlanReport.CheckPart, catalog: MessageCatalog) -> String {
        guard check.status != "healthy" || check.rootCauses > 0 else { return catalog.text("fixcheck.summary.healthy") }
        let status = check.status == "healthy" ? check.status : catalog.text("fixcheck.status.\(check.status)")
        return catalog.text("fixcheck.summary.problems", ["status": status, "count": String(check.rootCauses)])
    }

    /// The `check-manual` commands once each under one heading (the same `cat /etc/resolv.conf`
    /// can follow several root causes); no lines when there are none.
    static func manualSteps(_ skipped: [FixPlanReport.Skipped], catalog: MessageCatalog) -> [String] {
        var commands: [String] = []
        for item in skipped where item.reason == "check-manual" && !commands.contains(item.command) { commands.append(item.command) }
        return commands.isEmpty ? [] : ["  " + catalog.text("fixcheck.manual")] + commands.map { "      " + $0 }
    }

    /// Which root cause of the check asked for a change.
    static func origin(_ origin: FixPlan.Origin, catalog: MessageCatalog) -> String {
        guard let endpoint = origin.endpoint else { return catalog.text("fixcheck.origin.no-endpoint", ["finding": origin.finding]) }
        return catalog.text("fixcheck.origin", ["finding": origin.finding, "endpoint": endpoint])
    }
}
