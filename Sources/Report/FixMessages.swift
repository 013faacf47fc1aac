/// Why a fix works, keyed by `Fix.explanationKey`.
enum FixMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "fix.gosum.regenerate": ("Rebuild go.sum from go.mod.", "根据 go.mod 重新生成 go.sum。"),
        "fix.goproxy.default": ("Use the public proxy with a direct fallback (or your mirror followed by ,direct).", "使用公共代理并回退到 direct（或者使用你的镜像并在后面加上 ,direct）。"),
        "fix.goproxy.https": ("Talk to the proxy over https.", "通过 https 访问代理。"),
        "fix.goproxy.add-direct": ("Let modules that no proxy has fall back to their origin.", "让所有代理都没有的模块回退到源站获取。"),
        "fix.goprivate.add": ("GOPRIVATE makes the go command fetch these modules from their origin and skip the public checksum database.", "GOPRIVATE 让 go 命令直接从源站获取这些模块，并跳过公共校验和数据库。"),
        "fix.gonosumdb.add": ("Skip the public checksum database for these private modules.", "让这些私有模块跳过公共校验和数据库。"),
        "fix.gonosumdb.narrow": ("Exempt only your private hosts from the checksum database.", "只让你的私有域名跳过校验和数据库。"),
        "fix.goinsecure.narrow": ("Allow insecure fetches only for the hosts that need them.", "只对确实需要的域名允许不安全获取。"),
        "fix.gosumdb.default": ("Use the real checksum database and its built-in key.", "使用官方校验和数据库及其内置公钥。"),
        "fix.gosumdb.enable": ("Verify downloads again; use GONOSUMDB for private modules instead.", "重新启用下载校验；私有模块请改用 GONOSUMDB。"),
        "fix.go111module.default": ("Return to the default (module mode).", "恢复默认值（模块模式）。"),
        "fix.goflags.clear": ("Remove the malformed GOFLAGS.", "移除格式错误的 GOFLAGS。"),
        "fix.goflags.vendor": ("Either create vendor/ with `go mod vendor` or drop -mod=vendor from GOFLAGS.", "用 `go mod vendor` 生成 vendor/，或从 GOFLAGS 中去掉 -mod=vendor。"),
        "fix.govcs.default": ("Return GOVCS to its default (public:git|hg,private:all).", "将 GOVCS 恢复为默认值（public:git|hg,private:all）。"),
        "fix.private-pattern.malformed": ("Keep only the well-formed patterns.", "只保留格式正确的模式。"),
        "fix.gotoolchain.default": ("Return GOTOOLCHAIN to its default.", "将 GOTOOLCHAIN 恢复为默认值。"),
        "fix.toolchain.install": ("Install the required Go release yourself.", "自行安装所需的 Go 版本。"),
        "fix.no-proxy.add": ("Exempt the private hosts from the proxy (add this to your shell profile).", "让私有域名不经过代理（写入 shell 配置文件）。"),
        "fix.credentials.netrc": ("Keep the URL clean and put the credentials in ~/.netrc, which the go command reads for https requests.", "URL 中不要包含凭据，改写到 ~/.netrc 中，go 命令会在 https 请求时读取。"),
        "fix.goenv-file.crlf": ("Strip the carriage returns.", "去掉行尾的回车符。"),
        "fix.proxy-variables.export": ("Set proxy variables in the shell environment instead.", "改为在 shell 环境变量中设置代理。"),
        "fix.environment.unset": ("Let the go env -w value take effect (and remove the export from your shell profile).", "让 go env -w 的值生效（并从 shell 配置文件中删除对应的 export）。"),
    ]
}
