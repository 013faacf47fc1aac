/// `gomod-doctor explain`: one sentence per cause (what broke and why), keyed `explain.cause.<cause>`.
enum ExplainMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "explain.title": ("Error {index}", "错误 {index}"),
        "explain.none": ("No go error found in the input.", "输入中没有找到 go 的错误信息。"),
        "explain.label.layer": ("layer", "层"),
        "explain.label.next": ("next", "下一步"),
        "explain.cut.bytes": (
            "Input cut: it has more than {maximum} bytes (1 MiB, the most explain reads); reading stopped in line {line}, the rest was not explained.",
            "输入被截断：超过 {maximum} 字节（1 MiB，explain 读取的上限）；读取在第 {line} 行停止，其后的内容未作解释。"),
        "explain.cut.errors": (
            "Input cut: only the first {maximum} errors are explained (the limit); the errors from line {line} on were not read.",
            "输入被截断：只解释前 {maximum} 个错误（上限）；从第 {line} 行起的错误未被读取。"),
        "explain.cause.dns-nxdomain": (
            "The DNS resolver says {host} does not exist (NXDOMAIN): a wrong name, a split-horizon or poisoned resolver, or no network DNS at all.",
            "DNS 解析器称 {host} 不存在（NXDOMAIN）：名称错误、内外网解析不一致或解析被污染，或根本没有可用的 DNS。"),
        "explain.cause.dns-server-unreachable": (
            "The DNS server {dnsServer} did not answer when asked for {host}: the resolver in /etc/resolv.conf is unreachable or blocked.",
            "向 DNS 服务器 {dnsServer} 查询 {host} 时没有应答：/etc/resolv.conf 中的解析器不可达或被拦截。"),
        "explain.cause.dns-servfail": (
            "The DNS server failed to resolve {host} (SERVFAIL, \"server misbehaving\").",
            "DNS 服务器解析 {host} 失败（SERVFAIL，“server misbehaving”）。"),
        "explain.cause.tcp-timeout": (
            "Connecting to {address} timed out: packets are dropped on the way (firewall, blackhole route, blocked IP).",
            "连接 {address} 超时：数据包在途中被丢弃（防火墙、黑洞路由或 IP 被封锁）。"),
        "explain.cause.tcp-refused": (
            "{address} refused the connection: nothing listens on that port, or a firewall rejects it.",
            "{address} 拒绝连接：该端口没有服务在监听，或被防火墙拒绝。"),
        "explain.cause.tcp-reset": (
            "The connection to {address} was reset: a middlebox (firewall, censor, proxy) cut it.",
            "与 {address} 的连接被重置：中间设备（防火墙、审查设备、代理）切断了连接。"),
        "explain.cause.tcp-unreachable": (
            "There is no route to {address}: the network or the host is unreachable from here.",
            "没有到 {address} 的路由：从本机无法到达该网络或主机。"),
        "explain.cause.ipv6-unreachable": (
            "The IPv6 address {address} is unreachable: the name resolves to IPv6 but this machine has no working IPv6 route; IPv4 may still work.",
            "IPv6 地址 {address} 不可达：域名解析出了 IPv6 地址，但本机没有可用的 IPv6 路由；IPv4 可能仍然可用。"),
        "explain.cause.https-proxy-unreachable": (
            "The HTTP(S) proxy from HTTPS_PROXY/HTTP_PROXY could not be reached ({address}): the go command sends every request through it.",
            "无法连接 HTTPS_PROXY/HTTP_PROXY 指定的代理（{address}）：go 命令的所有请求都经由它发出。"),
        "explain.cause.tls-handshake-timeout": (
            "The TLS handshake with {host} did not finish within 10 s: TLS is being interfered with, or the path is very lossy.",
            "与 {host} 的 TLS 握手未在 10 秒内完成：TLS 受到干扰，或网络丢包严重。"),
        "explain.cause.tls-unknown-authority": (
            "The certificate of {host} is signed by an authority this machine does not trust: TLS interception (corporate proxy, antivirus) or a private CA that is not installed.",
            "{host} 的证书由本机不信任的机构签发：TLS 被拦截（公司代理、杀毒软件），或私有 CA 未安装。"),
        "explain.cause.tls-expired": (
            "The certificate of {host} has expired, or this machine's clock is wrong.",
            "{host} 的证书已过期，或本机时钟不正确。"),
        "explain.cause.tls-not-yet-valid": (
            "The certificate of {host} is not valid yet: this machine's clock is probably behind.",
            "{host} 的证书尚未生效：本机时钟很可能落后了。"),
        "explain.cause.tls-hostname-mismatch": (
            "The certificate presented for {host} is for other names: DNS or a middlebox sends you to the wrong server.",
            "{host} 返回的证书属于其他域名：DNS 或中间设备把你导向了错误的服务器。"),
        "explain.cause.tls-not-tls": (
            "{host} answered in plain HTTP where TLS was expected: a proxy URL with https:// pointing at an http port, or a captive portal.",
            "{host} 在应使用 TLS 的地方返回了明文 HTTP：https:// 代理地址指向了 http 端口，或遇到了网络认证页面。"),
        "explain.cause.tls-alert": ("{host} aborted the TLS handshake with an alert.", "{host} 以告警中止了 TLS 握手。"),
        "explain.cause.tls-reset": ("The connection to {host} was reset during the TLS handshake: SNI-based blocking is likely.",
                                    "与 {host} 的连接在 TLS 握手期间被重置：很可能是基于 SNI 的封锁。"),
        "explain.cause.tls-bad-certificate": ("The certificate of {host} was rejected.", "{host} 的证书被拒绝。"),
        "explain.cause.http-timeout": ("The request to {host} timed out after connecting.", "连接 {host} 后请求超时。"),
        "explain.cause.http-eof": ("{host} closed the connection without an answer.", "{host} 未作应答就关闭了连接。"),
        "explain.cause.too-many-redirects": ("{url} redirected more than 10 times.", "{url} 重定向超过 10 次。"),
        "explain.cause.insecure-redirect": ("{url} redirected from https to http; the go command refuses that.",
                                            "{url} 从 https 重定向到 http，go 命令拒绝这样做。"),
        "explain.cause.proxy-not-found": (
            "The proxy does not have {module}@{version} (404/410). With `,` the go command tries the next GOPROXY entry; if this is the last error, no entry had it: check the version exists.",
            "代理上没有 {module}@{version}（404/410）。用 `,` 分隔时 go 命令会尝试下一个 GOPROXY 条目；若这是最终错误，说明所有条目都没有：请确认该版本存在。"),
        "explain.cause.proxy-private-module": (
            "{module} looks private but was requested from a public proxy, which cannot see it: add it to GOPRIVATE so it is fetched directly.",
            "{module} 看起来是私有模块，却被发往公共代理，而公共代理无法访问它：把它加入 GOPRIVATE 以便直连获取。"),
        "explain.cause.direct-not-found": ("The origin server has no {module} at that URL (404/410).", "源站在该地址上没有 {module}（404/410）。"),
        "explain.cause.proxy-forbidden": (
            "The proxy refused the request ({status}): credentials, an IP allow-list or a policy block it. A `,` after this entry stops the walk here.",
            "代理拒绝了请求（{status}）：需要凭据、IP 白名单或被策略拦截。该条目后为 `,` 时，查找在此终止。"),
        "explain.cause.sumdb-forbidden": ("The checksum database refused the request ({status}).", "校验和数据库拒绝了请求（{status}）。"),
        "explain.cause.direct-auth": ("The origin server wants credentials ({status}) for {module}.", "源站获取 {module} 需要凭据（{status}）。"),
        "explain.cause.rate-limited": ("{host} is rate-limiting this client (429).", "{host} 正在对本机限流（429）。"),
        "explain.cause.http-client-error": ("{host} rejected the request ({status}).", "{host} 拒绝了请求（{status}）。"),
        "explain.cause.proxy-server-error": ("The proxy failed ({status}); a `,` after it stops the walk, `|` moves on.",
                                             "代理出错（{status}）；其后为 `,` 时查找终止，为 `|` 时继续下一个。"),
        "explain.cause.sumdb-server-error": ("The checksum database failed ({status}).", "校验和数据库出错（{status}）。"),
        "explain.cause.sumdb-private-module": (
            "The public checksum database cannot see {module} (it is private), so verification fails: list it in GOPRIVATE (or GONOSUMDB).",
            "公共校验和数据库无法访问 {module}（私有模块），校验失败：把它加入 GOPRIVATE（或 GONOSUMDB）。"),
        "explain.cause.sumdb-not-found": (
            "The checksum database could not serve {module}@{version}: the version does not exist publicly, or the repository is private (then add it to GOPRIVATE).",
            "校验和数据库无法提供 {module}@{version}：该版本在公网不存在，或仓库是私有的（那样请加入 GOPRIVATE）。"),
        "explain.cause.gosum-mismatch": (
            "The downloaded {module}@{version} differs from the hash in go.sum: the tag was moved, go.sum was edited, or the download was tampered with. Do not just delete the line.",
            "下载的 {module}@{version} 与 go.sum 中的哈希不同：标签被移动、go.sum 被修改，或下载内容被篡改。不要直接删除该行。"),
        "explain.cause.sumdb-mismatch": (
            "The downloaded {module}@{version} differs from what the checksum database records: the proxy or the module cache serves different bits.",
            "下载的 {module}@{version} 与校验和数据库记录的不同：代理或模块缓存提供了不同的内容。"),
        "explain.cause.sumdb-misbehavior": (
            "The checksum database served two inconsistent trees: the database or something in between is misbehaving. Stop and report it.",
            "校验和数据库返回了互不一致的树：数据库或中间环节行为异常。请停止操作并报告。"),
        "explain.cause.missing-gosum-entry": ("go.sum has no line for {module}: download it or tidy to record it.",
                                              "go.sum 中没有 {module} 的记录：下载它或执行 tidy 以补上。"),
        "explain.cause.gosum-malformed": ("go.sum cannot be parsed.", "go.sum 无法解析。"),
        "explain.cause.gosumdb-invalid": ("GOSUMDB is invalid (often a key copied from a blog post).", "GOSUMDB 无效（常见于从博客复制的错误密钥）。"),
        "explain.cause.gosumdb-key-mismatch": (
            "The checksum database's signature does not verify with the GOSUMDB key: a wrong key, or a database other than the one named.",
            "校验和数据库的签名无法用 GOSUMDB 的密钥验证：密钥错误，或连接的不是所指定的数据库。"),
        "explain.cause.gosumdb-off": ("GOSUMDB=off, but this download (a Go toolchain) requires the checksum database.",
                                      "GOSUMDB=off，但此次下载（Go 工具链）必须使用校验和数据库。"),
        "explain.cause.goproxy-invalid": ("GOPROXY cannot be parsed, so every download fails.", "GOPROXY 无法解析，所有下载都会失败。"),
        "explain.cause.goproxy-off": ("GOPROXY=off forbids any module download.", "GOPROXY=off 禁止了所有模块下载。"),
        "explain.cause.mod-vendor": ("-mod=vendor (GOFLAGS or vendor/) forbids downloads, and vendor/ lacks the module.",
                                     "-mod=vendor（GOFLAGS 或 vendor/ 目录）禁止下载，而 vendor/ 中缺少该模块。"),
        "explain.cause.toolchain-unavailable": ("The Go toolchain go.mod asks for is not available from GOPROXY.",
                                                "go.mod 要求的 Go 工具链无法从 GOPROXY 获取。"),
        "explain.cause.govcs-disallowed": ("GOVCS forbids the version control tool this module needs.", "GOVCS 禁止了该模块所需的版本控制工具。"),
        "explain.cause.git-auth": (
            "git could not authenticate to fetch {module}: it is private; list it in GOPRIVATE and give git credentials (SSH or a token).",
            "git 获取 {module} 时认证失败：这是私有仓库；把它加入 GOPRIVATE，并为 git 配置凭据（SSH 或令牌）。"),
        "explain.cause.goprivate-skip": ("{module} matches GOPRIVATE/GONOPROXY, so proxies are skipped; the direct fetch's error is the real one.",
                                         "{module} 匹配 GOPRIVATE/GONOPROXY，因此跳过代理；直连获取的错误才是真正原因。"),
        "explain.cause.proxy-version-mismatch": ("The proxy answered with a different version than requested.", "代理返回的版本与请求的不一致。"),
        "explain.cause.proxy-invalid-response": ("The proxy's answer is not valid module-protocol data.", "代理的响应不是有效的模块协议数据。"),
        "explain.cause.zip-too-large": ("The module zip exceeds the go command's 500 MiB limit.", "模块 zip 超过了 go 命令 500 MiB 的上限。"),
        "explain.cause.bad-zip": ("The module zip is malformed or holds files outside <module>@<version>/.", "模块 zip 格式错误，或包含 <module>@<version>/ 之外的文件。"),
        "explain.cause.unknown-version": ("{module} has no such version (unknown revision).", "{module} 没有这个版本（unknown revision）。"),
        "explain.cause.go-get-discovery": ("The go-get discovery page of {module} could not be read (direct mode).", "无法读取 {module} 的 go-get 发现页面（直连模式）。"),
        "explain.cause.gomod-invalid": ("go.mod cannot be parsed.", "go.mod 无法解析。"),
        "explain.cause.unknown": ("Not a go download error gomod-doctor recognises.", "gomod-doctor 无法识别这个 go 下载错误。"),
    ]
}
