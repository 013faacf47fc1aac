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

    /// Unindented lines the go command appends to a git error (modfetch/codehost/git.go
    /// loadRefs: `rerr.HelpText`, printed after the tab-indented stderr by RunError.Error).
    static let helpTextPrefixes = ["Confirm the import path was entered correctly.", "If this is a private repository, see "]

    /// Where the splitter is inside a signed note that x/mod/sumdb/client.go prints unindented
    /// after `reading tree note: …\nnote:\n` (`tree:` prints the note text alone): text lines,
    /// one blank line, then signature lines starting with `— ` (x/mod/sumdb/note).
    enum SignedNoteState: Equatable {
        case none, text, signatures, treeText

        /// The state after `line` when it still belongs to the note, nil when the note has ended.
        func next(after line: Substring) -> SignedNoteState? {
            switch self {
            case .none: return nil
            case .text: return line.isEmpty ? .signatures : .text
            case .signatures: return line.hasPrefix("\u{2014} ") ? .signatures : nil
            case .treeText: return line.isEmpty ? nil : .treeText
            }
        }
    }

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
        splitCounting(input).entries
    }

    /// `split`, plus the 1-based input line where the error limit stopped the reading (the
    /// first line of the first error not explained); nil when every error was kept.
    static func splitCounting(_ input: String) -> (entries: [String], stoppedAtLine: Int?) {
        let cleaned = String(String.UnicodeScalarView(input.unicodeScalars.prefix(maximumInputBytes).filter { scalar in
            scalar == "\n" || scalar == "\t" || (scalar.value >= 0x20 && scalar.value != 0x7F && scalar != "\u{FFFD}")
        }))
        var entries: [String] = []
        var current: [Substring] = []
        var inSecurityParagraph = false
        var skippingNoise = false
        var note = SignedNoteState.none
        func flush() {
            let joined = current.joined(separator: "\n").trimmingTrailingWhitespace()
            if !joined.isEmpty && entries.count < maximumEntries { entries.append(String(joined.prefix(maximumEntryCharacters))) }
            current = []
            flushes += 1
            inSecurityParagraph = false
            note = .none
        }
        var currentStart = 0
        var stoppedAtLine: Int?
        var flushes = 0
        for (index, line) in cleaned.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            // The first line of the error being gathered: where a new one started this line.
            let (wasEmpty, flushesBefore) = (current.isEmpty, flushes)
            defer { if (wasEmpty || flushes != flushesBefore) && !current.isEmpty { currentStart = index } }
            if entries.count >= maximumEntries {
                stoppedAtLine = (current.isEmpty ? index : currentStart) + 1
                break
            }
            let trimmed = line.drop { $0 == " " }
            // A terminal that wrapped a long quoted URL or path: glue the rest back on.
            if let last = current.last, line.first != "\t", !trimmed.isEmpty, !trimmed.hasPrefix("go: "),
               last.filter({ $0 == "\"" }).count % 2 == 1, let open = last.lastIndex(of: "\""), !last[open...].contains(" ") {
                current[current.count - 1] = Substring(String(last) + String(trimmed))
                continue
            }
            if note != .none && !trimmed.hasPrefix("go: ") {
                if let next = note.next(after: trimmed) {
                    note = next
                    if current.count < 64 { current.append(line) }
                    continue
                }
                note = .none
            }
            if trimmed == "note:" || trimmed == "tree:" {
                note = trimmed == "tree:" ? .treeText : .text
                current.append(line)
                continue
            }
            if !current.isEmpty && helpTextPrefixes.contains(where: { trimmed.hasPrefix($0) }) {
                current.append(line)
                continue
            }
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
            // A progress line carries no `: ` after its prefix; `go: upgraded a v1 => v2: error finding sum …` is an error.
            skippingNoise = noisePrefixes.contains { line.hasPrefix($0) && !line.dropFirst($0.count).contains(": ") }
                || line.hasPrefix("$ ")   // a pasted shell prompt: the command, not an error (ExplainContext reads it)
            if skippingNoise { continue }
            current.append(line)
        }
        if stoppedAtLine == nil, entries.count >= maximumEntries, !current.isEmpty { stoppedAtLine = currentStart + 1 }
        flush()
        return (entries, stoppedAtLine)
    }
}

extension String {
    func trimmingTrailingWhitespace() -> String {
        var text = Substring(self)
        while let last = text.last, last == " " || last == "\t" || last == "\n" { text = text.dropLast() }
        return String(text)
    }
}
