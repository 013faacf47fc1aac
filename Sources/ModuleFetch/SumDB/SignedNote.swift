import GoModConfig

/// A signed note (`note.Note`): a text ending in a newline, a blank line, then one or more
/// `— <name> <base64(keyhash ‖ signature)>` lines. The checksum database signs its tree
/// heads this way; `open` is where a forged or foreign tree head is refused.
public struct SignedNote: Sendable, Equatable {
    /// One signature line.
    public struct Signature: Sendable, Equatable {
        public var name: String
        public var keyHash: UInt32
        public var base64: String
    }

    /// The signed text, including its final newline.
    public var text: String
    /// Signatures verified with a known key.
    public var signatures: [Signature]
    /// Signatures by keys not in the verifier set (kept, as Go keeps them).
    public var unverifiedSignatures: [Signature]

    static let malformed = ModuleFetchError("note", "malformed note")

    /// Parses `message` and verifies its signatures against `verifiers`.
    ///
    /// Rejections, in the go command's words: `malformed note` (control characters other
    /// than newline, invalid UTF-8, no blank line, a signature line without its final
    /// newline, a bad name or base64, more than 100 signatures), `ambiguous key N+H`,
    /// `invalid signature for key N+H`, `note has no verifiable signatures`.
    // golang.org/x/mod/sumdb/note/note.go Open
    public static func open(_ message: [UInt8], verifiers: NoteVerifiers) throws(ModuleFetchError) -> SignedNote {
        guard let decoded = String(validating: message, as: UTF8.self) else { throw malformed }
        guard !decoded.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" }) else { throw malformed }
        guard let split = lastBlankLine(message) else { throw malformed }
        let text = Array(message[..<(split + 1)])
        var sigs = message[(split + 2)...]
        guard let lastByte = sigs.last, lastByte == UInt8(ascii: "\n") else { throw malformed }

        var note = SignedNote(text: String(decoding: text, as: UTF8.self), signatures: [], unverifiedSignatures: [])
        var seen: Set<NoteVerifiers.NameAndHash> = []
        var seenUnverified: Set<ArraySlice<UInt8>> = []
        var count = 0
        let prefix = Array("— ".utf8)
        while let newline = sigs.firstIndex(of: UInt8(ascii: "\n")) {
            var line = sigs[sigs.startIndex..<newline]
            sigs = sigs[(newline + 1)...]
            guard line.starts(with: prefix) else { throw malformed }
            line = line.dropFirst(prefix.count)
            let lineText = String(decoding: line, as: UTF8.self)
            let (name, b64) = chopSpace(lineText)
            guard let raw = GoBase64.decode(b64), isValidName(name), !b64.isEmpty, raw.count >= 5 else { throw malformed }
            let hash = raw.prefix(4).reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
            let signature = Array(raw.dropFirst(4))
            count += 1
            guard count <= 100 else { throw malformed }

            let entry = Signature(name: name, keyHash: hash, base64: b64)
            switch verifiers.lookup(name: name, hash: hash) {
            case .unknown:
                if seenUnverified.insert(line).inserted { note.unverifiedSignatures.append(entry) }
            case .ambiguous:
                throw ModuleFetchError("note", NoteVerifiers.ambiguousKeyMessage(name: name, hash: hash))
            case .found(let key):
                guard seen.insert(.init(name: name, hash: hash)).inserted else { continue }
                guard NoteVerifiers.verify(key, message: text, signature: signature) else {
                    throw ModuleFetchError("note", "invalid signature for key \(name)+\(NoteVerifiers.hex8(hash))")
                }
                note.signatures.append(entry)
            }
        }
        guard !note.signatures.isEmpty else { throw ModuleFetchError("note", "note has no verifiable signatures") }
        return note
    }

    /// Index of the first `\n` of the last `\n\n` in `bytes`.
    private static func lastBlankLine(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 2 else { return nil }
        for i in stride(from: bytes.count - 2, through: 0, by: -1)
        where bytes[i] == UInt8(ascii: "\n") && bytes[i + 1] == UInt8(ascii: "\n") {
            return i
        }
        return nil
    }

    /// note's chop(s, " "): split at the first space; none gives (s, "").
    static func chopSpace(_ text: String) -> (String, String) {
        guard let space = text.firstIndex(of: " ") else { return (text, "") }
        return (String(text[..<space]), String(text[text.index(after: space)...]))
    }

    // golang.org/x/mod/sumdb/note/note.go isValidName
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains(where: \.properties.isWhitespace) && !name.contains("+")
    }
}
