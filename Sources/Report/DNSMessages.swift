/// Sentences of `gomod-doctor dig` and the resolver comparison.
enum DNSMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.dig.no-response": ("no response from {server}: {detail}", "{server} 没有响应：{detail}"),
        "ui.dig.retried-tcp": ("answer truncated over UDP; asked again over TCP", "UDP 应答被截断，已改用 TCP 重新查询"),
        "ui.dig.ignored": ("ignored {count} reply(s) that did not match the query: {detail}",
                           "忽略了 {count} 个与查询不匹配的应答：{detail}"),
        "ui.dig.usage-error": ("dig: {detail}", "dig：{detail}"),
        "ui.dig.system.title": ("System resolver view of {name} ({path})", "系统解析器视角：{name}（{path}）"),
        "ui.dig.system.candidates": ("names tried, in order: {names}", "依次尝试的名称：{names}"),
        "ui.dig.compare.title": ("Resolvers compared for {name}", "解析器对比：{name}"),
        "ui.dig.compare.platform": ("system resolver (getaddrinfo)", "系统解析器（getaddrinfo）"),
        "ui.dig.compare.no-answer": ("no answer", "无应答"),
        "ui.dig.compare.none-answered": ("no resolver answered", "没有任何解析器应答"),
        "ui.dig.compare.agree": ("all resolvers that answered agree", "所有有应答的解析器结果一致"),
        "ui.dig.flag.disagreement": ("resolvers disagree on {type}: {detail}", "解析器对 {type} 的结果不一致：{detail}"),
        "ui.dig.flag.private-answer": ("a public name resolves into a private or reserved range ({type}): {detail}",
                                       "公网域名解析到了私有或保留地址（{type}）：{detail}"),
        "ui.dig.flag.suspected-poisoning": ("suspected DNS poisoning or hijacking ({type}): {detail}",
                                            "疑似 DNS 污染或劫持（{type}）：{detail}"),
    ]
}
