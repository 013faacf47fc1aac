@testable import NetProbes
import Testing

/// Encoding and decoding of well-formed messages, EDNS0, and dig's text forms.
struct DNSCodecTests {
    func name(_ text: String) throws -> DNSName { try DNSName(parsing: text) }

    func sampleResponse() throws -> DNSMessage {
        let zone = try name("corp.example")
        let soa = DNSStartOfAuthority(primaryServer: try name("ns1.corp.example"), responsibleMailbox: try name("hostmaster.corp.example"),
                                      serial: 2024010101, refresh: 3600, retry: 600, expire: 86400, minimum: 300)
        return DNSMessage(
            header: DNSHeader(id: 0xBEEF, isResponse: true, authoritative: true, recursionDesired: true, recursionAvailable: true),
            questions: [DNSQuestion(name: zone, type: .any)],
            answers: [
                DNSResourceRecord(name: zone, type: .a, ttl: 60, data: .a([10, 77, 50, 7])),
                DNSResourceRecord(name: zone, type: .aaaa, ttl: 60, data: .aaaa([0xfd, 0x77] + [UInt8](repeating: 0, count: 13) + [7])),
                DNSResourceRecord(name: try name("www.corp.example"), type: .cname, ttl: 60, data: .cname(zone)),
                DNSResourceRecord(name: zone, type: .ns, ttl: 60, data: .ns(try name("ns1.corp.example"))),
                DNSResourceRecord(name: zone, type: .mx, ttl: 60, data: .mx(preference: 10, exchange: try name("mail.corp.example"))),
                DNSResourceRecord(name: zone, type: .txt, ttl: 60, data: .txt([Array("v=lab1".utf8), Array("a \"q\" \\".utf8)])),
                DNSResourceRecord(name: zone, type: .soa, ttl: 60, data: .soa(soa)),
                DNSResourceRecord(name: try name("7.50.77.10.in-addr.arpa"), type: .ptr, ttl: 60, data: .ptr(zone)),
                DNSResourceRecord(name: try name("_go._tcp.corp.example"), type: .srv, ttl: 60,
                                  data: .srv(priority: 1, weight: 2, port: 8443, target: try name("git.corp.example"))),
                DNSResourceRecord(name: zone, type: DNSRecordType(rawValue: 65), ttl: 60, data: .unknown([1, 2, 3])),
            ],
            additionals: [DNSResourceRecord(name: .root, type: .opt, recordClass: 1232, ttl: 0x0000_8000,
                                            data: .opt([DNSOption(code: 10, data: [1, 2, 3, 4, 5, 6, 7, 8])]))])
    }

    @Test func everyRecordTypeSurvivesEncodeAndDecode() throws {
        let message = try sampleResponse()
        let decoded = try DNSMessage.decode(message.encode())
        #expect(decoded == message)
    }

    @Test func namesAreCompressedAgainstEarlierSuffixes() throws {
        let message = try sampleResponse()
        let bytes = message.encode()
        var uncompressed = 0
        for record in message.answers { uncompressed += record.name.labels.reduce(1) { $0 + $1.count + 1 } }
        // "corp.example" appears a dozen times; written out each time the message would be far larger.
        let pointers = zip(bytes, bytes.dropFirst()).filter { $0.0 == 0xC0 && $0.1 == 12 }.count
        #expect(pointers >= 8, "expected pointers to the question name at offset 12")
        #expect(bytes.count < 400)
    }

    @Test func queryCarriesEDNSOptRecord() throws {
        let query = DNSMessage.query(id: 0x1234, name: try name("proxy.golang.org"), type: .aaaa, ednsPayloadSize: 1232)
        let bytes = query.encode()
        #expect(Array(bytes.prefix(12)) == [0x12, 0x34, 0x01, 0x00, 0, 1, 0, 0, 0, 0, 0, 1])
        #expect(Array(bytes.suffix(11)) == [0, 0, 41, 0x04, 0xD0, 0, 0, 0, 0, 0, 0])
        let decoded = try DNSMessage.decode(bytes)
        #expect(decoded.edns?.udpPayloadSize == 1232)
        #expect(decoded.questions.first?.type == .aaaa)
        #expect(DNSMessage.query(id: 1, name: .root, type: .ns).encode().count == 17)
    }

