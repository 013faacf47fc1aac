/// Finding summaries (one sentence each), keyed by finding id.
enum FindingMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "config.gomod.malformed": (
            "go.mod cannot be parsed: {error}",
            "go.mod 无法解析：{error}"),
        "config.gosum.malformed": (
            "go.sum cannot be parsed: {error}",
            "go.sum 无法解析：{error}"),
        "config.goproxy.invalid": (
            "GOPROXY={value} is invalid; every download fails with: {error}",
            "GOPROXY={value} 无效，所有下载都会失败：{error}"),
        "config.goproxy.empty": (
            "GOPROXY is empty (no $GOROOT/go.env default?); every download fails with: {error}",
            "GOPROXY 为空（$GOROOT/go.env 缺失？），所有下载都会失败：{error}"),
        "config.goproxy.off": (
            "GOPROXY=off: {count} of {total} modules cannot be downloaded at all",
            "GOPROXY=off：{total} 个模块中有 {count} 个完全无法下载"),
        "config.goproxy.ends-with-off": (
            "GOPROXY ends with off: modules that {proxy} lacks fail instead of falling back to their origin",
            "GOPROXY 以 off 结尾：{proxy} 上没有的模块会直接失败，不会回退到源站"),
        "config.goproxy.plain-http": (
            "Proxy {url} is plain http: module traffic is unencrypted and credentials are never sent to it",
            "代理 {url} 使用明文 http：模块流量未加密，且不会向其发送凭据"),
        "config.goproxy.no-direct": (
            "GOPROXY has no direct: modules that no proxy has cannot fall back to their origin ({private} private modules still go direct through GONOPROXY)",
            "GOPROXY 中没有 direct：所有代理都没有的模块无法回退到源站（{private} 个私有模块仍通过 GONOPROXY 直连）"),
        "config.private-module.not-in-goprivate": (
            "{count} private-looking module(s) on {host} (e.g. {first}) are not in GOPRIVATE: they are requested from {proxy}, which cannot serve them",
            "{host} 上的 {count} 个疑似私有模块（如 {first}）不在 GOPRIVATE 中：它们会被发往 {proxy}，而该代理无法提供"),
        "config.private-module.sumdb": (
            "{count} private-looking module(s) on {host} (e.g. {first}) will be looked up in the public checksum database {database}, which answers 404/410 for them",
            "{host} 上的 {count} 个疑似私有模块（如 {first}）会去公共校验和数据库 {database} 查询，对方会返回 404/410"),
        "config.private-pattern.unused": (
            "{variable} patterns {patterns} match none of this project's requirements",
            "{variable} 中的模式 {patterns} 没有匹配本项目的任何依赖"),
        "config.govcs.invalid": (
            "GOVCS={value} is invalid, so every direct fetch fails: {error}",
            "GOVCS={value} 无效，所有直连获取都会失败：{error}"),
        "config.private-pattern.malformed": (
            "{variable} has malformed patterns that silently match nothing: {patterns}",
            "{variable} 中有格式错误的模式，它们不会匹配任何模块：{patterns}"),
        "config.gosumdb.invalid": (
            "GOSUMDB={value} is invalid: {error}",
            "GOSUMDB={value} 无效：{error}"),
        "config.gosumdb.wrong-key": (
            "GOSUMDB holds a wrong key for sum.golang.org (often copied from a blog post): {error}",
            "GOSUMDB 中 sum.golang.org 的公钥是错误的（常见于从博客复制）：{error}"),
        "config.gosumdb.off": (
            "GOSUMDB=off: downloaded modules are not checked against the checksum database",
            "GOSUMDB=off：下载的模块不会与校验和数据库核对"),
        "config.gonosumdb.everything": (
            "{variable}={value} exempts every module from the checksum database",
            "{variable}={value} 让所有模块都跳过校验和数据库"),
        "config.goinsecure.broad": (
            "GOINSECURE={value} allows plain http and unchecked certificates for every module fetched directly",
            "GOINSECURE={value} 让所有直连获取的模块都允许明文 http 且不校验证书"),
        "config.go111module.off": (
            "GO111MODULE=off: the go command ignores go.mod and works in GOPATH mode",
            "GO111MODULE=off：go 命令会忽略 go.mod，以 GOPATH 模式运行"),
        "config.go111module.invalid": (
            "GO111MODULE={value} is invalid: {error}",
            "GO111MODULE={value} 无效：{error}"),
        "config.goflags.invalid": (
            "GOFLAGS={value} is invalid: {error}",
            "GOFLAGS={value} 无效：{error}"),
        "config.goflags.vendor-missing": (
            "GOFLAGS sets -mod=vendor but {dir} has no vendor directory: builds fail",
            "GOFLAGS 设置了 -mod=vendor，但 {dir} 下没有 vendor 目录：构建会失败"),
        "config.gotoolchain.invalid": (
            "GOTOOLCHAIN={value} is invalid: {error}",
            "GOTOOLCHAIN={value} 无效：{error}"),
        "config.toolchain.download": (
            "go.mod needs {required} (local: {local}): the go command will download {module}",
            "go.mod 需要 {required}（本地：{local}）：go 命令会下载 {module}"),
        "config.toolchain.cannot-switch": (
            "go.mod needs {required} but the local go is {local} and will not switch: {reason}",
            "go.mod 需要 {required}，但本地 go 为 {local} 且不会切换：{reason}"),
        "config.https-proxy.private-hosts-proxied": (
            "Requests to {hosts} go through the HTTPS proxy {proxy}: NO_PROXY does not exempt them",
            "对 {hosts} 的请求会经过 HTTPS 代理 {proxy}：NO_PROXY 没有排除它们"),
        "config.credentials-in-url": (
            "{variable} contains credentials in its URL (shown redacted): they leak into go env output, logs and bug reports",
            "{variable} 的 URL 中包含凭据（已脱敏显示）：它们会泄露到 go env 输出、日志和问题报告中"),
        "config.goenv-file.crlf": (
            "{file} has Windows line endings: {keys} carry a trailing carriage return",
            "{file} 使用了 Windows 换行符：{keys} 的值末尾带有回车符"),
        "config.goenv-file.ignored-lines": (
            "{file}: {count} line(s) are silently ignored by the go command",
            "{file}：有 {count} 行被 go 命令静默忽略"),
        "config.goenv-file.proxy-variables-ignored": (
            "{file} sets {keys}, which the go command never reads from its env file",
            "{file} 中设置了 {keys}，但 go 命令从不从该文件读取这些变量"),
        "config.goenv-file.duplicate": (
            "{key} appears on lines {lines} of {file}; only the last counts",
            "{key} 在 {file} 的第 {lines} 行重复出现，只有最后一个生效"),
        "config.environment-overrides-goenv-file": (
            "{variable}={value} from the environment hides {variable}={hidden} set with go env -w",
            "环境变量 {variable}={value} 覆盖了通过 go env -w 设置的 {variable}={hidden}"),
        "config.go-env.disagreement": (
            "{variable}: gomod-doctor resolved {ours}, but go env says {go}",
            "{variable}：gomod-doctor 解析为 {ours}，但 go env 显示为 {go}"),
    ]
}
