@testable import NetProbes

/// The DNS message decoder, the same properties as the standalone target in
/// fuzz/dns-decoder (whose corpus this target uses): any bytes decode or throw
/// DNSDecodeError; what decodes re-encodes to bytes that decode to the same header,
/// questions and record types; every name survives its text form.
@Sendable func fuzzDNS(_ bytes: [UInt8]) {
    guard let message = try? DNSMessage.decode(bytes) else { return }
    let records = message.answers + message.authorities + message.additionals
    for record in records {
        _ = DNSPresentation.line(record)
        checkNameText(record.name)
    }
    for question in message.questions { checkNameText(question.name) }
    let again: DNSMessage
    do {
        again = try DNSMessage.decode(message.encode())
    } catch {
        fatalError("re-encoded message does not decode: \(error)")
    }
    require(again.questions.count == message.questions.count, "question count changed")
    require(zip(again.questions, message.questions).allSatisfy { $0.matches($1) }, "questions changed")
    require((again.answers + again.authorities + again.additionals).map(\.type) == records.map(\.type), "record types changed")
    require(again.header == message.header, "header changed")
}

private func checkNameText(_ name: DNSName) {
    guard let parsed = try? DNSName(parsing: name.description) else { fatalError("name text does not parse back: \(name)") }
    require(parsed == name, "name text round trip changed \(name)")
}
