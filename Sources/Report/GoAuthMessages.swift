/// Messages of the GOAUTH findings (ConfigRules+Auth).
enum GoAuthMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "config.goauth.invalid": (
            "GOAUTH={value} is malformed: the go command stops at its first https request, so every download fails with: {error}",
            "GOAUTH={value} 格式错误：go 命令在第一个 https 请求时就会退出，所有下载都会失败：{error}"),
        "config.goauth.not-run": (
            "GOAUTH gets credentials from {methods}; gomod-doctor does not run them, so a private host answering 401 or 404 here may still serve the go command",
            "GOAUTH 通过 {methods} 获取凭据；gomod-doctor 不会运行它们，因此这里返回 401 或 404 的私有主机对 go 命令可能仍然可用"),
        "fix.goauth.default": (
            "Go back to GOAUTH's default (netrc), then add your methods again one by one, separated by ';' (off only alone).",
            "恢复 GOAUTH 的默认值（netrc），然后用 ';' 分隔逐个重新添加你的方法（off 只能单独使用）。"),
    ]
}
