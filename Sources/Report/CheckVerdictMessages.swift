/// Texts of the root causes only the module fetch finds (CheckModuleCause) and of the fixes
/// that name only what this run verified. Fix explanations take no placeholders.
enum CheckVerdictMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "module.integrity.checksum-mismatch": (
            "{endpoint} served {count} module(s) whose bytes do not match go.sum or the checksum database (first: {first}): the go command refuses them (SECURITY ERROR)",
            "{endpoint} 提供的 {count} 个模块内容与 go.sum 或校验和数据库不符（首个：{first}）：go 命令拒绝使用（SECURITY ERROR）"),
        "module.integrity.unverifiable": (
            "{endpoint} served {count} module(s) that could not be verified (first: {first}, {class}): a download that cannot be verified is refused",
            "{endpoint} 提供的 {count} 个模块无法校验（首个：{first}，{class}）：无法校验的下载会被拒绝"),
        "module.proxy.failed": (
            "{endpoint} answers its own URL but fails the module requests ({class}) for {count} module(s) (first: {first}): {message}",
            "{endpoint} 能响应根路径，但 {count} 个模块的请求失败（{class}，首个：{first}）：{message}"),
        "module.sumdb.failed": (
            "The checksum database at {endpoint} fails the lookups ({class}) for {count} module(s) (first: {first}): {message}",
            "{endpoint} 上的校验和数据库对 {count} 个模块的查询失败（{class}，首个：{first}）：{message}"),
        "module.direct.failed": (
            "Direct fetches from {endpoint} fail ({class}) for {count} module(s) (first: {first}): {message}",
            "从 {endpoint} 直连获取 {count} 个模块失败（{class}，首个：{first}）：{message}"),
        "module.https-proxy.failed": (
            "The requests for {count} module(s) fail at HTTPS_PROXY {endpoint} ({class}; first: {first}): {message}",
            "{count} 个模块的请求在 HTTPS_PROXY {endpoint} 处失败（{class}；首个：{first}）：{message}"),
        "fix.check.switch-proxy-reset": (
            "Connections to this proxy are reset on the way: use a proxy that this run verified (the command puts it in GOPROXY), then find the device that resets them.",
            "到该代理的连接在途中被重置：改用本次检查已验证可用的代理（命令会将其写入 GOPROXY），再排查重置连接的设备。"),
        "fix.check.switch-proxy-stalled": (
            "This proxy accepts connections and never answers: use a proxy that this run verified (the command puts it in GOPROXY); the go command would wait on it without end.",
            "该代理接受连接却从不响应：改用本次检查已验证可用的代理（命令会将其写入 GOPROXY）；go 命令会一直等待它。"),
        "fix.check.switch-proxy-tls": (
            "TLS with this proxy fails on its side (its certificate or handshake): use a proxy that this run verified (the command puts it in GOPROXY); never GOINSECURE.",
            "与该代理的 TLS 在其一侧失败（证书或握手）：改用本次检查已验证可用的代理（命令会将其写入 GOPROXY）；切勿使用 GOINSECURE。"),
        "fix.check.switch-proxy-http": (
            "This proxy answers with errors: use a proxy that this run verified (the command puts it in GOPROXY).",
            "该代理返回错误：改用本次检查已验证可用的代理（命令会将其写入 GOPROXY）。"),
        "fix.check.proxy-fallback": (
            "This proxy fails module requests with an error the go command does not fall through after a comma: a pipe (|) lets it try the proxy this run verified next.",
            "该代理对模块请求返回的错误在逗号分隔时不会让 go 命令继续尝试：改用竖线（|）后会接着尝试本次检查已验证可用的代理。"),
        "fix.check.no-verified-proxy": (
            "No configuration change is given: no other proxy served these modules in this run (the well-known mirrors were tried). Fix the path to this proxy, or name a mirror you can reach and run the check again.",
            "未给出配置修改：本次检查中没有其他代理能提供这些模块（已尝试常见镜像）。请修复到该代理的网络路径，或指定可访问的镜像后重新检查。"),
        "fix.check.no-verified-proxy-server": (
            "No configuration change is given: no other proxy served these modules in this run (the well-known mirrors were tried). The proxy itself fails these requests: show the evidence to its operator, or name a mirror you can reach and run the check again.",
            "未给出配置修改：本次检查中没有其他代理能提供这些模块（已尝试常见镜像）。是该代理自身处理这些请求失败：请把证据提供给其运营方，或指定可访问的镜像后重新检查。"),
        "fix.check.integrity-switch": (
            "This mirror serves modified bytes. The command switches to a source whose bytes verified in this run; report the mirror to its operator. Never GONOSUMDB, GOSUMDB=off or GOFLAGS=-insecure.",
            "该镜像提供了被篡改的内容。命令会切换到本次检查中校验通过的来源；请向镜像运营方报告。切勿使用 GONOSUMDB、GOSUMDB=off 或 GOFLAGS=-insecure。"),
        "fix.check.integrity-no-alternative": (
            "No configuration change can fix this safely: the bytes do not match what go.sum and the checksum database vouch for, and no other source served verified bytes in this run. Report it to the mirror's operator; never turn verification off.",
            "没有安全的配置修改能解决此问题：内容与 go.sum 和校验和数据库不符，且本次检查中没有其他来源提供校验通过的内容。请向镜像运营方报告；切勿关闭校验。"),
        "fix.check.https-proxy-no-direct": (
            "No configuration change is given: the hosts behind HTTPS_PROXY do not answer without it either. Ask the proxy's administrators to allow them (CONNECT to port 443), or give the proxy its credentials in HTTPS_PROXY.",
            "未给出配置修改：不经 HTTPS_PROXY 也无法访问其后的主机。请代理管理员放行这些主机（到 443 端口的 CONNECT），或在 HTTPS_PROXY 中提供代理凭据。"),
        "fix.check.direct-blocked-no-proxy": (
            "No configuration change is given: no proxy served these modules in this run. Open the path to the module's host, or name a proxy that has them and run the check again.",
            "未给出配置修改：本次检查中没有代理能提供这些模块。请打通到模块主机的网络路径，或指定拥有这些模块的代理后重新检查。"),
        "fix.check.https-proxy-refused": (
            "HTTPS_PROXY refuses to tunnel to the go command's hosts, which answer without it: unset it, or exempt those hosts with NO_PROXY; or ask its administrators to allow them.",
            "HTTPS_PROXY 拒绝为 go 命令访问的主机建立隧道，而这些主机不经代理即可访问：取消设置它，或用 NO_PROXY 豁免这些主机；或请管理员放行。"),
        "fix.check.sumdb-no-verified-mirror": (
            "No configuration change is given: the checksum database's mirror did not answer a signed tree head in this run. Open the path to the database; never GOSUMDB=off or GONOSUMDB for public modules.",
            "未给出配置修改：本次检查中校验和数据库的镜像没有返回签名的树头。请打通到该数据库的网络路径；公共模块切勿设置 GOSUMDB=off 或 GONOSUMDB。"),
        "fix.check.sumdb-note": (
            "No configuration change is given: the database's signed answer does not verify with the key in GOSUMDB. Either GOSUMDB holds a wrong key (compare it with the one the database's operators publish) or the answer was altered on the way. Never GOSUMDB=off.",
            "未给出配置修改：数据库的签名响应无法用 GOSUMDB 中的密钥验证。要么 GOSUMDB 中的密钥有误（与数据库运营方公布的密钥核对），要么响应在途中被篡改。切勿设置 GOSUMDB=off。"),
        "fix.check.sumdb-known-key": (
            "GOSUMDB names sum.golang.org with a key that is not its published one: the name alone makes the go command use the right key.",
            "GOSUMDB 中 sum.golang.org 的密钥并非其公布的密钥：只写名称即可让 go 命令使用正确的密钥。"),
        "fix.check.no-configuration-change": (
            "No configuration change can fix this: the server's answer is wrong. Report it to its operator.",
            "没有配置修改能解决此问题：服务器的响应有误。请向其运营方报告。"),
    ]
}
