import Testing
@testable import GoModConfig

private let sumGolangOrgKey = "sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8"
private let peterNeumann = "PeterNeumann+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW"
private let enochRoot = "EnochRoot+af0cfe78+ATtqJ7zOtqQtYqOo0CpvDXNlMhV3HeJDpjrASKGLWdop"

private func message(_ text: String) -> String? {
    do {
        _ = try VerifierKey.parse(text)
        return nil
    } catch {
        return error.message
    }
}

@Suite struct VerifierKeyTests {
    @Test(arguments: [
        (sumGolangOrgKey, "sum.golang.org", UInt32(0x033de0ae)),
        (peterNeumann, "PeterNeumann", UInt32(0xc74f20a3)),
        (enochRoot, "EnochRoot", UInt32(0xaf0cfe78)),
    ])
    func realKeysParseAndTheirHashChecks(text: String, name: String, hash: UInt32) throws {
        let key = try VerifierKey.parse(text)
        #expect(key.name == name)
        #expect(key.keyHash == hash)
        #expect(key.algorithm == VerifierKey.ed25519)
        #expect(key.publicKey.count == 32)
        #expect(VerifierKey.keyHash(name: name, keyData: [key.algorithm] + key.publicKey) == hash)
        #expect(key.text == text)
    }

    @Test func tamperedHashIsRejected() {
        #expect(message("sum.golang.org+033de0af+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8") == "invalid verifier hash")
        // A key whose data was altered (as in wrongly copied blog posts) no longer matches its hash.
        #expect(message("sum.golang.org+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn9") == "invalid verifier hash")
        // The right key under another name.
        #expect(message("sum.golang.google.cn+033de0ae+Ac4zctda0e5eza+HJyk9SxEdh+s3Ux18htTTAD8OuAn8") == "invalid verifier hash")
    }

    @Test func noteTestBadKeysGiveNoteErrors() {
        // x/mod/sumdb/note TestNewVerifier: wrong length key and unknown algorithm, hashes adjusted.
        #expect(message("PeterNeumann+cc469956+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TWBADKEY==") == "malformed verifier id")
        #expect(message("PeterNeumann+173116ae+ZRpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == "unknown verifier algorithm")
        #expect(message("") == "malformed verifier id")
        #expect(message("sum.golang.org") == "malformed verifier id")
        #expect(message("Bad Name+c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == "malformed verifier id")
        #expect(message("PeterNeumann++c74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == "malformed verifier id")
        // strconv.ParseUint accepts upper-case hex; a sign does not parse.
        #expect(message("PeterNeumann+C74F20A3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == nil)
        #expect(message("PeterNeumann++74f20a3+ARpc2QcUPDhMQegwxbzhKqiBfsVkmqq/LDE4izWy10TW") == "malformed verifier id")
    }

    @Test func everyManglingOfAKeyIsRejected() {
        // x/mod/sumdb/note TestNewVerifier: every proper substring and every one-byte increment fails.
        let bytes = Array(peterNeumann.utf8)
        for start in 0...bytes.count {
            for end in (start + 1)..<(bytes.count + 1) where start != 0 || end != bytes.count {
                let text = String(decoding: bytes[start..<end], as: UTF8.self)
                #expect(message(text) != nil, "substring \(text)")
            }
        }
        for index in bytes.indices {
            var mangled = bytes
            mangled[index] += 1
            let text = String(decoding: mangled, as: UTF8.self)
            #expect(message(text) != nil, "mangled \(text)")
        }
    }

    @Test func errorInputDefaultsAndCanBeNamed() {
        #expect(throws: ConfigInputError(input: "verifier key", message: "malformed verifier id")) {
            try VerifierKey.parse("x")
        }
        #expect(throws: ConfigInputError(input: "GOSUMDB", message: "malformed verifier id")) {
            try VerifierKey.parse("x", input: "GOSUMDB")
        }
    }

    @Test func goBase64FollowsStdEncoding() {
        #expect(GoBase64.decode("AQID") == [1, 2, 3])
        #expect(GoBase64.decode("AQI=") == [1, 2])
        #expect(GoBase64.decode("AQ==") == [1])
        #expect(GoBase64.decode("AQ") == nil)       // padding required
        #expect(GoBase64.decode("AQ=") == nil)
        #expect(GoBase64.decode("AQ==AQ==") == nil) // data after padding
        #expect(GoBase64.decode("A-ID") == nil)     // URL alphabet rejected
        #expect(GoBase64.decode("AQ\nID") == [1, 2, 3]) // newlines ignored
        #expect(GoBase64.encode([1, 2, 3, 4]) == "AQIDBA==")
    }
}
