import Crypto

/// A checksum-database verifier key `name+hash+keydata`, checked the way
/// `golang.org/x/mod/sumdb/note.NewVerifier` checks it, so a mistyped or tampered GOSUMDB key
/// (some blog posts print a wrong one for sum.golang.org) is caught before any network use.
public struct VerifierKey: Sendable, Equatable, Codable {
    /// Algorithm byte for Ed25519 (`note.algEd25519`).
    public static let ed25519: UInt8 = 1

    public var name: String
    public var keyHash: UInt32
    public var algorithm: UInt8
    /// The public key bytes without the algorithm byte (32 bytes for Ed25519).
    public var publicKey: [UInt8]

    public init(name: String, keyHash: UInt32, algorithm: UInt8, publicKey: [UInt8]) {
        self.name = name
        self.keyHash = keyHash
        self.algorithm = algorithm
        self.publicKey = publicKey
    }

    /// Parses and checks a verifier key.
    /// - Throws: `ConfigInputError(input: input, message:)` with note's texts:
    ///   `malformed verifier id`, `invalid verifier hash`, `unknown verifier algorithm`.
    // golang.org/x/mod/sumdb/note/note.go NewVerifier
    public static func parse(_ text: String, input: String = "verifier key") throws(ConfigInputError) -> VerifierKey {
        let (name, afterName) = chop(text)
        let (hashText, keyText) = chop(afterName)
        let isHex = hashText.utf8.count == 8 && hashText.unicodeScalars.allSatisfy(\.properties.isASCIIHexDigit)
        let hash = isHex ? UInt32(hashText, radix: 16) : nil
        let keyData = GoBase64.decode(keyText)
        guard let hash, let keyData, isValidName(name), let algorithm = keyData.first else {
            throw ConfigInputError(input: input, message: "malformed verifier id")
        }
        guard hash == keyHash(name: name, keyData: keyData) else {
            throw ConfigInputError(input: input, message: "invalid verifier hash")
        }
        let publicKey = Array(keyData.dropFirst())
        guard algorithm == ed25519 else {
            throw ConfigInputError(input: input, message: "unknown verifier algorithm")
        }
        guard publicKey.count == 32 else {
            throw ConfigInputError(input: input, message: "malformed verifier id")
        }
        return VerifierKey(name: name, keyHash: hash, algorithm: algorithm, publicKey: publicKey)
    }

    /// First 4 bytes, big-endian, of SHA-256(name + "\n" + keyData); keyData includes the
    /// algorithm byte.
    // golang.org/x/mod/sumdb/note/note.go keyHash
    public static func keyHash(name: String, keyData: [UInt8]) -> UInt32 {
        var hasher = SHA256()
        hasher.update(data: Array(name.utf8) + [UInt8(ascii: "\n")] + keyData)
        let digest = Array(hasher.finalize())
        return digest.prefix(4).reduce(0) { $0 << 8 | UInt32($1) }
    }

    /// The key text `name+hash+base64(algorithm ‖ publicKey)`.
    public var text: String {
        let hex = String(keyHash, radix: 16)
        let padded = String(repeating: "0", count: 8 - hex.count) + hex
        return "\(name)+\(padded)+\(GoBase64.encode([algorithm] + publicKey))"
    }

    // golang.org/x/mod/sumdb/note/note.go isValidName
    static func isValidName(_ name: String) -> Bool {
        !name.isEmpty && !name.unicodeScalars.contains(where: GoStrings.isSpace) && !name.contains("+")
    }

    /// note's `chop`: split at the first `+`; no `+` gives (text, "").
    private static func chop(_ text: String) -> (String, String) {
        let (before, after) = GoURL.cut(text, "+")
        return (before, after ?? "")
    }
}
