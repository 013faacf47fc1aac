/// Configuration files that exist but were not read (too large, unreadable), and `fix`
/// refusing to rewrite a GOENV file it could not read.
enum ConfigFileMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "config.file.too-large": (
            "{file} file {path} is {size} bytes, over gomod-doctor's limit of {limit} bytes: it was not read, so its contents are unknown here (the go command still reads it); shrink or fix the file",
            "{file} 文件 {path} 大小为 {size} 字节，超过 gomod-doctor 的上限 {limit} 字节：未读取该文件，因此其内容在此未知（go 命令仍会读取它）；请缩小或修复该文件"),
        "config.file.unreadable": (
            "{file} file {path} exists but cannot be read ({error}): its contents are unknown here",
            "{file} 文件 {path} 存在但无法读取（{error}）：其内容在此未知"),
        // Issue 13 item 6: bounded work on local input.
        "config.goenv-file.line-too-long": (
            "{file}:{line}: {key}=… is {bytes} bytes, over the limit of {limit} bytes for one setting (Linux MAX_ARG_STRLEN): the go command passes its settings to every tool it runs, which then fails with \"argument list too long\"; gomod-doctor did not use this value",
            "{file}:{line}：{key}=… 长 {bytes} 字节，超过单个设置 {limit} 字节的上限（Linux MAX_ARG_STRLEN）：go 命令会把设置传给它运行的每个工具，随后报错 \"argument list too long\"；gomod-doctor 未使用该值"),
        "fix.goenv-file.line-too-long": (
            "Remove the over-long setting and set a shorter value.",
            "删除过长的设置并改用较短的值。"),
        "config.file.timed-out": (
            "{file} file {path} was not read to the end before the --timeout deadline (stopped at {line}): its contents are unknown here; run again with a larger --timeout",
            "{file} 文件 {path} 未能在 --timeout 截止前读完（停在 {line}）：其内容在此未知；请用更大的 --timeout 重新运行"),
        "config.unfinished": (
            "The configuration analysis did not finish before the --timeout deadline: routes were built for {routed} of {requirements} requirements and {skipped} of {rules} rules did not run, so this result is incomplete; run again with a larger --timeout",
            "配置分析未能在 --timeout 截止前完成：仅为 {requirements} 个依赖中的 {routed} 个建立了路由，{rules} 条规则中有 {skipped} 条未运行，因此结果不完整；请用更大的 --timeout 重新运行"),
        "fixplan.refused.goenv-unreadable": (
            "The GOENV file exists but could not be read (too large or unreadable); fix will not replace a file it has not read. Change it by hand or with go env -w:",
            "GOENV 文件存在但无法读取（过大或不可读）；fix 不会替换未读取的文件。请手动修改或使用 go env -w："),
    ]
}
