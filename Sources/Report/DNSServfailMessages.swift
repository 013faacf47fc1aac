/// The SERVFAIL conclusion of the endpoint verdict: the system nameserver answers, but with
/// "server failure" — the go command's "server misbehaving", which is not a timeout.
enum DNSServfailMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "endpoint.dns.servfail": (
            "DNS: the nameserver {server} answers SERVFAIL for {host} (the go command says \"server misbehaving\"): that resolver fails to resolve the name — a broken delegation, a DNSSEC validation failure or a fault upstream of it — it is not a timeout",
            "DNS：域名服务器 {server} 对 {host} 回答 SERVFAIL（go 命令报告 \"server misbehaving\"）：该解析器无法解析这个域名——委派损坏、DNSSEC 验证失败或其上游故障——这不是超时"),
        // Fix explanations are shown without arguments: no placeholders.
        "fix.endpoint.dns.servfail": (
            "Ask the failing nameserver directly, again with DNSSEC checking disabled (+cd: an answer then means validation fails), and follow the delegation from the root to see where it breaks; if a public resolver answers, confirm it and make it this machine's nameserver, or have the resolver's admin fix it.",
            "直接询问出错的域名服务器，并在关闭 DNSSEC 检查（+cd）后再问一次（此时有应答说明是验证失败），再从根开始跟踪委派，找出断在哪里；如果某个公共解析器能应答，先确认它，再把它设为本机的域名服务器，或请该解析器的管理员修复。"),
    ]
}
