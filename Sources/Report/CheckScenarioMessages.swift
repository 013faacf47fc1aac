/// Texts of the role-aware fixes `check` gives a root cause (Doctor's CheckRoleFix) and of the
/// findings added with them. Fix explanations take no placeholders: the renderer shows them as is.
enum CheckScenarioMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "endpoint.tls.certificate-expired": (
            "TLS to {endpoint}: the server's certificate expired on {notAfter} (this machine's clock says {localTime})",
            "到 {endpoint} 的 TLS：服务器证书已于 {notAfter} 过期（本机时间为 {localTime}）"),
        "fix.endpoint.tls.certificate-expired": (
            "The server must renew its certificate; check the dates shown, and that this machine's clock is right. Do not turn verification off.",
            "服务器必须更新证书；核对显示的日期以及本机时钟是否正确。不要关闭证书校验。"),
        "fix.check.proxy-certificate-expired": (
            "The proxy's certificate has expired: only its operator can renew it. Until then use another proxy (the command keeps your other entries); never GOINSECURE or GOFLAGS=-insecure.",
            "该代理的证书已过期，只有其运营方能更新。在此之前改用其他代理（命令保留了其余配置项）；切勿使用 GOINSECURE 或 GOFLAGS=-insecure。"),
        "fix.check.switch-proxy": (
            "This proxy cannot be reached from here: use the proxy this run verified (the command puts it in GOPROXY), then look at where the path breaks.",
            "从本机无法访问该代理：改用本次检查已验证可用的代理（命令会将其写入 GOPROXY），然后排查路径在何处中断。"),
        "fix.check.proxy-refused": (
            "The proxy refuses this client. After a comma the go command stops at a 403 (only 404 and 410 fall through); after a pipe it tries the next entry. Or give the proxy its credentials in ~/.netrc.",
            "代理拒绝了本客户端。逗号分隔时 go 命令遇到 403 即停止（只有 404 和 410 会继续）；竖线分隔时会尝试下一项。或在 ~/.netrc 中提供代理所需的凭据。"),
        "fix.check.direct-blocked": (
            "The module's own host (fetched direct) cannot be reached: fetch it through the proxy this run verified has it, or open the path to the host.",
            "模块所在主机（direct 直连获取）无法访问：通过本次检查已验证拥有该模块的代理获取，或打通到该主机的网络路径。"),
        "fix.check.sumdb-mirror": (
            "The checksum database cannot be reached: its mirror serves the same database (same key), answered a signed tree head in this run, and the go command knows it by name. Never GOSUMDB=off for public modules.",
            "无法访问校验和数据库：其镜像提供同一个数据库（相同密钥），本次检查中返回了签名的树头，且 go 命令可直接识别该名称。公共模块切勿设置 GOSUMDB=off。"),
        "fix.check.https-proxy": (
            "HTTPS_PROXY points at a proxy nothing answers on: unset it if this network needs none, correct its value if it does, or exempt the go command's hosts with NO_PROXY.",
            "HTTPS_PROXY 指向的代理无响应：若本网络无需代理则取消设置，若需要则改正其值，或用 NO_PROXY 豁免 go 命令访问的主机。"),
    ]
}
