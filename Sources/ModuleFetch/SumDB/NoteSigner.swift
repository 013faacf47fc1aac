import Crypto
import GoModConfig

/// A note signing key `PRIVATE+KEY+name+hash+base64(0x01 ‖ seed)` (`note.NewSigner`).
/// The doctor never signs real tree heads; tests use this to build servers that misbehave
/// in precise ways (a forked tree, an altered record) with signatures that still verify.
public struct NoteSigner: Sendable {
    public let name: String
    public let keyHash: UInt32
    private let privateKey: Curve25519.Signing.PrivateKey

    /// Parses a signer key; the key hash must match the derived public key.
    /// - Throws: `malformed verifier id`, `unknown verifier algorithm`, `invalid verifier hash`
    ///   (x/mod reuses the verifier texts for signer keys).
    // golang.org/x/mod/sumdb/note/note.go NewSigner
    public init(parsing text: String) throws(ModuleFetchError) {
        let fields = text.split(separator: "+", maxSplits: 4, omittingEmptySubsequences: false).map(String.init)
        let malformed = ModuleFetchError("note", "malformed verifier id")
        guard fields.count == 5, fields[0] == "PRIVATE", fields[1] == "KEY", fields[3].utf8.count == 8,
              let hash = UInt32(fields[3], radix: 16), fields[3].utf8.allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }),
              let key = GoBase64.decode(fields[4]), SignedNote.isValidName(fields[2]), let algorithm = key.first
        else { throw malformed }
        guard algorithm == VerifierKey.ed25519 else { throw ModuleFetchError("note", "unknown verifier algorithm") }
        guard key.count == 33, let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: key.dropFirst()) else {
            throw malformed
        }
        let publicKey = [VerifierKey.ed25519] + Array(privateKey.publicKey.rawRepresentation)
        guard hash == VerifierKey.keyHash(name: fields[2], keyData: publicKey) else {
            throw ModuleFetchError("note", "invalid verifier hash")
        }
        self.name = fields[2]
        self.keyHash = hash
        self.privateKey = privateKey
    }

    /// A fresh key pair named `name` (`note.GenerateKey`): the signer and its verifier key.
    public static func generate(name: String) throws(ModuleFetchError) -> (signer: NoteSigner, verifier: VerifierKey) {
        let key = Curve25519.Signing.PrivateKey()
        let seed = [VerifierKey.ed25519] + Array(key.rawRepresentation)
        let publicKey = Array(key.publicKey.rawRepresentation)
        let hash = VerifierKey.keyHash(name: name, keyData: [VerifierKey.ed25519] + publicKey)
        let text = "PRIVATE+KEY+\(name)+\(NoteVerifiers.hex8(hash))+\(GoBase64.encode(seed))"
        let signer = try NoteSigner(parsing: text)
        return (signer, VerifierKey(name: name, keyHash: hash, algorithm: VerifierKey.ed25519, publicKey: publicKey))
    }

    /// The verifier key that checks this signer's signatures.
    public var verifierKey: VerifierKey {
        VerifierKey(name: name, keyHash: keyHash, algorithm: VerifierKey.ed25519, publicKey: Array(privateKey.publicKey.rawRepresentation))
    }

    /// Signs `text` (which must end in a newline) with each signer, in order.
    /// - Throws: `malformed note` when the text does not end in `\n`.
    // golang.org/x/mod/sumdb/note/note.go Sign
    public static func sign(_ text: String, with signers: [NoteSigner]) throws(ModuleFetchError) -> [UInt8] {
        guard text.hasSuffix("\n") else { throw SignedNote.malformed }
        var out = Array(text.utf8)
        out.append(UInt8(ascii: "\n"))
        for signer in signers {
            guard let signature = try? signer.privateKey.signature(for: Array(text.utf8)) else {
                throw ModuleFetchError("note", "signing failed")
            }
            let hashBytes = withUnsafeBytes(of: signer.keyHash.bigEndian) { Array($0) }
            out += Array("— \(signer.name) \(GoBase64.encode(hashBytes + Array(signature)))\n".utf8)
        }
        return out
    }
}
