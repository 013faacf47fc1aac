/// Sentences of `gomod-doctor ping` (lines shaped like iputils ping's).
enum ICMPMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.ping.header": ("PING {host} ({address}): {size} data bytes, {socket} socket",
                           "PING {host} ({address})：{size} 字节数据，{socket} 套接字"),
        "ui.ping.socket.datagram": ("datagram ICMP", "数据报 ICMP"),
        "ui.ping.socket.raw": ("raw ICMP", "原始 ICMP"),
        "ui.ping.fallback": ("cannot use the {error}; falling back to a raw socket", "无法使用{error}；改用原始套接字"),
        "ui.ping.reply": ("{bytes} bytes from {from}: icmp_seq={seq} ttl={ttl} time={time} ms",
                          "来自 {from} 的 {bytes} 字节：icmp_seq={seq} ttl={ttl} 时间={time} ms"),
        "ui.ping.duplicate": ("{bytes} bytes from {from}: icmp_seq={seq} time={time} ms (DUP!)",
                              "来自 {from} 的 {bytes} 字节：icmp_seq={seq} 时间={time} ms（重复！）"),
        "ui.ping.error": ("From {from} icmp_seq={seq} {detail}", "来自 {from}：icmp_seq={seq} {detail}"),
        "ui.ping.timeout": ("no answer for icmp_seq={seq}", "icmp_seq={seq} 无应答"),
        "ui.ping.late": ("late answer for icmp_seq={seq} after {time} ms (counted as lost)",
                         "icmp_seq={seq} 的应答迟到 {time} ms（计为丢失）"),
        "ui.ping.send-error": ("icmp_seq={seq} not sent: {detail}", "icmp_seq={seq} 未发出：{detail}"),
        "ui.ping.stats-title": ("--- {host} ping statistics ---", "--- {host} ping 统计 ---"),
        "ui.ping.stats": ("{transmitted} packets transmitted, {received} received, {loss}% packet loss",
                          "已发送 {transmitted} 个包，收到 {received} 个，丢包率 {loss}%"),
        "ui.ping.stats-duplicates": ("+{count} duplicates", "重复 {count} 个"),
        "ui.ping.stats-errors": ("+{count} errors", "错误 {count} 个"),
        "ui.ping.rtt": ("rtt min/avg/max/mdev = {min}/{avg}/{max}/{mdev} ms",
                        "往返时间 最小/平均/最大/偏差 = {min}/{avg}/{max}/{mdev} ms"),
        "ui.ping.ended-early": ("stopped at the deadline", "已到截止时间，提前结束"),
        "ui.ping.failed": ("ping failed ({code}): {detail}", "ping 失败（{code}）：{detail}"),
    ]
}
