/// Go's `path.Match`, the matcher behind GOPRIVATE, GONOPROXY, GONOSUMDB, GOINSECURE and
/// GOVCS patterns. Ported byte for byte so `*` never crosses `/` and malformed patterns are
/// reported where Go reports them (Go checks the rest of the pattern only on a failed match).
public enum PathMatch {
    /// Returns whether `name` matches the shell `pattern`, or `nil` for `path.ErrBadPattern`.
    // path/match.go Match
    public static func match(_ pattern: String, _ name: String) -> Bool? {
        var pattern = ArraySlice(pattern.utf8)
        var name = ArraySlice(name.utf8)
        nextChunk: while !pattern.isEmpty {
            let (star, chunk, rest) = scanChunk(pattern)
            pattern = rest
            if star && chunk.isEmpty {
                return !name.contains(UInt8(ascii: "/"))
            }
            let first = matchChunk(chunk, name)
            if case .matched(let remainder) = first, remainder.isEmpty || !pattern.isEmpty {
                name = remainder
                continue
            }
            if case .badPattern = first { return nil }
            if star {
                var index = name.startIndex
                while index < name.endIndex && name[index] != UInt8(ascii: "/") {
                    switch matchChunk(chunk, name[(index + 1)...]) {
                    case .matched(let remainder):
                        if pattern.isEmpty && !remainder.isEmpty { break }
                        name = remainder
                        continue nextChunk
                    case .badPattern:
                        return nil
                    case .failed:
                        break
                    }
                    index += 1
                }
            }
            while !pattern.isEmpty {
                let (_, chunk, rest) = scanChunk(pattern)
                pattern = rest
                if case .badPattern = matchChunk(chunk, []) { return nil }
            }
            return false
        }
        return name.isEmpty
    }

    private enum ChunkResult {
        case matched(ArraySlice<UInt8>)
        case failed
        case badPattern
    }

    // path/match.go scanChunk
    private static func scanChunk(_ pattern: ArraySlice<UInt8>) -> (Bool, ArraySlice<UInt8>, ArraySlice<UInt8>) {
        var pattern = pattern
        var star = false
        while pattern.first == UInt8(ascii: "*") {
            pattern = pattern.dropFirst()
            star = true
        }
        var inRange = false
        var index = pattern.startIndex
        scan: while index < pattern.endIndex {
            switch pattern[index] {
            case UInt8(ascii: "\\"):
                if index + 1 < pattern.endIndex { index += 1 }
            case UInt8(ascii: "["):
                inRange = true
            case UInt8(ascii: "]"):
                inRange = false
            case UInt8(ascii: "*"):
                if !inRange { break scan }
            default:
                break
            }
            index += 1
        }
        return (star, pattern[..<index], pattern[index...])
    }

    // path/match.go matchChunk
    private static func matchChunk(_ chunk: ArraySlice<UInt8>, _ text: ArraySlice<UInt8>) -> ChunkResult {
        var chunk = chunk
        var text = text
        var failed = false
        while let head = chunk.first {
            if !failed && text.isEmpty { failed = true }
            switch head {
            case UInt8(ascii: "["):
                var rune: UInt32 = 0
                if !failed {
                    let (decoded, width) = decodeRune(text)
                    rune = decoded
                    text = text.dropFirst(width)
                }
                chunk = chunk.dropFirst()
                var negated = false
                if chunk.first == UInt8(ascii: "^") {
                    negated = true
                    chunk = chunk.dropFirst()
                }
                var matched = false
                var rangeCount = 0
                while true {
                    if chunk.first == UInt8(ascii: "]") && rangeCount > 0 {
                        chunk = chunk.dropFirst()
                        break
                    }
                    guard let (low, afterLow) = escapedRune(chunk) else { return .badPattern }
                    chunk = afterLow
                    var high = low
                    if chunk.first == UInt8(ascii: "-") {
                        guard let (upper, afterHigh) = escapedRune(chunk.dropFirst()) else { return .badPattern }
                        high = upper
                        chunk = afterHigh
                    }
                    if low <= rune && rune <= high { matched = true }
                    rangeCount += 1
                }
                if matched == negated { failed = true }
            case UInt8(ascii: "?"):
                if !failed {
                    if text.first == UInt8(ascii: "/") { failed = true }
                    text = text.dropFirst(decodeRune(text).1)
                }
                chunk = chunk.dropFirst()
            default:
                if head == UInt8(ascii: "\\") {
                    chunk = chunk.dropFirst()
                    if chunk.isEmpty { return .badPattern }
                }
                if !failed {
                    if chunk.first != text.first { failed = true }
                    text = text.dropFirst()
                }
                chunk = chunk.dropFirst()
            }
        }
        return failed ? .failed : .matched(text)
    }

    /// Go's `getEsc`: one possibly escaped rune of a character class; `nil` = bad pattern
    /// (including a class that runs to the end of the pattern).
    private static func escapedRune(_ chunk: ArraySlice<UInt8>) -> (UInt32, ArraySlice<UInt8>)? {
        var chunk = chunk
        guard let first = chunk.first, first != UInt8(ascii: "-"), first != UInt8(ascii: "]") else { return nil }
        if first == UInt8(ascii: "\\") {
            chunk = chunk.dropFirst()
            if chunk.isEmpty { return nil }
        }
        let (rune, width) = decodeRune(chunk)
        let rest = chunk.dropFirst(width)
        if rest.isEmpty { return nil }
        return (rune, rest)
    }

    /// Decodes one UTF-8 scalar (input comes from Swift strings, so it is valid UTF-8).
    private static func decodeRune(_ bytes: ArraySlice<UInt8>) -> (UInt32, Int) {
        guard let lead = bytes.first else { return (0xFFFD, 0) }
        let width: Int
        switch lead {
        case 0..<0x80: return (UInt32(lead), 1)
        case 0xC0..<0xE0: width = 2
        case 0xE0..<0xF0: width = 3
        default: width = 4
        }
        guard bytes.count >= width else { return (0xFFFD, 1) }
        var value = UInt32(lead) & (0xFF >> (width + 1))
        for byte in bytes.dropFirst().prefix(width - 1) {
            value = value << 6 | UInt32(byte & 0x3F)
        }
        return (value, width)
    }
}
