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
        "fixplan.refused.goenv-unreadable": (
            "The GOENV file exists but could not be read (too large or unreadable); fix will not replace a file it has not read. Change it by hand or with go env -w:",
            "GOENV 文件存在但无法读取（过大或不可读）；fix 不会替换未读取的文件。请手动修改或使用 go env -w："),
    ]
}
