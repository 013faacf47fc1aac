/// Labels of `gomod-doctor fetch`.
enum FetchMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.fetch.title": ("Module fetch (as go mod download would do it)", "模块下载（按 go mod download 的方式）"),
        "ui.fetch.nothing": ("no requirements to fetch (no go.mod here, or it requires nothing); name a module: gomod-doctor fetch module@version",
                             "没有要下载的依赖（此处没有 go.mod 或其中没有 require）；可指定模块：gomod-doctor fetch module@version"),
        "ui.fetch.ok": ("{module}: served by {source}", "{module}：由 {source} 提供"),
        "ui.fetch.fails": ("{module}: fails at {layer} ({class}) fetching {file}", "{module}：获取 {file} 时在 {layer} 层失败（{class}）"),
        "ui.fetch.skipped": ("{module}: nothing to fetch ({reason})", "{module}：无需下载（{reason}）"),
        "ui.fetch.sumdb-via-proxy": ("checksum database {name}: through the proxy at {base}", "校验和数据库 {name}：经代理 {base}"),
        "ui.fetch.sumdb-direct": ("checksum database {name}: contacted directly at {base}", "校验和数据库 {name}：直接访问 {base}"),
        "ui.fetch.sumdb-unusable": ("checksum database {name}: unusable (the proxy walk failed)", "校验和数据库 {name}：不可用（代理探测失败）"),
        "ui.fetch.toolchain": ("toolchain {required}: {reason}", "工具链 {required}：{reason}"),
        "ui.fetch.toolchain-refused": (
            "go: {error} — with GOTOOLCHAIN=auto it would download {required}:",
            "go：{error} —— 若 GOTOOLCHAIN=auto，它会下载 {required}："),
        "ui.fetch.toolchain-language-version": (
            "\"go {required}\" names a language version; no toolchain has that exact name — write the release, e.g. 1.22.0",
            "\"go {required}\" 是语言版本，不存在同名工具链——请写发布版本，例如 1.22.0"
        ),
    ]
}
