/// The DNS conclusions of `check`'s resolver comparison (system resolver against the chosen
/// public resolvers) and their fixes.
enum CheckDNSMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "endpoint.dns.system-nxdomain": (
            "DNS: this machine's resolver ({system}) answers {rcode} for {host}, but {resolver} gives {answer}: the system resolver is wrong, not the name",
            "DNS：本机解析器（{system}）对 {host} 回答 {rcode}，但 {resolver} 给出 {answer}：出错的是系统解析器，而不是域名"),
        "endpoint.dns.poisoned": (
            "DNS: this machine's resolver gives {systemAnswer} for {host}, while {resolvers} agree on {answer}: the system answer is poisoned or hijacked, and connecting to it fails",
            "DNS：本机解析器把 {host} 解析为 {systemAnswer}，而 {resolvers} 一致给出 {answer}：系统的应答被污染或劫持，连接它失败"),
        "endpoint.dns.server-unreachable": (
            "DNS: no nameserver in resolv.conf answers ({system}: {failure}), so {host} cannot be looked up",
            "DNS：resolv.conf 中的域名服务器都没有应答（{system}：{failure}），因此无法解析 {host}"),
        "endpoint.dns.public-resolver-disagrees": (
            "DNS: {resolvers} answer {host} differently from this machine's resolver ({systemAnswer}); the go command asks only the system resolver, so this alone breaks nothing (CDNs answer by location)",
            "DNS：{resolvers} 对 {host} 的解析与本机解析器（{systemAnswer}）不同；go 命令只使用系统解析器，因此这本身不会造成故障（CDN 会按位置返回不同地址）"),
        // Fix explanations are shown without arguments: no placeholders.
        "fix.endpoint.dns.system-nxdomain": (
            "Confirm that the public resolver answers, then make it this machine's nameserver (on systemd-resolved or NetworkManager systems set it in the network settings, or the file is rewritten).",
            "先确认该公共解析器能正确应答，再把它设为本机的域名服务器（在使用 systemd-resolved 或 NetworkManager 的系统上请在网络设置中修改，否则该文件会被重写）。"),
        "fix.endpoint.dns.poisoned": (
            "Confirm the correct address with a resolver that agrees with the others, then pin the host to it in /etc/hosts or make that resolver this machine's nameserver.",
            "先用与其他解析器结果一致的解析器确认正确地址，再在 /etc/hosts 中固定该主机的地址，或把该解析器设为本机的域名服务器。"),
        "fix.endpoint.dns.server-unreachable": (
            "See the system nameserver time out, confirm that a public resolver answers, then make it this machine's nameserver (or fix the route or firewall to the old one).",
            "先确认系统域名服务器超时，再确认公共解析器能应答，然后把它设为本机的域名服务器（或修复到原服务器的路由或防火墙）。"),
    ]
}
