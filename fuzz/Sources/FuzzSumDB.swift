import Crypto
import Foundation
import GoModConfig
@testable import ModuleFetch

/// The verifiers a note is opened with: sum.golang.org's real key (so real notes in the
/// corpus verify) and a fixed fuzzing key whose signer signs the round-trip texts.
let noteKeys: (verifiers: NoteVerifiers, signer: NoteSigner) = {
    let seed = Array(UInt8(1)...UInt8(32))
    guard let privateKey = try? Curve25519.Signing.PrivateKey(rawRepresentation: seed) else { fatalError("fuzz key") }
    let publicKey = Array(privateKey.publicKey.rawRepresentation)
    let name = "fuzz.test"
    let hash = VerifierKey.keyHash(name: name, keyData: [VerifierKey.ed25519] + publicKey)
    let verifier = VerifierKey(name: name, keyHash: hash, algorithm: VerifierKey.ed25519, publicKey: publicKey)
    let hex = String(hash, radix: 16)
    let signerText = "PRIVATE+KEY+\(name)+\(String(repeating: "0", count: 8 - hex.count) + hex)+"
        + GoBase64.encode([VerifierKey.ed25519] + seed)
    guard let signer = try? NoteSigner(parsing: signerText),
          let real = try? VerifierKey.parse(SumDBSettingParser.knownKeys["sum.golang.org"] ?? "")
    else { fatalError("fuzz note keys") }
    return (NoteVerifiers([real, verifier]), signer)
}()

/// Signed notes (SignedNote.open) and tree notes (LogTree.parse): only ModuleFetchError;
/// an opened note's text is the message's prefix and ends in a newline, with at least one
/// verified signature; a parsed tree prints back to a text that parses the same. For one
/// input in four, the input taken as note text (when valid) is signed and must open to the
/// same text — the round trip costs an Ed25519 sign and verify, hence not on every input.
@Sendable func fuzzSignedNote(_ bytes: [UInt8]) {
    checkTree(bytes)
    do {
        let note = try SignedNote.open(bytes, verifiers: noteKeys.verifiers)
        let text = Array(note.text.utf8)
        require(bytes.starts(with: text) && text.last == UInt8(ascii: "\n"), "note text is not the message's prefix")
        require(!note.signatures.isEmpty, "opened note without a verified signature")
        checkTree(text)
    } catch {
        require(error.code == "note", "note error with code \(error.code)")
    }
    guard bytes.count % 4 == 0, let text = String(validating: bytes, as: UTF8.self), text.hasSuffix("\n"),
          !text.unicodeScalars.contains(where: { $0.value < 0x20 && $0 != "\n" })
    else { return }
    let signed: [UInt8]
    do {
        signed = try NoteSigner.sign(text, with: [noteKeys.signer])
    } catch {
        return  // text the signer refuses (Go's Sign refuses the same)
    }
    do {
        let note = try SignedNote.open(signed, verifiers: noteKeys.verifiers)
        require(note.text == text && note.signatures.count == 1, "signed note opened to different text or signatures")
    } catch {
        fatalError("a note we signed does not open: \(error)")
    }
}

private func checkTree(_ bytes: [UInt8]) {
    guard let tree = try? LogTree.parse(bytes) else { return }
    require(tree.size >= 0, "negative tree size")
    require((try? LogTree.parse(Array(tree.text.utf8))) == tree, "tree text does not parse back: \(tree.text)")
}

/// Checksum-database lookup records (LogRecord.parse): only ModuleFetchError; a record
/// formats back to bytes that parse to the same record with nothing after it; its text is
/// go.sum lines (GoSumFile must not trap on it).
@Sendable func fuzzRecord(_ bytes: [UInt8]) {
    let record: LogRecord
    let rest: [UInt8]
    do {
        (record, rest) = try LogRecord.parse(bytes)
    } catch {
        require(error.code == "invalid-response", "record error with code \(error.code)")
        return
    }
    require(record.text.count + rest.count < bytes.count, "record and rest longer than the message")
    let formatted: [UInt8]
    do {
        formatted = try record.formatted()
    } catch {
        fatalError("parsed record does not format: \(error)")
    }
    do {
        let (again, tail) = try LogRecord.parse(formatted)
        require(again == record && tail.isEmpty, "formatted record parses differently")
    } catch {
        fatalError("formatted record does not parse: \(error)")
    }
    _ = try? GoSumFile.parse(String(decoding: record.text, as: UTF8.self), fileName: "record")
    _ = LogHash.record(record.text)
}
