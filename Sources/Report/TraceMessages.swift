/// Interface strings of `gomod-doctor trace` and `gomod-doctor sockets`.
enum TraceMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.trace.title": ("trace to {host} ({address}), {method}, {cycles} cycles, max {maxTTL} hops",
                           "追踪到 {host}（{address}），{method}，{cycles} 轮，最多 {maxTTL} 跳"),
        "ui.trace.column.hop": ("Hop", "跳"),
        "ui.trace.column.address": ("Address", "地址"),
        "ui.trace.column.loss": ("Loss%", "丢包%"),
        "ui.trace.column.sent": ("Snt", "发送"),
        "ui.trace.silent-hop": ("(no answer)", "（无应答）"),
        "ui.trace.reached": ("reached {address} at hop {hop}: {answer}", "在第 {hop} 跳到达 {address}：{answer}"),
        "ui.trace.silent": ("no answer after hop {hop}: packets are dropped beyond it",
                            "第 {hop} 跳之后没有应答：数据包在其后被丢弃"),
        "ui.trace.none": ("nothing answered up to hop {maxTTL}", "直到第 {maxTTL} 跳都没有应答"),
        "ui.trace.rejected": ("hop {hop} ({address}) rejected the probes: {answer}", "第 {hop} 跳（{address}）拒绝了探测：{answer}"),
        "ui.trace.unreachable": ("hop {hop} ({address}) answered unreachable {mark}", "第 {hop} 跳（{address}）回应不可达 {mark}"),
        "ui.trace.failed": ("trace failed: {detail}", "追踪失败：{detail}"),
        "ui.sockets.column.proto": ("Proto", "协议"),
        "ui.sockets.column.local": ("Local Address", "本地地址"),
        "ui.sockets.column.remote": ("Foreign Address", "远端地址"),
        "ui.sockets.column.state": ("State", "状态"),
        "ui.sockets.none": ("no TCP sockets match", "没有匹配的 TCP 套接字"),
        "ui.sockets.count": ("{count} socket(s)", "{count} 个套接字"),
        "ui.sockets.unavailable": ("the socket table is unavailable here: it is read from /proc/net/tcp (Linux only)",
                                   "此系统上无法读取套接字表：它来自 /proc/net/tcp（仅 Linux）"),
    ]
}
