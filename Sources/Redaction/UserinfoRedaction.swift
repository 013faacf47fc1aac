/// URL userinfo: `scheme://user:password@host` and, without a scheme, `user:password@host`
/// inside free text (a server response quoting a URL it rewrote, a git remote).
enum UserinfoRedaction {
    /// Where a URL's authority ends (Go's url.Parse cuts at `/`, `?`, `#`; the rest separate list
    /// entries and words in free text).
    static let authorityEnd = RedactionBytes.bytes("/?#,| \t\n\r\"'<>`")
    /// What cannot be inside a scheme-less `user:password` (the look-behind stops there).
    static let bareDelimiters = RedactionBytes.bytes(" \t\n\r\"'<>()[]{},;|/=@`")
    /// Longest scheme-less userinfo looked at; longer runs are not taken as userinfo.
    static let bareLimit = 1024

    /// Replaces everything up to the last `@` of each `://` authority.
    static func redactURLUserinfo(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            guard input[index] == UInt8(ascii: ":"), index + 2 < input.count,
                  input[index + 1] == UInt8(ascii: "/"), input[index + 2] == UInt8(ascii: "/") else {
                output.append(input[index])
                index += 1
                continue
            }
            output += input[index..<index + 3]
            index += 3
            var end = index
            var lastAt: Int?
            while end < input.count, !authorityEnd.contains(input[end]) {
                if input[end] == UInt8(ascii: "@") { lastAt = end }
                end += 1
            }
            if let lastAt {
                output += SecretRedactor.maskBytes
                output += input[lastAt..<end]
            } else {
                output += input[index..<end]
            }
            index = end
        }
        return output
    }

    /// Replaces `user:password` before an `@` that a host follows, when no scheme introduced it.
    static func redactBareUserinfo(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        for (index, byte) in input.enumerated() {
            if byte == UInt8(ascii: "@"), index + 1 < input.count,
               RedactionBytes.isAlphanumeric(input[index + 1]) || input[index + 1] == UInt8(ascii: "["),
               let start = RedactionBytes.nameStart(input, before: index, nameBytes: { !bareDelimiters.contains($0) }, limit: bareLimit),
               let colon = input[start..<index].firstIndex(of: UInt8(ascii: ":")), colon + 1 < index {
                // The segment holds no `@` (a delimiter), so it was copied unchanged: replace it.
                output.removeLast(index - start)
                output += SecretRedactor.maskBytes
            }
            output.append(byte)
        }
        return output
    }
}
