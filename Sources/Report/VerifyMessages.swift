/// Sentences of `gomod-doctor verify`: finding summaries, fix explanations, interface lines.
enum VerifyMessages {
    static let entries: [String: (en: String, zh: String)] = [
        "verify.gosum.unreadable": ("go.sum cannot be read: {error}", "无法读取 go.sum：{error}"),
        "verify.sumdb.unavailable": ("checksum database {database} cannot be used: {error}",
                                     "无法使用校验和数据库 {database}：{error}"),
        "verify.gosum.differs": ("go.sum differs from the database: {module} (go.sum line {line}) has {gosum}, {name} has {database}",
                                 "go.sum 与数据库不一致：{module}（go.sum 第 {line} 行）为 {gosum}，{name} 为 {database}"),
        "verify.gosum.not-in-database": ("{module} is not in the checksum database {name}: a private module? add it to GONOSUMDB",
                                         "{module} 不在校验和数据库 {name} 中：是私有模块吗？请加入 GONOSUMDB"),
        "verify.lookup.failed": ("looking up {module} failed: {error}", "查询 {module} 失败：{error}"),
        "verify.gosum.missing": ("go.sum has no line for {module}: the go command will fail with \"missing go.sum entry\"",
                                 "go.sum 缺少 {module} 的条目：go 命令将报错 \"missing go.sum entry\""),
        "verify.sumdb.misbehavior": ("SECURITY ERROR: the checksum database {name} is inconsistent with the tree seen before",
                                     "安全错误：校验和数据库 {name} 与之前看到的树不一致"),
        "verify.sumdb.fork": ("the checksum database seen through {proxy} (tree size {proxySize}) is a fork of the one at {direct} (size {directSize})",
                              "通过 {proxy} 看到的校验和数据库（树大小 {proxySize}）与 {direct}（大小 {directSize}）分叉"),
        "verify.mirror.differs": ("mirror {mirror} serves a different {file} for {module}: {hash}, expected {expected}",
                                  "镜像 {mirror} 提供的 {module} 的 {file} 不同：{hash}，应为 {expected}"),
        "verify.cache.modified": ("module cache copy of {module} was modified: {files}", "模块缓存中的 {module} 已被修改：{files}"),
        "fix.verify.gosum-differs": ("go.sum was edited or written from a different download: remove the line, download again, and compare",
                                     "go.sum 被编辑过或来自不同的下载：删除该行，重新下载并比较"),
        "fix.verify.cache": ("the cache is read-only to the go command; clearing it forces a verified download",
                             "go 命令只读取缓存；清空后会重新下载并校验"),
        "ui.verify.summary": ("{verified} verified, {mismatch} differ, {skipped} skipped, {missing} missing, {failed} failed; {requests} database requests ({tiles} tiles)",
                              "{verified} 条已校验，{mismatch} 条不一致，{skipped} 条跳过，{missing} 条缺失，{failed} 条失败；数据库请求 {requests} 次（瓦片 {tiles} 个）"),
        "ui.verify.ok": ("no problems found", "未发现问题"),
    ]
}
