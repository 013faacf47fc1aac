import Crypto
import GoModConfig

/// The set of keys a signed note may be verified with (`note.VerifierList`). Looking up a
/// (name, key hash) pair that several keys share is an error, so a colliding key can never
/// be chosen silently.
public struct NoteVerifiers: Sendable {
    private var keys: [NameAndHash: [VerifierKey]] = [:]

    struct NameAndHash: Hashable {
        var name: String
        var hash: UInt32
    }

    public init(_ keys: [VerifierKey]) {
        for key in keys {
            self.keys[NameAndHash(name: key.name, hash: key.keyHash), default: []].append(key)
        }
    }

    /// Parses each verifier key text (`name+hash+base64`) with `VerifierKey.parse`.
    public init(parsing texts: [String]) throws(ConfigInputError) {
        var keys: [VerifierKey] = []
        for text in texts { keys.append(try VerifierKey.parse(text)) }
        self.init(keys)
    }

    /// The outcome of looking a signature's key up.
    enum Lookup {
        case found(VerifierKey)
        case unknown
        case ambiguous
    }

    // golang.org/x/mod/sumdb/note/note.go verifierMap.Verifier
    func lookup(name: String, hash: UInt32) -> Lookup {
        guard let found = keys[NameAndHash(name: name, hash: hash)] else { return .unknown }
        guard found.count == 1, let key = found.first else { return .ambiguous }
        return .found(key)
    }

    /// The error texts for a key not in the set (`unknown key %s+%08x`) and one that is
    /// there more than once (`ambiguous key %s+%08x`).
    public static func unknownKeyMessage(name: String, hash: UInt32) -> String {
        "unknown key \(name)+\(hex8(hash))"
    }

    static func ambiguousKeyMessage(name: String, hash: UInt32) -> String {
        "ambiguous key \(name)+\(hex8(hash))"
    }

    static func hex8(_ value: UInt32) -> String {
        let text = String(value, radix: 16)
        return String(repeating: "0", count: 8 - text.count) + text
    }

    /// Ed25519 verification of `message` with `key`.
    static func verify(_ key: VerifierKey, message: [UInt8], signature: [UInt8]) -> Bool {
        guard key.algorithm == VerifierKey.ed25519,
              let publicKey = try? Curve25519.Signing.PublicKey(rawRepresentation: key.publicKey)
        else { return false }
        return publicKey.isValidSignature(signature, for: message)
    }
}
