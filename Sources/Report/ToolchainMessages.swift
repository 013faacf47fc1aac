/// Messages of the toolchain-switching findings (ConfigRules toolchain rules, CheckDiagnosis+Toolchain).
enum ToolchainMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "config.toolchain.refused": (
            "go.mod needs {required} or newer but the go command keeps {local}, so every command in this module stops: {error}",
            "go.mod 需要 {required} 或更新版本，但 go 命令仍使用 {local}，因此该模块中的每个命令都会停止：{error}"),
        "config.gomod.too-new-for-local-go": (
            "The local {local} cannot read this go.mod (written for Go 1.21+), so every command in this module stops: {error}",
            "本地 {local} 无法读取此 go.mod（为 Go 1.21+ 编写），因此该模块中的每个命令都会停止：{error}"),
        "toolchain.not-available": (
            "go.mod needs {required}, which no GOPROXY entry serves: go: {error}",
            "go.mod 需要 {required}，但没有任何 GOPROXY 条目提供它：go：{error}"),
        "toolchain.sumdb-off": (
            "go.mod needs {required}, and the go command verifies every toolchain download against the checksum database, which GOSUMDB=off turns off: go: {error}",
            "go.mod 需要 {required}，而 go 命令会用校验和数据库验证每个工具链下载，GOSUMDB=off 关闭了它：go：{error}"),
        "fix.toolchain.allow-switch": (
            "Let the go command download the toolchain go.mod asks for (GOTOOLCHAIN=auto); `gomod-doctor check` tells whether it can.",
            "允许 go 命令下载 go.mod 要求的工具链（GOTOOLCHAIN=auto）；`gomod-doctor check` 可确认能否下载。"),
        "fix.toolchain.allow-switch-verified": (
            "Let the go command download the toolchain go.mod asks for (GOTOOLCHAIN=auto); this run fetched it through the same route.",
            "允许 go 命令下载 go.mod 要求的工具链（GOTOOLCHAIN=auto）；本次运行已通过同一路径获取到它。"),
        "fix.toolchain.switch-unavailable": (
            "GOTOOLCHAIN=auto alone does not fix it: this run could not fetch that toolchain either (the evidence says why; fix that first). Otherwise install a Go release at least as new as go.mod's go line, or lower that line.",
            "仅设置 GOTOOLCHAIN=auto 并不能解决：本次运行同样无法获取该工具链（原因见证据，请先解决它）。否则请安装不低于 go.mod 中 go 行的 Go 版本，或降低该行。"),
        "fix.toolchain.not-available": (
            "No configuration change found: no GOPROXY entry serves that toolchain. Check the go line for a release that exists (go1.N.0 and later patches), use a proxy that mirrors golang.org/toolchain, or install the release yourself.",
            "未找到可行的配置更改：没有 GOPROXY 条目提供该工具链。请确认 go 行是已发布的版本（go1.N.0 及之后的补丁版本），改用镜像了 golang.org/toolchain 的代理，或自行安装该版本。"),
        "fix.toolchain.sumdb-off": (
            "No configuration change verified: toolchains are always checked against a checksum database. Set GOSUMDB to one this machine reaches (unset it for sum.golang.org, or a mirror such as sum.golang.google.cn), then run check again.",
            "未验证到可行的配置更改：工具链总是要经过校验和数据库检查。请将 GOSUMDB 设为本机可访问的数据库（取消设置即为 sum.golang.org，或使用镜像如 sum.golang.google.cn），然后再次运行 check。"),
    ]
}
