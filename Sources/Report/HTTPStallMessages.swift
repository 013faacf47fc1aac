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
        "ui.http.http11-answered": ("the same request over HTTP/1.1 was answered: only HTTP/2 is broken (GODEBUG=http2client=0 makes the go command use HTTP/1.1)",
                                    "同一请求改用 HTTP/1.1 时得到了响应：只有 HTTP/2 有故障（GODEBUG=http2client=0 可让 go 命令改用 HTTP/1.1）"),
        "ui.http.http11-failed": ("over HTTP/1.1 the server did not answer either", "改用 HTTP/1.1 时服务器同样没有响应"),
        "ui.http.failure.h2-stream-reset": ("the server reset the HTTP/2 stream", "服务器重置了 HTTP/2 流"),
        "ui.http.failure.h2-goaway": ("the server closed the HTTP/2 connection (GOAWAY) before answering", "服务器在响应前关闭了 HTTP/2 连接（GOAWAY）"),
        "ui.http.failure.h2-protocol-error": ("the server broke the HTTP/2 protocol", "服务器违反了 HTTP/2 协议"),
        "endpoint.http.h2-broken": (
            "{endpoint} breaks HTTP/2, which the go command always speaks to it ({error}); over HTTP/1.1 it answers",
            "{endpoint} 的 HTTP/2 有故障，而 go 命令总是用 HTTP/2 访问它（{error}）；改用 HTTP/1.1 时它能正常响应"),
        "fix.endpoint.http.h2-broken": (
            "The go command negotiates HTTP/2 with every https server and never falls back to HTTP/1.1. GODEBUG=http2client=0 in its environment makes it use HTTP/1.1, which this server answered; tell its operator (or the middlebox in front of it) that HTTP/2 is broken.",
            "go 命令会与每个 https 服务器协商 HTTP/2，且从不回退到 HTTP/1.1。在其环境中设置 GODEBUG=http2client=0 可让它改用 HTTP/1.1（本次运行中该服务器对此有正常响应）；请告知服务器（或其前面的中间设备）的运维人员 HTTP/2 有故障。"),
    ]
}
