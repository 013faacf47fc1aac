/// Labels of `gomod-doctor check`.
enum CheckMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.check.title": ("gomod-doctor check: {directory}", "gomod-doctor 检查：{directory}"),
        "ui.check.root-causes": ("Root causes", "根本原因"),
        "ui.check.no-modules": ("No module to download here (no go.mod with requirements in this directory or above): checked what every download uses, the GOPROXY entries and the checksum database.",
                                "这里没有要下载的模块（本目录及上级目录中没有带依赖的 go.mod）：已检查所有下载都会用到的 GOPROXY 各项和校验和数据库。"),
        "ui.check.no-root-cause": ("no root cause: every check passed", "没有根本原因：所有检查均通过"),
        "ui.check.blocks": ("{count} of {total} modules cannot be fetched because:", "{total} 个模块中有 {count} 个无法下载，原因："),
        "ui.check.blocks-none": ("blocks no module download, but:", "不阻碍模块下载，但："),
        "ui.check.checks": ("Checks", "检查项"),
        "ui.check.kind.config": ("config", "配置"),
        "ui.check.kind.endpoint": ("endpoint", "端点"),
        "ui.check.kind.module": ("module", "模块"),
        "ui.check.kind.toolchain": ("toolchain", "工具链"),
        "ui.check.config-ok": ("no configuration problem found", "未发现配置问题"),
        "ui.check.served-by": ("served by {source}", "由 {source} 提供"),
        "ui.check.module-fails": ("fails at {detail}", "失败于 {detail}"),
        "ui.check.endpoint-ok": ("layers passed: {layers}", "通过的层：{layers}"),
        "ui.check.roles": ("used as: {roles}; modules depending on it: {count}", "用途：{roles}；{count} 个模块依赖它"),
        "ui.check.fix": ("fix", "修复"),
        "ui.check.fix-line": ("fix: {text}", "修复：{text}"),
        "ui.check.status.0": ("Verdict: healthy ({seconds} s)", "结论：正常（{seconds} 秒）"),
        "ui.check.status.1": ("Verdict: warnings ({seconds} s)", "结论：有警告（{seconds} 秒）"),
        "ui.check.status.2": ("Verdict: failures found ({seconds} s)", "结论：发现故障（{seconds} 秒）"),
        "check.fetch-failed": ("{module}: go mod download fails at the {layer} layer ({class}) fetching {file}",
                               "{module}：go mod download 获取 {file} 时在 {layer} 层失败（{class}）"),
    ]
}
