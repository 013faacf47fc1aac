import Foundation
import GoModConfig
import Testing
@testable import ModuleFetch

/// Ports of golang.org/x/mod/sumdb/note note_test.go plus the reference §8 vectors.
@Suite struct SignedNoteTests {
    static let peterKey = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
    static let enochKey = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"
    static let peterSigner = "PRIVATE+KEY+PeterNeumann+c74f20a3+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz"
    static let text = "If you think cryptography is the answer to your problem,\nthen you don't know what your problem is.\n"
    static let peterSig = "— PeterNeumann x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=\n"
    static let enochSig = "— EnochRoot rwz+eBzmZa0SO3NbfRGzPCpDckykFXSdeX+MNtCOXm2/5n2tiOHp+vAF1aGrQ5ovTG01oOTGwnWLox33WWd1RvMc+QQ=\n"
    static let sumGolangOrgKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"

    static func verifiers(_ keys: String...) throws -> NoteVerifiers {
        try NoteVerifiers(parsing: keys)
    }

    static func openError(_ message: String, _ verifiers: NoteVerifiers) -> String? {
        openError(Array(message.utf8), verifiers)
    }

    static func openError(_ message: [UInt8], _ verifiers: NoteVerifiers) -> String? {
        do {
            _ = try SignedNote.open(message, verifiers: verifiers)
            return nil
        } catch {
            return error.message
        }
    }

    /// Inserts "ABCD" at byte offset 60, as the Go test does.
    static func corrupt(_ sig: String) -> [UInt8] {
        let bytes = Array(sig.utf8)
        return Array(bytes[..<60]) + Array("ABCD".utf8) + Array(bytes[60...])
    }

    @Test func oneVerifiedOneUnknown() throws {
        let note = try SignedNote.open(Array((Self.text + "\n" + Self.peterSig + Self.enochSig).utf8), verifiers: Self.verifiers(Self.peterKey))
        #expect(note.text == Self.text)
        #expect(note.signatures.map(\.name) == ["PeterNeumann"])
        #expect(note.signatures.first?.keyHash == 0xc74f20a3)
        #expect(note.unverifiedSignatures.map(\.name) == ["EnochRoot"])
        #expect(note.unverifiedSignatures.first?.keyHash == 0xaf0cfe78)
    }

    @Test func bothVerified() throws {
        let note = try SignedNote.open(
            Array((Self.text + "\n" + Self.peterSig + Self.enochSig).utf8), verifiers: Self.verifiers(Self.peterKey, Self.enochKey))
        #expect(note.signatures.map(\.name) == ["PeterNeumann", "EnochRoot"])
        #expect(note.unverifiedSignatures.isEmpty)
    }

    @Test func rejections() throws {
        let peter = try Self.verifiers(Self.peterKey)
        let none = NoteVerifiers([])
        let msg = Self.text + "\n" + Self.peterSig + Self.enochSig
        #expect(Self.openError(msg, none) == "note has no verifiable signatures")
        let dup = try Self.verifiers(Self.enochKey, Self.peterKey, Self.enochKey)
        #expect(Self.openError(Self.text + "\n" + Self.enochSig, dup) == "ambiguous key EnochRoot+af0cfe78")
        #expect(Self.openError(Self.text + "\n" + Self.peterSig, dup) == nil)
        let many = Self.text + "\n" + String(repeating: Self.peterSig, count: 101)
        #expect(Self.openError(many, peter) == "malformed note")
        #expect(Self.openError(many, none) == "malformed note")
        #expect(Self.openError(Self.text + "\n" + String(repeating: Self.peterSig, count: 100), peter) == nil)
        let invalid = Array((Self.text + "\n").utf8) + Self.corrupt(Self.peterSig)
        #expect(Self.openError(invalid, peter) == "invalid signature for key PeterNeumann+c74f20a3")
    }

    @Test func duplicatedSignatures() throws {
        let msg = Array((Self.text + "\n" + Self.peterSig + Self.peterSig + Self.enochSig + Self.enochSig).utf8) + Self.corrupt(Self.enochSig)
        let note = try SignedNote.open(msg, verifiers: Self.verifiers(Self.peterKey))
        #expect(note.signatures.map(\.name) == ["PeterNeumann"])
        #expect(note.unverifiedSignatures.count == 2)
        #expect(note.unverifiedSignatures.last?.base64.contains("5nABCD2tiO") == true)
    }

