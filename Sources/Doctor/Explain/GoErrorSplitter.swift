/// Cuts pasted terminal output into the separate errors it holds, bounded so that hostile
/// input (megabytes, binary) costs little: the go command prints one error per line, wraps
/// details onto tab-indented lines, and follows checksum errors with a `SECURITY ERROR`
/// paragraph (cmd/go/internal/modfetch/fetch.go goSumMismatch, x/mod/sumdb/client.go).
public enum GoErrorSplitter {
    /// Input beyond this many bytes is ignored.
    public static let maximumInputBytes = 1 << 20
    /// At most this many errors are explained.
    public static let maximumEntries = 100
    /// Each error keeps at most this many characters.
    public static let maximumEntryCharacters = 8192

    /// Progress lines the go command prints that are not errors.
    static let noisePrefixes = ["go: downloading ", "go: finding ", "go: extracting ", "go: found ", "go: upgraded ",
                                "go: added ", "go: to add module requirements", "\tgo get "]

    /// The errors in `bytes`: invalid UTF-8 is replaced, control characters other than tab
    /// and newline dropped, `\r\n` treated as `\n`.
    public static func split(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes.prefix(maximumInputBytes), as: UTF8.self)
        return split(text)
    }

    public static func split(_ input: String) -> [String] {
        let cleaned = String(String.UnicodeScalarView(input.unicodeScalars.prefix(maximumInputBytes).filter { scalar in
            scalar == "\n" || scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\u{FFFD}")
        }))
        var entries: [String] = []
        var current: [Substring] = []
        var inSecurityParagraph = false
        var skippingNoise = false
        func flush() {
            let joined = current.joined(separator: "\n").trimmingTrailingWhitespace()
            if !joined.isEmpty && entries.count < maximumEntries { entries.append(String(joined.prefix(maximumEntryCharacters))) }
            current = []
            inSecurityParagraph = false
        }
        for line in cleaned.split(separator: "\n", omittingEmptySubsequences: false) {
            if entries.count >= maximumEntries { break }
            let trimmed = line.drop { $0 == " " }
            if inSecurityParagraph && !trimmed.hasPrefix("go: ") {
                current.append(line)
                if trimmed.hasPrefix("For more information") { flush() }
                continue
            }
            if trimmed == "SECURITY ERROR" {
                inSecurityParagraph = true
                current.append(line)
                continue
            }
            if trimmed.hasSuffix(": SECURITY ERROR") {   // x/mod/sumdb client.go: "verifying …: SECURITY ERROR\n…"
                flush()
                current.append(line)
                inSecurityParagraph = true
                continue
            }
            if trimmed.isEmpty { continue }
            if line.first == "\t" || line.first == " " {
                if skippingNoise { continue }
                if current.count < 64 { current.append(line) }
                continue
            }
            if current.last?.hasSuffix(" requires") == true || current.last?.hasSuffix(":") == true {
                current.append(line)
                continue
            }
            flush()
            skippingNoise = noisePrefixes.contains { line.hasPrefix($0) }
            if skippingNoise { continue }
            current.append(line)
        }
        flush()
        return entries
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
