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
        "envdiff.file.missing": ("{file}: no such file (diff needs two files written by `gomod-doctor env --json`)",
                                 "{file}：文件不存在（diff 需要两个由 `gomod-doctor env --json` 写出的文件）"),
        "envdiff.file.directory": ("{file} is a directory, not an env --json snapshot file", "{file} 是目录，不是 env --json 快照文件"),
        "envdiff.file.unreadable": ("{file} cannot be read: {reason}", "无法读取 {file}：{reason}"),
        "envdiff.file.too-large": ("{file} has {size} bytes, more than diff reads ({limit} bytes): it is not an env --json snapshot",
                                   "{file} 有 {size} 字节，超过 diff 读取的上限（{limit} 字节）：它不是 env --json 快照"),
        "envdiff.file.not-json": ("{file} is not an env --json document: {reason}", "{file} 不是 env --json 文档：{reason}"),
    ]
}
