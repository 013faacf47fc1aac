import GoModConfig

/// go.mod (GoModFile): strict and lax parsing agree with `errors(in:)`; every error names the
/// file and a line inside it; what parses strictly also parses laxly; and a parsed file
/// printed back (module, go, require, exclude; paths always quoted) parses to the same values.
@Sendable func fuzzGoMod(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lineCount = newlineCount(text.utf8) + 1
    let strict = Result { () throws(ConfigInputError) in try GoModFile.parse(text, fileName: "go.mod") }
    let errors = GoModFile.errors(in: text, fileName: "go.mod")
    for error in errors {
        require(error.input == "go.mod", "error does not name the file: \(error)")
        if let line = error.line { require(line >= 1 && line <= lineCount, "error line \(line) outside 1...\(lineCount)") }
    }
    switch strict {
    case .success(let file):
        require(errors.isEmpty, "parse succeeded but errors(in:) reports \(errors)")
        require((try? GoModFile.parseLax(text, fileName: "go.mod")) != nil, "strict parse succeeded, lax parse failed")
        checkReprint(file)
    case .failure(let error):
        require(errors.first == error, "parse threw \(error), errors(in:) starts with \(String(describing: errors.first))")
    }
    _ = GoModFile.errors(in: text, fileName: "go.mod", lax: true)
}

private func checkReprint(_ file: GoModFile) {
    var text = ""
    if let path = file.modulePath { text += "module \(GoQuote.quote(path))\n" }
    if let go = file.goVersion { text += "go \(go)\n" }
    for requirement in file.requires {
        text += "require \(GoQuote.quote(requirement.path)) \(requirement.version)\(requirement.indirect ? " // indirect" : "")\n"
    }
    for exclude in file.excludes { text += "exclude \(GoQuote.quote(exclude.path)) \(exclude.version)\n" }
    let again: GoModFile
    do {
        again = try GoModFile.parse(text, fileName: "go.mod")
    } catch {
        fatalError("reprinted go.mod does not parse: \(error)\n\(text)")
    }
    require(again.modulePath == file.modulePath, "module path changed")
    require(again.goVersion == file.goVersion, "go version changed")
    require(again.requires.map { [$0.path, $0.version, "\($0.indirect)"] } == file.requires.map { [$0.path, $0.version, "\($0.indirect)"] },
            "requirements changed:\n\(text)")
    require(again.excludes == file.excludes, "excludes changed")
}
