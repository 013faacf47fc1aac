/// `explain` cause sentences for the classes added with the whole catalogue (issue #11): an
/// HTTPS proxy refusing CONNECT, HTTP/2 failures, git's curl/ssh errors, toolchain selection,
/// and `GOPROXY=…,off`.
enum ExplainCatalogueMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "explain.cause.https-proxy-refused": (
            "The HTTPS proxy from HTTPS_PROXY/HTTP_PROXY refused to open a tunnel to {host} (its CONNECT answer was not 200; status {status}): a policy denial or missing proxy credentials. The module proxy was never reached — switching GOPROXY does not help; exempt the host with NO_PROXY, unset the proxy, or give it credentials.",
            "HTTPS_PROXY/HTTP_PROXY 指定的代理拒绝建立到 {host} 的隧道（CONNECT 应答不是 200；状态 {status}）：被策略拒绝或缺少代理凭据。请求根本没有到达模块代理——更换 GOPROXY 无济于事；请用 NO_PROXY 豁免该主机、取消代理设置，或为代理提供凭据。"),
        "explain.cause.http2-goaway": (
            "{host} closed the HTTP/2 connection with GOAWAY before answering: the server or a middlebox is shutting connections down (overload, restart, idle limit). Retrying usually works; if it persists, the server is at fault.",
            "{host} 在应答前以 GOAWAY 关闭了 HTTP/2 连接：服务器或中间设备正在关闭连接（过载、重启、空闲限制）。重试通常可以解决；若持续出现，问题在服务器端。"),
        "explain.cause.http2-stream-error": (
            "{host} reset the HTTP/2 stream of this request (stream error): the server or a proxy in between aborted the answer mid-way.",
            "{host} 重置了该请求的 HTTP/2 流（stream error）：服务器或中间代理中途中止了应答。"),
        "explain.cause.http2-connection-error": (
            "The HTTP/2 connection to {host} broke (connection error or lost): a middlebox that mishandles HTTP/2, or an unstable path.",
            "与 {host} 的 HTTP/2 连接中断（connection error 或连接丢失）：中间设备对 HTTP/2 处理不当，或网络路径不稳定。"),
        "explain.cause.dns-unresolved": (
            "git could not resolve {host} (curl/ssh cannot tell a missing name from an unreachable resolver): check the name and /etc/resolv.conf.",
            "git 无法解析 {host}（curl/ssh 无法区分域名不存在与解析器不可达）：请检查域名和 /etc/resolv.conf。"),
        "explain.cause.tcp-connect-failed": (
            "git could not connect to {address}: the port is closed, filtered, or the host unreachable.",
            "git 无法连接 {address}：端口关闭、被过滤，或主机不可达。"),
        "explain.cause.git-repo-not-found": (
            "The git server says the repository for {module} does not exist — or these credentials cannot see it (GitHub and GitLab answer the same for a private repository).",
            "git 服务器称 {module} 的仓库不存在——或当前凭据无权访问（GitHub 和 GitLab 对私有仓库也这样回答）。"),
        "explain.cause.toolchain-switch-forbidden": (
            "A module or go.mod needs a newer Go than this one, and GOTOOLCHAIN (local or path) forbids downloading it: allow the switch (GOTOOLCHAIN=auto) or install that Go.",
            "某个模块或 go.mod 需要更新的 Go 版本，而 GOTOOLCHAIN（local 或 path）禁止下载新版本：允许切换（GOTOOLCHAIN=auto）或安装该版本的 Go。"),
        "explain.cause.toolchain-too-old": (
            "A module or go.mod needs a newer Go than this one.", "某个模块或 go.mod 需要比当前更新的 Go 版本。"),
        "explain.cause.go-too-old-for-gomod": (
            "This Go (before 1.21) cannot read a go.mod written for Go 1.21 or later (a `toolchain` line or a three-part `go` version), and cannot switch toolchains: install a newer Go.",
            "当前 Go（1.21 之前）无法读取为 Go 1.21 及以上编写的 go.mod（`toolchain` 行或三段式 `go` 版本），也不能自动切换工具链：请安装更新的 Go。"),
        "explain.cause.toolchain-switch": (
            "Not an error: the go command is switching to the newer Go toolchain a module asks for (downloading it from GOPROXY). If a download error follows, that one is the cause.",
            "这不是错误：go 命令正在切换到模块要求的更新 Go 工具链（从 GOPROXY 下载）。若随后出现下载错误，那才是原因。"),
        "explain.cause.goproxy-off-after-not-found": (
            "No proxy before `off` in GOPROXY has {module}@{version} (each answered not-found), and `off` ends the list: check the version exists, or add `direct` (GOPRIVATE for a private module).",
            "GOPROXY 中 `off` 之前的代理都没有 {module}@{version}（均返回未找到），而 `off` 结束了查找：请确认该版本存在，或加上 `direct`（私有模块请设置 GOPRIVATE）。"),
    ]
}
