/// Credential values after `=`: environment assignments and flags quoted in text
/// (`GITHUB_TOKEN=…`, `--password=…`, a GOAUTH command's `--token=…`) and query parameters
/// (`?token=…&access_token=…`).
enum CredentialAssignmentRedaction {
    /// What may come before a name (it starts a word, a list entry or a query parameter).
    static let boundary = RedactionBytes.bytes(" \t\n\r\"'(,;|[{`?&")
    /// Where an unquoted value ends.
    static let valueEnd = RedactionBytes.bytes(" \t\n\r&#,|;\"'<>)`")
    static let nameLimit = 128

    static func isNameByte(_ byte: UInt8) -> Bool {
        RedactionBytes.isAlphanumeric(byte) || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ".")
    }

    static func redact(_ input: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(input.count)
        var index = 0
        while index < input.count {
            let byte = input[index]
            output.append(byte)
            index += 1
            guard byte == UInt8(ascii: "="),
                  let start = RedactionBytes.nameStart(input, before: index - 1, nameBytes: isNameByte, limit: nameLimit),
                  start == 0 || boundary.contains(input[start - 1]) else { continue }
            let inQuery = start > 0 && (input[start - 1] == UInt8(ascii: "?") || input[start - 1] == UInt8(ascii: "&"))
            guard SecretNames.isSecretAssignment(RedactionBytes.lowercasedName(input, start..<index - 1), inQuery: inQuery),
                  let value = valueRange(input, from: index), !value.isEmpty else { continue }
            output += input[index..<value.lowerBound]
            output += SecretRedactor.maskBytes
            index = value.upperBound
        }
        return output
    }

    /// The bytes to mask after `=`: inside quotes when quoted (up to the closing quote or the line
    /// end), else up to a delimiter; after an authorization scheme (`Authorization=Basic x`), the
    /// word that follows it.
    static func valueRange(_ input: [UInt8], from start: Int) -> Range<Int>? {
        guard start < input.count else { return nil }
        let first = input[start]
        if first == UInt8(ascii: "\"") || first == UInt8(ascii: "'") {
            let end = input[(start + 1)...].firstIndex { $0 == first || RedactionBytes.isLineEnd($0) } ?? input.count
            return (start + 1)..<end
        }
        let end = input[start...].firstIndex(where: valueEnd.contains) ?? input.count
        if end < input.count, input[end] == UInt8(ascii: " "),
           SecretNames.authSchemes.contains(RedactionBytes.lowercasedName(input, start..<end)) {
            let wordStart = end + 1
            let wordEnd = input[wordStart...].firstIndex(where: valueEnd.contains) ?? input.count
            return wordStart..<wordEnd
        }
        return start..<end
    }
}
