import Foundation
import Testing
@testable import Report

/// The terminal escaper (issue 13, item 3): every class of character a terminal interprets
/// becomes a visible escape, ordinary text (Chinese, emoji) is untouched, our own colours
/// survive, a forged colour mark does not, and JSON keeps exact values without raw controls.
struct TerminalTextTests {
    /// Scalars a terminal may act on: C0 except newline and tab, DEL, C1, bidi controls.
    static func unsafeScalars(_ text: String) -> [UInt32] {
        text.unicodeScalars.map(\.value).filter {
            ($0 < 0x20 && $0 != 0x0A && $0 != 0x09) || $0 == 0x7F || (0x80...0x9F).contains($0)
                || (0x202A...0x202E).contains($0) || (0x2066...0x2069).contains($0)
        }
    }

    @Test func c0ControlsBecomeVisibleButNewlineAndTabStay() {
        #expect(TerminalText.escaped("a\u{07}b\u{00}c\rd\n\te\u{08}") == "a\\x07b\\x00c\\x0dd\n\te\\x08")
        #expect(TerminalText.escaped("del\u{7F}") == "del\\x7f")
    }

    @Test func escapeSequencesBecomeInertText() {
        #expect(TerminalText.escaped("v1.0.0\u{1b}]0;pwned\u{07}") == "v1.0.0\\x1b]0;pwned\\x07")
        #expect(TerminalText.escaped("\u{1b}[2J\u{1b}[H") == "\\x1b[2J\\x1b[H")
        #expect(TerminalText.escaped("\u{1b}]52;c;aGVsbG8=\u{07}") == "\\x1b]52;c;aGVsbG8=\\x07")
        #expect(TerminalText.escaped("\u{1b}P1$qm\u{1b}\\") == "\\x1b" + "P1$qm" + "\\x1b\\")
    }

    @Test func c1ControlsAndBidiControlsAreEscaped() {
        #expect(TerminalText.escaped("\u{9B}2J") == "\\u{9b}2J")
        #expect(TerminalText.escaped("\u{9D}0;t\u{9C}\u{85}\u{80}\u{9F}") == "\\u{9d}0;t\\u{9c}\\u{85}\\u{80}\\u{9f}")
        let bidi = (0x202A...0x202E).map { $0 } + (0x2066...0x2069).map { $0 }
        for value in bidi {
            let scalar = Unicode.Scalar(UInt32(value)) ?? "?"
            #expect(TerminalText.escaped("a\(scalar)b") == "a\\u{\(String(value, radix: 16))}b")
        }
    }

    @Test func invalidUTF8ShowsAsReplacementCharacter() {
        let decoded = String(decoding: [0x76, 0xFF, 0xC3, 0x28, 0x1B, 0x5B, 0x32, 0x4A] as [UInt8], as: UTF8.self)
        let escaped = TerminalText.escaped(decoded)
        #expect(escaped == "v\u{FFFD}\u{FFFD}(\\x1b[2J")
        #expect(Self.unsafeScalars(escaped).isEmpty)
    }

    @Test func chineseEmojiAndCombiningMarksStayIntact() {
        let text = "模块 github.com/例子/包 ✓ 失败：超时 👩‍💻 🇨🇳 ❤️ e\u{301} — “引号” …"
        #expect(TerminalText.escaped(text) == text)
        #expect(TerminalText.forTerminal(text) == text)
    }

    /// Every BMP scalar: nothing unsafe survives, and only unsafe ones (and the style-mark
    /// noncharacters) are changed.
    @Test func noUnsafeScalarSurvivesAnywhereInTheBMP() {
        for value in UInt32(0)..<0x10000 {
            guard let scalar = Unicode.Scalar(value) else { continue }
            let escaped = TerminalText.escaped(String(scalar))
            #expect(Self.unsafeScalars(escaped).isEmpty, "U+\(String(value, radix: 16)) survived")
            let changed = escaped != String(scalar)
            let expected = !Self.unsafeScalars(String(scalar)).isEmpty || (0xFDD0...0xFDEF).contains(value)
            #expect(changed == expected, "U+\(String(value, radix: 16))")
        }
    }

    @Test func ourColoursSurviveAndContentInsideThemIsEscaped() {
        let style = TerminalStyle(enabled: true)
        #expect(TerminalText.forTerminal(style.red("x")) == "\u{1b}[31mx\u{1b}[0m")
        #expect(TerminalText.forTerminal(style.bold("a") + "\u{1b}[2J") == "\u{1b}[1ma\u{1b}[0m\\x1b[2J")
        #expect(TerminalText.forTerminal(style.cyan("\u{1b}]0;t\u{07}")) == "\u{1b}[36m\\x1b]0;t\\x07\u{1b}[0m")
        #expect(TerminalText.forTerminal(TerminalStyle(enabled: false).red("x\u{1b}")) == "x\\x1b")
    }

    /// A peer that writes a mark with a guessed nonce gets escaped text, not a colour.
    @Test func aForgedStyleMarkIsEscaped() {
        let start = String(Unicode.Scalar(UInt32(0xFDD0)) ?? "?")
        let end = String(Unicode.Scalar(UInt32(0xFDD1)) ?? "?")
        let forged = start + "0000000000000000;31" + end + "fake" + start + "41" + end
        let output = TerminalText.forTerminal(forged)
        #expect(!output.contains("\u{1b}"))
        #expect(output == "\\u{fdd0}0000000000000000;31\\u{fdd1}fake\\u{fdd0}41\\u{fdd1}")
        // A true mark cut short is not one either.
        let cut = String(TerminalStyle(enabled: true).red("x").unicodeScalars.prefix(5))
        #expect(!TerminalText.forTerminal(cut).contains("\u{1b}"))
    }

    /// Measured, not assumed: JSONEncoder writes C0 controls as \u00XX but leaves DEL, C1 and
    /// bidi controls raw; `jsonSafe` escapes those too and the decoded value stays exact.
    @Test func jsonKeepsExactValuesWithoutRawControls() throws {
        let value = "v1\u{1b}]0;pwned\u{07}\u{9B}2J\u{202E}txt\u{7F}\u{2028}中文"
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let raw = String(decoding: try encoder.encode(["version": value]), as: UTF8.self)
        #expect(raw.contains("\\u001b]0;pwned\\u0007"))
        #expect(raw.unicodeScalars.contains("\u{9B}") && raw.unicodeScalars.contains("\u{202E}"))
        let safe = TerminalText.jsonSafe(raw)
        #expect(Self.unsafeScalars(safe).isEmpty)
        #expect(safe.contains("\\u009b2J\\u202etxt\\u007f\\u2028中文"))
        let decoded = try JSONDecoder().decode([String: String].self, from: Data(safe.utf8))
        #expect(decoded["version"] == value)
    }
}
