@testable import ModuleFetch

/// `go-import` meta tags (GoImportMeta over GoXMLTokenizer): every tag found has three or
/// four fields without white space; a page that reads to its end without an error reads the
/// same with `<body>` and a tag appended (nothing after `<body` is read); a found tag printed
/// back as a lone meta tag parses to itself; an error is only kept when no tag was found; a
/// match is one of the tags and a path prefix of the import path.
@Sendable func fuzzGoImport(_ bytes: [UInt8]) {
    let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false).map(Array.init)
    let html = parts[0], importPath = String(decoding: parts.count > 1 ? parts[1] : [], as: UTF8.self)
    let page = GoImportMeta.parse(html)
    let imports = page.imports
    require(page.error == nil || imports.isEmpty, "error kept beside tags")
    for meta in imports {
        for field in [meta.prefix, meta.vcs, meta.repoRoot] + (meta.subdirectory.map { [$0] } ?? []) {
            require(!field.isEmpty && !field.unicodeScalars.contains(where: GoImportMeta.isGoSpace), "field with white space")
        }
        let content = [meta.prefix, meta.vcs, meta.repoRoot, meta.subdirectory].compactMap { $0 }
        if !content.joined().contains(where: { "\"<&\r".contains($0) }) {
            let tag = "<meta name=\"go-import\" content=\"\(content.joined(separator: " "))\">"
            require(GoImportMeta.parse(tag) == [meta], "printed tag parses differently: \(tag)")
        }
    }
    if page.ending != .error {
        let appended = GoImportMeta.parse(html + Array("<body><meta name=\"go-import\" content=\"a git b\">".utf8))
        require(appended.imports == imports, "tags after <body> were read")
    }
    if case .success(let matched) = GoImportMeta.match(imports, importPath: importPath) {
        require(imports.contains(matched), "match is not one of the tags")
        require(GoImportMeta.hasPathPrefix(importPath, matched.prefix), "match is not a path prefix")
    }
}