    @Test(arguments: [
        text,
        text + "\n",
        text + "\n" + String(peterSig.dropLast()),
        "\u{01}" + text + "\n" + peterSig,
        text + "\n" + "— Bad Name x08go/ZJkuBS9UG/SffcvIAQxVBtiFupLLr8pAcElZInNIuGUgYN1FFYC2pZSNXgKvqfqdngotpRZb6KE6RyyBwJnAM=",
        text + "\n" + peterSig + "Unexpected line.\n",
        text + "\n— PeterNeumann \n",
        text + "\n— PeterNeumann x08g\n",
        "a\r\n\n" + peterSig,
    ])
    func malformed(_ message: String) throws {
        #expect(Self.openError(message, try Self.verifiers(Self.peterKey)) == "malformed note")
    }

    @Test func invalidUTF8() throws {
        let msg = [0xFF] + Array((Self.text + "\n" + Self.peterSig).utf8)
        #expect(Self.openError(msg, try Self.verifiers(Self.peterKey)) == "malformed note")
    }

    @Test func signMatchesGo() throws {
        let signer = try NoteSigner(parsing: Self.peterSigner)
        #expect(signer.verifierKey.text == Self.peterKey)
        let signed = try NoteSigner.sign(Self.text, with: [signer])
        #expect(String(decoding: signed, as: UTF8.self) == Self.text + "\n" + Self.peterSig)
        #expect(throws: ModuleFetchError("note", "malformed note")) { try NoteSigner.sign("no newline", with: [signer]) }
    }

    @Test func signerKeyRejections() {
        let bad = ["PRIVATE+KEY+PeterNeumann+c74f20a3", "PRIVATE+KEY+PeterNeumann+c74f20a4+AYEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz",
                   "PRIVATE+KEY+PeterNeumann+c74f20a3+AmEKFALVFGyNhPJEMzD1QIDr+Y7hfZx09iUvxdXHKDFz", "PUBLIC+KEY+x+c74f20a3+AYEK"]
        let messages = bad.map { text -> String? in
            do { _ = try NoteSigner(parsing: text); return nil } catch { return (error as? ModuleFetchError)?.message }
        }
        #expect(messages == ["malformed verifier id", "invalid verifier hash", "unknown verifier algorithm", "malformed verifier id"])
    }

    @Test func generatedKeyRoundTrip() throws {
        let (signer, verifier) = try NoteSigner.generate(name: "sum.lab.example")
        let signed = try NoteSigner.sign("hello\n", with: [signer])
        let note = try SignedNote.open(signed, verifiers: NoteVerifiers([verifier]))
        #expect(note.text == "hello\n")
        let (other, _) = try NoteSigner.generate(name: "sum.lab.example")
        #expect(Self.openError(try NoteSigner.sign("hello\n", with: [other]), NoteVerifiers([verifier])) == "note has no verifiable signatures")
    }

    /// The real sum.golang.org tree head from the reference verifies with the real key.
    @Test func realTreeHead() throws {
        let msg = "go.sum database tree\n6476701\nmb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=\n\n— sum.golang.org Az3grsLX85Gz+s1SiTbgkuqxgItqFq7gsMUEyVnrsa9LM7Us9S+1xbFIGu95949rj4nPRYfvimWEPWL+o3GeoWwOoAw=\n"
        let note = try SignedNote.open(Array(msg.utf8), verifiers: Self.verifiers(Self.sumGolangOrgKey))
        let tree = try LogTree.parse(Array(note.text.utf8))
        #expect(tree.size == 6476701)
        #expect(tree.hash.description == "mb8QLQIs0Z0yP5Cstq6guj87oXWeC9gEM8oVikmm9Wk=")
        let tampered = msg.replacingOccurrences(of: "6476701", with: "6476702")
        #expect(Self.openError(tampered, try Self.verifiers(Self.sumGolangOrgKey)) == "invalid signature for key sum.golang.org+033de0ae")
    }
}
