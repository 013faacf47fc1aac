import GoModConfig

/// go.sum (GoSumFile): an error names the file and a line inside it; the lines printed back
/// (`path version[/go.mod] hash`) parse to the same lines.
@Sendable func fuzzGoSum(_ bytes: [UInt8]) {
    let text = String(decoding: bytes, as: UTF8.self)
    let lineCount = newlineCount(text.utf8) + 1
    let file: GoSumFile
    do {
        file = try GoSumFile.parse(text, fileName: "go.sum")
    } catch {
        require(error.input == "go.sum", "error does not name the file: \(error)")
        require((error.line ?? 0) >= 1 && (error.line ?? 0) <= lineCount, "error line outside 1...\(lineCount): \(error)")
        return
    }
    require(file.lines.count <= lineCount, "more lines than the text has")
    require(zip(file.lines, file.lines.dropFirst()).allSatisfy { $0.line < $1.line }, "line numbers not increasing")
    let printed = file.lines.map { "\($0.path) \($0.version)\($0.isGoMod ? "/go.mod" : "") \($0.hash)\n" }.joined()
    let again: GoSumFile
    do {
        again = try GoSumFile.parse(printed, fileName: "go.sum")
    } catch {
        fatalError("printed go.sum does not parse: \(error)")
    }
    require(again.lines.count == file.lines.count, "line count changed")
    for (a, b) in zip(again.lines, file.lines) {
        require(a.path == b.path && a.version == b.version && a.isGoMod == b.isGoMod && a.hash == b.hash, "line changed: \(b)")
    }
}
