/// Sentences of `gomod-doctor tcp` (one line per address, like `nc -zv`).
enum TCPMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.tcp.header": ("{target}: {count} address(es), in happy-eyeballs order",
                          "{target}：{count} 个地址，按 Happy Eyeballs 顺序"),
        "ui.tcp.result.ok": ("open", "可连接"),
        "ui.tcp.result.refused": ("refused", "被拒绝"),
        "ui.tcp.result.timeout": ("timed out", "超时"),
        "ui.tcp.result.unreachable": ("unreachable", "不可达"),
        "ui.tcp.result.reset": ("reset", "被重置"),
        "ui.tcp.result.blocked": ("blocked locally", "被本机阻止"),
        "ui.tcp.result.error": ("error", "错误"),
        "ui.tcp.after.data": ("server spoke first ({bytes} bytes)", "服务器先发送了数据（{bytes} 字节）"),
        "ui.tcp.after.closed": ("server closed at once", "服务器立即关闭了连接"),
        "ui.tcp.verdict.all-reachable": ("every address accepts connections", "所有地址都可连接"),
        "ui.tcp.verdict.ipv6-broken": ("IPv6 resolves but is broken: every IPv6 address fails while IPv4 works",
                                       "IPv6 能解析但不通：所有 IPv6 地址都失败，而 IPv4 正常"),
        "ui.tcp.verdict.ipv4-broken": ("IPv4 resolves but is broken: every IPv4 address fails while IPv6 works",
                                       "IPv4 能解析但不通：所有 IPv4 地址都失败，而 IPv6 正常"),
        "ui.tcp.verdict.partial": ("some addresses fail while others of the same family work",
                                   "部分地址失败，同一协议族的其他地址正常"),
        "ui.tcp.verdict.all-failed": ("no address accepts a connection", "没有任何地址可以连接"),
        "ui.tcp.verdict.no-addresses": ("no address to connect to", "没有可连接的地址"),
        "ui.tcp.winner": ("a happy-eyeballs client connects to {endpoint} after {time} ms; the go command's dialer to {goEndpoint} after {goTime} ms",
                          "Happy Eyeballs 客户端会在 {time} ms 后连接到 {endpoint}；go 命令的拨号器会在 {goTime} ms 后连接到 {goEndpoint}"),
        "ui.tcp.failed": ("tcp failed ({code}): {detail}", "TCP 连接失败（{code}）：{detail}"),
    ]
}
