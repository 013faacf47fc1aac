/// Makes text from peers and files safe to write to a terminal (issue 13, item 3).
///
/// A proxy's version string, a server's body or a GOENV value can carry escape sequences:
/// OSC 0 sets the window title, CSI 2J clears the screen, OSC 52 writes the clipboard on some
/// terminals, a C1 CSI (U+009B) does the same without ESC, and bidi overrides reorder what the
/// reader sees. Such characters become visible escapes (`\x1b`, `\u{9b}`); newline and tab stay,
/// and so does every printable character (CJK, emoji).
///
/// Design: the escape happens once, where text leaves the program (the CLI's
/// `TerminalOutput`), over the whole rendered output — not at each interpolation, where one
/// forgotten string would be enough. `TerminalStyle` does not write ESC itself: it writes marks
/// carrying a random per-process nonce, which `forTerminal` alone turns into SGR sequences. A peer
/// cannot forge a mark (it cannot know the nonce), so no peer byte reaches the terminal as a
/// control, not even a colour.
public enum TerminalText {
    /// `text` with every character a terminal would interpret, other than newline and tab,
    /// replaced by a visible escape. Linear in the input; invalid UTF-8 has already become
    /// U+FFFD when the bytes were decoded into a String.
    public static func escaped(_ text: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in text.unicodeScalars { append(scalar, to: &output) }
        return String(output)
    }

    /// A rendered report made ready for a terminal: `TerminalStyle`'s marks become ANSI SGR
    /// sequences, everything else is `escaped`. The one function every text output passes through.
    public static func forTerminal(_ rendered: String) -> String {
        let scalars = Array(rendered.unicodeScalars)
        var output = String.UnicodeScalarView()
        var index = 0
        while index < scalars.count {
            if scalars[index] == markStart, let (code, next) = styleCode(in: scalars, at: index) {
                output.append(contentsOf: "\u{1B}[\(code)m".unicodeScalars)
                index = next
                continue
            }
            append(scalars[index], to: &output)
            index += 1
        }
        return String(output)
    }

    /// An encoded JSON document with the characters JSONEncoder leaves raw — DEL, C1 controls,
    /// bidi controls, U+2028/U+2029 — written as `\uXXXX`. The decoded value stays exact; a
    /// document printed to a terminal (`--json | less`) carries no control. Outside strings JSON
    /// is ASCII, so every such character is inside a string, where `\uXXXX` is valid. C0 controls
    /// are JSONEncoder's to escape (it does); newlines between tokens are the pretty layout.
    public static func jsonSafe(_ json: String) -> String {
        var output = String.UnicodeScalarView()
        for scalar in json.unicodeScalars {
            if isUnsafe(scalar) || (0x2028...0x2029).contains(scalar.value) {
                let hex = String(scalar.value, radix: 16)
                output.append(contentsOf: ("\\u" + String(repeating: "0", count: 4 - hex.count) + hex).unicodeScalars)
            } else {
                output.append(scalar)
            }
        }
        return String(output)
    }

    /// The mark `TerminalStyle` writes for SGR `code` ("1", "31", "0").
    static func styleMark(_ code: String) -> String {
        String(markStart) + nonce + code + String(markEnd)
    }

    /// Per process, so every `TerminalStyle` value and `forTerminal` agree; random, so output
    /// from a peer cannot contain a valid mark.
    static let nonce: String = {
        let value = UInt64.random(in: UInt64.min...UInt64.max)
        let hex = String(value, radix: 16)
        return String(repeating: "0", count: 16 - hex.count) + hex + ";"
    }()

    /// Noncharacters, reserved by Unicode for a program's internal use; escaped when alone.
    /// (Swift rejects noncharacters in literals, hence built from their values.)
    static let markStart = Unicode.Scalar(UInt32(0xFDD0)) ?? "?"
    static let markEnd = Unicode.Scalar(UInt32(0xFDD1)) ?? "?"

    /// The SGR code of the mark at `start` and the index after it, or nil when it is not one.
    private static func styleCode(in scalars: [Unicode.Scalar], at start: Int) -> (String, Int)? {
        var index = start + 1
        for expected in nonce.unicodeScalars {
            guard index < scalars.count, scalars[index] == expected else { return nil }
            index += 1
        }
        var code = ""
        while index < scalars.count, code.count < 3, ("0"..."9").contains(scalars[index]) {
            code.unicodeScalars.append(scalars[index])
            index += 1
        }
        guard !code.isEmpty, index < scalars.count, scalars[index] == markEnd else { return nil }
        return (code, index + 1)
    }

    private static func append(_ scalar: Unicode.Scalar, to output: inout String.UnicodeScalarView) {
        let value = scalar.value
        if value == 0x0A || value == 0x09 {
            output.append(scalar)
        } else if value < 0x20 || value == 0x7F {
            let hex = String(value, radix: 16)
            output.append(contentsOf: ("\\x" + (hex.count == 1 ? "0" : "") + hex).unicodeScalars)
        } else if isUnsafe(scalar) {
            output.append(contentsOf: "\\u{\(String(value, radix: 16))}".unicodeScalars)
        } else {
            output.append(scalar)
        }
    }

    /// DEL, C1 controls (U+0080–U+009F: U+009B is CSI, U+009D OSC), the bidi embeddings,
    /// overrides and isolates (U+202A–U+202E, U+2066–U+2069: "Trojan Source", CVE-2021-42574),
    /// and the noncharacters used for style marks.
    private static func isUnsafe(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x7F, 0x80...0x9F, 0x202A...0x202E, 0x2066...0x2069, 0xFDD0...0xFDEF: return true
        default: return false
        }
    }
}
