/// Sentences of issue 11's HTTP-layer verdicts: a CONNECT refused by HTTPS_PROXY, and a server
/// (or proxy) that accepts connections and never answers.
enum HTTPStallMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "endpoint.https-proxy.connect-refused": (
            "HTTPS_PROXY {endpoint} refuses to open a tunnel to {target}: CONNECT answered {status}",
            "HTTPS_PROXY {endpoint} 拒绝建立到 {target} 的隧道：CONNECT 返回 {status}"),
        "fix.endpoint.https-proxy.connect-refused": (
            "The proxy itself denies the tunnel (403: its policy; 407: it wants credentials; 5xx: it cannot reach the target). Another GOPROXY reached through the same proxy will not help: allow the host on the proxy, give it credentials, or bypass it with NO_PROXY.",
            "是代理本身拒绝了隧道（403：代理策略；407：需要凭据；5xx：代理无法连到目标）。经同一代理访问的其他 GOPROXY 也无济于事：请在代理上放行该主机、提供代理凭据，或用 NO_PROXY 绕过代理。"),
        "endpoint.http.no-response": (
            "{endpoint} accepts connections and never answers: no response byte in {seconds} s",
            "{endpoint} 接受连接但始终不响应：{seconds} 秒内没有收到任何响应字节"),
        "fix.endpoint.http.no-response": (
            "The server (or a device in front of it) takes the connection and then stays silent; the go command would wait forever. See whether it answers at all, and use another GOPROXY until it does.",
            "服务器（或其前面的设备）接受连接后一直沉默；go 命令会无限等待。确认它是否会响应，在恢复前改用其他 GOPROXY。"),
        "ui.http.failure.no-response": ("the server accepts connections and never answers", "服务器接受连接但始终不响应"),
        "ui.http.failure.proxy-connect-refused": ("the proxy refused the CONNECT tunnel", "代理拒绝了 CONNECT 隧道"),
    ]
}
