@testable import NetProbes
import Testing

/// Hostile bytes: every malformation is a typed error at a sensible place, never a crash or hang.
struct DNSDecoderHardeningTests {
    /// Header with one question and `answers` answers, then `body`.
    func message(answers: UInt16 = 0, questions: UInt16 = 1, _ body: [UInt8]) -> [UInt8] {
        [0xAB, 0xCD, 0x81, 0x80, 0, UInt8(questions), UInt8(answers >> 8), UInt8(answers & 0xFF), 0, 0, 0, 0] + body
    }

    func kind(_ bytes: [UInt8]) -> DNSDecodeError.Kind? {
        do {
            _ = try DNSMessage.decode(bytes)
            return nil
        } catch {
            return error.kind
        }
    }

    let question: [UInt8] = [3] + Array("abc".utf8) + [0, 0, 1, 0, 1]

    @Test func pointerToItselfIsRejected() {
        #expect(kind(message([0xC0, 12, 0, 1, 0, 1])) == .forwardPointer)
    }

    @Test func pointerLoopIsRejected() {
        // "abc" then a pointer back to the start of the same name: an endless "abc.abc.abc…".
        #expect(kind(message([3, 0x61, 0x62, 0x63, 0xC0, 12, 0, 1, 0, 1])) == .pointerLoop)
        // Two names pointing at each other: the second points back into the first, which points forward.
        let crossed = message(answers: 1, question + [0xC0, 30, 0, 1, 0, 1, 0, 0, 0, 0, 0, 0] + [1, 0x78, 0xC0, 25])
        #expect(kind(crossed) != nil)
    }

    @Test func forwardAndOutOfRangePointersAreRejected() {
        #expect(kind(message([0xC0, 20, 0, 1, 0, 1, 0, 0, 0, 0])) == .forwardPointer)
        #expect(kind(message([0xFF, 0xFF, 0, 1, 0, 1])) == .pointerOutOfRange)
    }

    @Test func reservedLabelTypesAreRejected() {
        #expect(kind(message([0x40] + [UInt8](repeating: 0x61, count: 64) + [0, 0, 1, 0, 1])) == .badLabelType)
        #expect(kind(message([0x80, 0, 0, 1, 0, 1])) == .badLabelType)
    }

    @Test func namesOver255BytesAreRejected() {
        var long: [UInt8] = []
        for _ in 0..<5 { long += [63] + [UInt8](repeating: 0x61, count: 63) }
        #expect(kind(message(long + [0, 0, 1, 0, 1])) == .nameTooLong)
        // The same through compression: a 250-byte name plus a label in front of a pointer to it.
        var body: [UInt8] = []
        for _ in 0..<4 { body += [61] + [UInt8](repeating: 0x62, count: 61) }
        body += [0, 0, 1, 0, 1]                                  // question name: 4 × 62 + 1 = 249 bytes in wire form
        body += [6] + Array("xxxxxx".utf8) + [0xC0, 12] + [0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4]
        #expect(kind(message(answers: 1, body)) == .nameTooLong)
    }

    @Test func absurdCountsAreRejectedBeforeAnyLoop() {
        #expect(kind([0, 1, 0x81, 0x80, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF, 0xFF]) == .countTooLarge)
        #expect(kind(message(answers: 2, question + [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 0, 0, 4, 1, 2, 3, 4])) == .countTooLarge)
    }

    @Test func everyProperPrefixOfAValidMessageIsAnError() throws {
        let valid = message(answers: 2, question + [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 60, 0, 4, 10, 0, 0, 1]
                            + [0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 60, 0, 6, 5] + Array("hello".utf8))
        let decoded = try DNSMessage.decode(valid)
        #expect(decoded.answers.count == 2)
        for length in 0..<valid.count {
            let kind = kind(Array(valid.prefix(length)))
            #expect(kind == .truncated || kind == .countTooLarge, "prefix of \(length) bytes gave \(String(describing: kind))")
        }
    }

    @Test func recordDataMustMatchItsLength() {
        let aWithFiveBytes = message(answers: 1, question + [0xC0, 12, 0, 1, 0, 1, 0, 0, 0, 0, 0, 5, 1, 2, 3, 4, 5])
        #expect(kind(aWithFiveBytes) == .badRecordData)
        // A CNAME whose name runs past RDLENGTH (2) into the next bytes.
        let overrun = message(answers: 1, question + [0xC0, 12, 0, 5, 0, 1, 0, 0, 0, 0, 0, 2, 3, 0x61, 0x62, 0x63, 0])
        #expect(kind(overrun) == .truncated)
        // MX with trailing garbage inside its RDATA.
        let trailing = message(answers: 1, question + [0xC0, 12, 0, 15, 0, 1, 0, 0, 0, 0, 0, 5, 0, 10, 0xC0, 12, 9])
        #expect(kind(trailing) == .badRecordData)
        let emptyTXT = message(answers: 1, question + [0xC0, 12, 0, 16, 0, 1, 0, 0, 0, 0, 0, 0])
        #expect(kind(emptyTXT) == .badRecordData)
    }

    @Test func rdataNamesMayPointBackIntoTheMessage() throws {
        let body = question + [0xC0, 12, 0, 5, 0, 1, 0, 0, 0, 0, 0, 4, 1, 0x77, 0xC0, 12]
        let decoded = try DNSMessage.decode(message(answers: 1, body))
        #expect(decoded.answers.first?.data == .cname(try DNSName(parsing: "w.abc")))
    }

    /// Every single-byte mutation of a valid response decodes or fails with a typed error, and
    /// what decodes re-encodes to something that decodes again.
    @Test func singleByteMutationsNeverBreakTheDecoder() throws {
        let valid = message(answers: 2, question + [0xC0, 12, 0, 15, 0, 1, 0, 0, 0, 60, 0, 4, 0, 10, 0xC0, 12]
                            + [0xC0, 12, 0, 6, 0, 1, 0, 0, 0, 60, 0, 24, 0xC0, 12, 0xC0, 12] + [UInt8](repeating: 0, count: 20))
        #expect(kind(valid) == nil)
        var decodedCount = 0
        for index in valid.indices {
            for value: UInt8 in [0, 1, 0x3F, 0x40, 0xC0, 0xFF, valid[index] ^ 0x80] {
                var mutated = valid
                mutated[index] = value
                guard let message = try? DNSMessage.decode(mutated) else { continue }
                decodedCount += 1
                let again = try DNSMessage.decode(message.encode())
                #expect(again.answers.map(\.type) == message.answers.map(\.type))
            }
        }
        #expect(decodedCount > 0)
    }
}
