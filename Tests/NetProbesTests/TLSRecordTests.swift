import NetProbes
import Testing

/// The first-bytes parser and the handshake classifier.
@Suite struct TLSRecordTests {
    /// A TLS 1.3 ServerHello record (legacy version 1.2, supported_versions 0x0304,
    /// TLS_AES_128_GCM_SHA256), as a server sends it first.
    static let tls13ServerHello: [UInt8] = {
        var hello: [UInt8] = [0x03, 0x03] + Array(repeating: 0xAB, count: 32) + [0x00] + [0x13, 0x01] + [0x00]
        let extensions: [UInt8] = [0x00, 0x2B, 0x00, 0x02, 0x03, 0x04, 0x00, 0x33, 0x00, 0x02, 0x00, 0x1D]
        hello += [UInt8(extensions.count >> 8), UInt8(extensions.count & 0xFF)] + extensions
        let message: [UInt8] = [0x02, 0x00, UInt8(hello.count >> 8), UInt8(hello.count & 0xFF)] + hello
        return [0x16, 0x03, 0x03, UInt8(message.count >> 8), UInt8(message.count & 0xFF)] + message
    }()

    @Test func readsVersionAndCipherFromServerHello() {
        let result = ServerHelloParser.parse(Self.tls13ServerHello)
        #expect(result == .serverHello(.init(version: 0x0304, cipherSuite: 0x1301)))
        #expect(ServerHelloParser.versionName(0x0304) == "TLSv1.3")
        #expect(TLSCipherSuiteNames.name(0x1301) == "TLS_AES_128_GCM_SHA256")
        #expect(TLSCipherSuiteNames.name(0xFFFF) == "0xFFFF")
    }

    @Test func partialRecordNeedsMore() {
        #expect(ServerHelloParser.parse(Array(Self.tls13ServerHello.prefix(3))) == .needMore)
        #expect(ServerHelloParser.parse(Array(Self.tls13ServerHello.prefix(20))) == .needMore)
        #expect(ServerHelloParser.parse([]) == .needMore)
    }

    @Test func plainHTTPIsNotTLS() {
        let answer = Array("HTTP/1.0 400 Bad Request\r\n\r\n".utf8)
        guard case .notTLS(let preview) = ServerHelloParser.parse(answer) else {
            Issue.record("expected notTLS")
            return
        }
        #expect(preview.hasPrefix("HTTP/1.0 400"))
        let failure = TLSHandshakeClassifier.classify(firstBytes: answer, error: nil, deadlinePassed: false)
        #expect(failure.code == "not-tls")
        #expect(failure.detail.hasPrefix("tls: first record does not look like a TLS handshake"))
    }

    @Test func absurdRecordVersionIsNotTLS() {
        // crypto/tls: a handshake type byte but a version >= 0x1000 is not TLS either.
        if case .notTLS = ServerHelloParser.parse([0x16, 0x20, 0x00, 0x00, 0x05, 1, 2, 3]) {} else {
            Issue.record("expected notTLS")
        }
    }

    @Test func alertIsReported() {
        let alert: [UInt8] = [0x15, 0x03, 0x03, 0x00, 0x02, 0x02, 0x28]
        #expect(ServerHelloParser.parse(alert) == .alert(level: 2, description: 40))
        #expect(TLSHandshakeClassifier.classify(firstBytes: alert, error: nil, deadlinePassed: false).code == "tls-alert")
    }

    @Test func silenceUntilTheDeadlineIsHandshakeTimeout() {
        let failure = TLSHandshakeClassifier.classify(firstBytes: [], error: nil, deadlinePassed: true)
        #expect(failure.code == "handshake-timeout")
        #expect(failure.detail.contains("net/http: TLS handshake timeout"))
    }

    @Test func truncatedServerHelloIsMalformed() {
        var record = Self.tls13ServerHello
        record[5] = 0x0B   // a Certificate message where the ServerHello must be
        #expect(ServerHelloParser.parse(record) == .malformed)
    }
}

/// Host name matching with the go command's rules.
@Suite struct TLSHostnameMatcherTests {
    @Test func wildcardOnlyCoversOneLabel() {
        #expect(TLSHostnameMatcher.matches(host: "a.example.com", dnsNames: ["*.example.com"], ipAddresses: []))
        #expect(!TLSHostnameMatcher.matches(host: "a.b.example.com", dnsNames: ["*.example.com"], ipAddresses: []))
        #expect(!TLSHostnameMatcher.matches(host: "example.com", dnsNames: ["*.example.com"], ipAddresses: []))
    }

    @Test func namesCompareWithoutCaseAndTrailingDot() {
        #expect(TLSHostnameMatcher.matches(host: "Proxy.Golang.ORG.", dnsNames: ["proxy.golang.org"], ipAddresses: []))
    }

    @Test func ipTargetsOnlyMatchIPSANs() {
        #expect(TLSHostnameMatcher.matches(host: "10.0.0.1", dnsNames: [], ipAddresses: ["10.0.0.1"]))
        #expect(!TLSHostnameMatcher.matches(host: "10.0.0.1", dnsNames: ["10.0.0.1"], ipAddresses: []))
        #expect(TLSHostnameMatcher.matches(host: "fd77::2", dnsNames: [], ipAddresses: ["fd77:0:0:0::2"]))
    }
}
