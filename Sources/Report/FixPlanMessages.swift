/// `gomod-doctor fix`: sentences around the proposed GOENV change.
enum FixPlanMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "fixplan.file": ("GOENV file: {path}", "GOENV 文件：{path}"),
        "fixplan.nothing": ("Nothing to change in the GOENV file.", "GOENV 文件无需修改。"),
        "fixplan.refused.goenv-off": (
            "GOENV=off: the go command reads no GOENV file, so fix will not write one. Change the environment instead:",
            "GOENV=off：go 命令不读取任何 GOENV 文件，因此 fix 不会写入。请改为修改环境变量："),
        "fixplan.refused.no-path": (
            "The GOENV file cannot be located (neither $XDG_CONFIG_HOME nor $HOME is set); nothing is written.",
            "无法确定 GOENV 文件位置（$XDG_CONFIG_HOME 和 $HOME 均未设置）；不会写入任何内容。"),
        "fixplan.change.set": ("{variable}: {old} → {new}  ({findings})", "{variable}：{old} → {new}（{findings}）"),
        "fixplan.change.remove": ("{variable}: remove {old}  ({findings})", "{variable}：删除 {old}（{findings}）"),
        "fixplan.shadowed": (
            "{variable} is set in the environment ({origin}), which overrides the GOENV file: this change will not take effect until you run:",
            "{variable} 已在环境变量中设置（{origin}），会覆盖 GOENV 文件：在执行以下命令之前，此修改不会生效："),
        "fixplan.skipped.not-goenv": ("Not a GOENV change, run it yourself: {command}", "不属于 GOENV 修改，请自行执行：{command}"),
        "fixplan.skipped.manual": ("Part of a fix with a manual step, so fix leaves it to you: {command}",
                                   "该修复包含需手动完成的步骤，请自行执行：{command}"),
        "fixplan.skipped.secret": ("Holds a credential that cannot be rebuilt, run it yourself: {command}",
                                   "包含无法还原的凭据，请自行执行：{command}"),
        "fixplan.skipped.conflict": ("Another finding already changes this variable: {command}", "另一项发现已修改该变量：{command}"),
        "fixplan.dry-run": ("Nothing was written. Run again with --yes to apply this change.", "尚未写入。加上 --yes 重新运行以应用此修改。"),
        "fixplan.applied": ("Written. The previous file is kept as {backup}.", "已写入。原文件已备份为 {backup}。"),
        "fixplan.applied.new": ("Written (the file did not exist before).", "已写入（此前该文件不存在）。"),
        "fixplan.unset": ("(unset)", "（未设置）"),
    ]
}
