/// dig's line for a UDP answer with TC=1 whose TCP retry got no answer (issue 13): the
/// truncated answer is evidence, not the answer, so dig says there is none.
enum DNSTruncationMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "ui.dig.truncated-tcp-failed": ("no answer: {detail} (the truncated UDP answer is not the answer)",
                                        "没有应答：{detail}（被截断的 UDP 应答不能当作应答）"),
    ]
}