    @Test func extendedRcodeComesFromOptRecord() throws {
        var message = DNSMessage(header: DNSHeader(id: 1, isResponse: true, rcode: 0))
        message.additionals = [DNSResourceRecord(name: .root, type: .opt, recordClass: 4096, ttl: 0x0100_0000, data: .opt([]))]
        let decoded = try DNSMessage.decode(message.encode())
        #expect(decoded.responseCode == DNSResponseCode.badVersion)
        #expect(DNSResponseCode.name(decoded.responseCode) == "BADVERS")
    }

    @Test func headerFlagsRoundTrip() throws {
        let header = DNSHeader(id: 7, isResponse: true, opcode: 2, authoritative: true, truncated: true, recursionDesired: false,
                               recursionAvailable: true, authenticData: true, checkingDisabled: true, rcode: 3)
        let decoded = try DNSMessage.decode(DNSMessage(header: header).encode())
        #expect(decoded.header == header)
        #expect(header.flagNames == ["qr", "aa", "tc", "ra", "ad", "cd"])
    }

    @Test func presentationMatchesDig() throws {
        let message = try sampleResponse()
        let lines = message.answers.map(DNSPresentation.line)
        #expect(lines[0] == "corp.example.\t60\tIN\tA\t10.77.50.7")
        #expect(lines[1] == "corp.example.\t60\tIN\tAAAA\tfd77::7")
        #expect(lines[2] == "www.corp.example.\t60\tIN\tCNAME\tcorp.example.")
        #expect(lines[4].hasSuffix("MX\t10 mail.corp.example."))
        #expect(lines[5].hasSuffix("TXT\t\"v=lab1\" \"a \\\"q\\\" \\\\\""))
        #expect(lines[6].hasSuffix("SOA\tns1.corp.example. hostmaster.corp.example. 2024010101 3600 600 86400 300"))
        #expect(lines[8].hasSuffix("SRV\t1 2 8443 git.corp.example."))
        #expect(lines[9].hasSuffix("TYPE65\t\\# 3 010203"))
    }

    @Test(arguments: [
        ("::", [UInt8](repeating: 0, count: 16)),
        ("::1", [UInt8](repeating: 0, count: 15) + [1]),
        ("2001:db8::1", [0x20, 0x01, 0x0d, 0xb8] + [UInt8](repeating: 0, count: 11) + [1]),
        ("1:0:0:1::1", [0, 1, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 0, 0, 1]),
        ("1::1:0:0:1", [0, 1, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]),
        ("::ffff:192.168.1.1", [UInt8](repeating: 0, count: 10) + [0xff, 0xff, 192, 168, 1, 1]),
        ("1:2:3:4:5:6:7:0", [0, 1, 0, 2, 0, 3, 0, 4, 0, 5, 0, 6, 0, 7, 0, 0]),
        ("fe80::", [0xfe, 0x80] + [UInt8](repeating: 0, count: 14)),
    ])
    func ipv6TextIsInetNtopForm(expected: String, bytes: [UInt8]) {
        #expect(DNSPresentation.ipv6(bytes) == expected)
    }

    @Test func nameTextEscapesAndParsesBack() throws {
        let odd = try DNSName(labels: [Array("a.b".utf8), [0x00, 0x7F, UInt8(ascii: "\\")], Array("Example".utf8)])
        #expect(odd.description == "a\\.b.\\000\\127\\\\.Example.")
        #expect(try DNSName(parsing: odd.description) == odd)
        #expect(try name("EXAMPLE.com").matches(try name("example.COM.")))
        #expect(try name("a.b.example.com").isSubdomain(of: try name("Example.com")))
        #expect(DNSName.root.description == ".")
        #expect(try name(".").isRoot)
    }

    @Test(arguments: ["a..b", "\\256.x", String(repeating: "x", count: 64) + ".com",
                      Array(repeating: String(repeating: "x", count: 63), count: 4).joined(separator: "."), "x\\"])
    func badTextNamesAreRejected(text: String) {
        #expect(throws: DNSDecodeError.self) { try DNSName(parsing: text) }
    }

    @Test func recordTypeMnemonics() {
        #expect(DNSRecordType(mnemonic: "aaaa") == .aaaa)
        #expect(DNSRecordType(mnemonic: "TYPE65")?.rawValue == 65)
        #expect(DNSRecordType(rawValue: 65).description == "TYPE65")
        #expect(DNSRecordType(mnemonic: "example") == nil)
    }
}
