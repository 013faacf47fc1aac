/// Credential headers quoted in text: `Authorization: Basic dXNlcjpwdw==` becomes
/// `Authorization: Basic REDACTED`. The rest of the line is masked: a Digest or AWS value
/// spans spaces, commas and quotes.
enum CredentialHeaderRedaction {
    /// What may come before a header name (it starts a word).
    static let boundary = RedactionBytes.bytes(" \t\n\r\"'(,;[{`")
    static let nameLimit = 64

    static func isNameByte(_ byte: UInt8) -> Bool {
        RedactionBytes.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_")
    }

    static func redact(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            output.append(byte)
            index += 1
            guard byte == UInt8(ascii: ":"),
                  let start = RedactionBytes.nameStart(input, before: index - 1, nameBytes: isNameByte, limit: nameLimit),
                  start == 0 || boundary.contains(input[start - 1]),
                  SecretNames.isSecretHeader(RedactionBytes.lowercasedName(input, start..<index - 1)) else { continue }
            var valueStart = index
            while valueStart < input.count, input[valueStart] == UInt8(ascii: " ") || input[valueStart] == UInt8(ascii: "\t") {
                valueStart += 1
            }
            let lineEnd = input[valueStart...].firstIndex(where: RedactionBytes.isLineEnd) ?? input.count
            guard valueStart < lineEnd else { continue }
            let kept = schemeEnd(input, valueStart..<lineEnd) ?? valueStart
            guard kept < lineEnd else { continue }
            output += input[index..<kept]
            output += SecretRedactor.maskBytes
            index = lineEnd
        }
        return output
    }

    /// The end of a leading authorization scheme and the spaces after it, when credentials follow.
    static func schemeEnd(_ input: [UInt8], _ value: Range<Int>) -> Int? {
        guard let space = input[value].firstIndex(of: UInt8(ascii: " ")),
              SecretNames.authSchemes.contains(RedactionBytes.lowercasedName(input, value.lowerBound..<space)) else { return nil }
        var end = space
        while end < value.upperBound, input[end] == UInt8(ascii: " ") { end += 1 }
        return end
    }
}
