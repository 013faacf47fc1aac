/// RFC 5952 text for an IPv6 address given as eight 16-bit words (lower case, the longest run
/// of two or more zero words as "::", the first such run on a tie), as inet_ntop writes it
/// for non-mapped addresses.
enum IPv6Text {
    static func format(_ words: [UInt16]) -> String {
        guard words.count == 8 else { return "" }
        var best = (start: -1, length: 0)
        var index = 0
        while index < 8 {
            guard words[index] == 0 else { index += 1; continue }
            var end = index
            while end < 8 && words[end] == 0 { end += 1 }
            if end - index > best.length && end - index >= 2 { best = (index, end - index) }
            index = end
        }
        let hex = words.map { String($0, radix: 16) }
        guard best.start >= 0 else { return hex.joined(separator: ":") }
        let head = hex[..<best.start].joined(separator: ":")
        let tail = hex[(best.start + best.length)...].joined(separator: ":")
        return head + "::" + tail
    }
}
