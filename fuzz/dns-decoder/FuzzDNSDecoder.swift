// libFuzzer entry point for the DNS message decoder (Sources/NetProbes/DNS/Codec), compiled
// alone with `swiftc -sanitize=fuzzer,address -parse-as-library` by ../run-dns-decoder.sh.
// Property: any bytes either decode or throw DNSDecodeError; what decodes re-encodes to bytes
// that decode again to the same questions and record types, and every name survives its text
// form. A violated property traps, which libFuzzer reports as a crash.

@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzDNSDecoder(_ data: UnsafePointer<UInt8>?, _ size: Int) -> CInt {
    guard let data else { return 0 }
    let bytes = Array(UnsafeBufferPointer(start: data, count: size))
    guard let message = try? DNSMessage.decode(bytes) else { return 0 }
    let records = message.answers + message.authorities + message.additionals
    for record in records {
        _ = DNSPresentation.line(record)
        checkTextRoundTrip(record.name)
    }
    for question in message.questions { checkTextRoundTrip(question.name) }
    let again: DNSMessage
    do {
        again = try DNSMessage.decode(message.encode())
    } catch {
        fatalError("re-encoded message does not decode: \(error)")
    }
    precondition(again.questions.count == message.questions.count, "question count changed")
    precondition(zip(again.questions, message.questions).allSatisfy { $0.matches($1) }, "questions changed")
    let againRecords = again.answers + again.authorities + again.additionals
    precondition(againRecords.map(\.type) == records.map(\.type), "record types changed")
    precondition(again.header == message.header, "header changed")
    return 0
}

func checkTextRoundTrip(_ name: DNSName) {
    guard let parsed = try? DNSName(parsing: name.description) else {
        fatalError("name text does not parse back: \(name)")
    }
    precondition(parsed == name, "name text round trip changed \(name)")
}
