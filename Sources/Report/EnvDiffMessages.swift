/// `gomod-doctor diff`: headings and sentences of the drift report.
enum EnvDiffMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "envdiff.same": ("No configuration drift: both snapshots agree.", "没有配置差异：两份快照一致。"),
        "envdiff.go": ("Go: {left} vs {right}", "Go：{left} 对比 {right}"),
        "envdiff.rules": ("Rules: {left} vs {right}", "规则：{left} 对比 {right}"),
        "envdiff.variables": ("Variables that differ", "不同的变量"),
        "envdiff.routes": ("Modules routed differently", "路由不同的模块"),
        "envdiff.only-left": ("Findings only in {name}", "仅出现在 {name} 中的发现"),
        "envdiff.missing": ("(absent)", "（无）"),
        "envdiff.unreadable": ("{file} is not an env --json document: {error}", "{file} 不是 env --json 文档：{error}"),
    ]
}
