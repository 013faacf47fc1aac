/// Labels of `check --list`, the live progress line, `--markdown`, `--mermaid` and `--from-error`.
enum CheckOutputMessages {
    static let entries: [String: (en: String, zh: String)] = [
        // check --list: one line per named check (CheckName.descriptionKey).
        "ui.check.list.title": ("Checks (run some alone with --only NAME[,NAME]; config always runs):",
                                "检查项（用 --only 名称[,名称] 单独运行；config 总会运行）："),
        "ui.check.name.config": ("the go configuration: go env, GOENV file, go.mod, routes of every module",
                                 "Go 配置：go env、GOENV 文件、go.mod、每个模块的路由"),
        "ui.check.name.dns": ("resolve each endpoint's name with the system resolver (resolv.conf servers and getaddrinfo)",
                              "用系统解析器解析每个端点的域名（resolv.conf 中的服务器与 getaddrinfo）"),
        "ui.check.name.icmp": ("ping each endpoint's first address", "ping 每个端点的第一个地址"),
        "ui.check.name.tcp": ("connect to each endpoint's port on every resolved address", "连接每个端点在每个解析地址上的端口"),
        "ui.check.name.path": ("trace the path to the port (TCP SYN) when connecting failed or was slow",
                               "连接失败或过慢时跟踪到该端口的路径（TCP SYN）"),
        "ui.check.name.sockets": ("watch the socket table for connections stuck in SYN_SENT (runs tcp too)",
                                  "监视套接字表中卡在 SYN_SENT 的连接（同时运行 tcp）"),
        "ui.check.name.tls": ("TLS handshake and certificate chain of each https endpoint", "每个 https 端点的 TLS 握手与证书链"),
        "ui.check.name.http": ("one HTTP request to each endpoint", "向每个端点发送一个 HTTP 请求"),
        "ui.check.name.modules": ("fetch every requirement through the module protocol, with the checksum database verification",
                                  "通过模块协议获取每个依赖，并经校验和数据库验证"),
        "ui.check.name.toolchain": ("fetch the toolchain go.mod's toolchain line asks for", "获取 go.mod 的 toolchain 行要求的工具链"),

        // Live progress on a TTY.
        "ui.check.progress": ("checking {endpoints} endpoints, {modules} modules… {done}/{total} done",
                              "正在检查 {endpoints} 个端点、{modules} 个模块… 已完成 {done}/{total}"),

        // --from-error.
        "ui.check.focus": ("Focused on the pasted error — hosts: {hosts}; modules: {modules}",
                           "聚焦于粘贴的错误 — 主机：{hosts}；模块：{modules}"),
        "ui.check.focus.none": ("none", "无"),
        "ui.check.not-selected": ("Not run (--only): {names}", "未运行（--only）：{names}"),

        // --markdown.
        "ui.check.md.title": ("gomod-doctor check: {status}", "gomod-doctor 检查：{status}"),
        "ui.check.md.status.0": ("healthy", "正常"),
        "ui.check.md.status.1": ("warnings", "有警告"),
        "ui.check.md.status.2": ("failures found", "发现故障"),
        "ui.check.md.summary": ("Directory {directory}, {seconds} s.", "目录 {directory}，{seconds} 秒。"),
        "ui.check.md.from-error": ("The go error", "Go 错误"),
        "ui.check.md.root-causes": ("Root causes", "根本原因"),
        "ui.check.md.evidence": ("Evidence", "证据"),
        "ui.check.md.fix": ("Fix", "修复"),
        "ui.check.md.checks": ("Checks", "检查项"),
        "ui.check.md.column.result": ("Result", "结果"),
        "ui.check.md.column.kind": ("Kind", "类别"),
        "ui.check.md.column.subject": ("Subject", "对象"),
        "ui.check.md.column.verdict": ("Verdict", "结论"),
        "ui.check.md.environment": ("Environment", "环境"),
        "ui.check.md.go-version": ("`go version`", "`go version`"),
        "ui.check.md.go-absent": ("no go binary found", "未找到 go 可执行文件"),
        "ui.check.md.os": ("OS", "操作系统"),
        "ui.check.md.kernel": ("Kernel", "内核"),
        "ui.check.md.doctor-version": ("gomod-doctor", "gomod-doctor"),
        "ui.check.md.go-env": ("Module-related `go env` (secrets redacted)", "与模块相关的 `go env`（已隐去机密）"),

        // --mermaid node labels.
        "ui.check.mermaid.config": ("config", "配置"),
        "ui.check.mermaid.module-protocol": ("module protocol", "模块协议"),
        "ui.check.mermaid.sumdb": ("checksum database", "校验和数据库"),
    ]
}
