@testable import ModuleFetch

/// `go-import` meta tags (GoImportMeta): every tag found has three fields without white
/// space; what follows `<body` is never read; a found tag printed back as a lone meta tag
/// parses to itself; a match is one of the tags and a path prefix of the import path.
@Sendable func fuzzGoImport(_ bytes: [UInt8]) {
    let parts = fields(bytes, 2)
    let (html, importPath) = (parts[0], parts[1])
    let imports = GoImportMeta.parse(html)
    for meta in imports {
        for field in [meta.prefix, meta.vcs, meta.repoRoot] {
            require(!field.isEmpty && !field.contains(where: { $0 == " " || $0 == "\t" || $0 == "\n" }), "field with white space")
        }
        if ![meta.prefix, meta.vcs, meta.repoRoot].joined().contains(where: { $0 == "\"" || $0 == ">" }) {
            let tag = "<meta name=\"go-import\" content=\"\(meta.prefix) \(meta.vcs) \(meta.repoRoot)\">"
            require(GoImportMeta.parse(tag) == [meta], "printed tag parses differently: \(tag)")
        }
    }
    // Only when every tag and quote is closed: an open one would close inside the appended text.
    let lastOpen = html.utf8.lastIndex(of: UInt8(ascii: "<")), lastClose = html.utf8.lastIndex(of: UInt8(ascii: ">"))
    if !html.lowercased().contains("<body"), !html.contains("'"), html.filter({ $0 == "\"" }).count % 2 == 0, lastOpen.map({ open in lastClose.map { $0 > open } ?? false }) ?? true {
        require(GoImportMeta.parse(html + "<body><meta name=\"go-import\" content=\"a git b\">") == imports,
                "tags after <body> were read")
    }
    if case .success(let matched) = GoImportMeta.match(imports, importPath: importPath) {
        require(imports.contains(matched), "match is not one of the tags")
        require(GoImportMeta.hasPathPrefix(importPath, matched.prefix), "match is not a path prefix")
    }
}
