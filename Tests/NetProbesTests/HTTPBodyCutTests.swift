@testable import NetProbes
import Testing

/// Issue 13 item 5, the pure part: a body that did not reach its end is a typed failure whose
/// detail says how many bytes came and what the body still waited for — never success.
@Suite struct HTTPBodyCutTests {
    static let framings: [HTTPBodyFraming] = [.contentLength(100), .chunked, .untilClose]

    @Test(arguments: framings)
    func deadlineMidBodyIsATimeoutNamingTheCut(framing: HTTPBodyFraming) {
        let failure = HTTPBodyCut.failure(.deadline, framing: framing, bodyBytes: 12)
        #expect(failure.code == "timeout")
        #expect(failure.detail.hasPrefix("response body cut by the deadline after 12 bytes ("))
        #expect(failure.detail.hasSuffix("context deadline exceeded (Client.Timeout or context cancellation while reading body)"))
        switch framing {
        case .contentLength: #expect(failure.detail.contains("of 100 announced by Content-Length"))
        case .chunked: #expect(failure.detail.contains("the last chunk never came"))
        case .untilClose: #expect(failure.detail.contains("no Content-Length: the server had not ended the body by closing the connection"))
        }
    }

    @Test func peerCloseShortOfTheFramingIsUnexpectedEOF() {
        let length = HTTPBodyCut.failure(.peerClosed, framing: .contentLength(100), bodyBytes: 3)
        #expect(length.code == "eof")
        #expect(length.detail == "unexpected EOF: the server closed the connection after 3 body bytes of the 100 announced by Content-Length: the body is incomplete")
        let chunked = HTTPBodyCut.failure(.peerClosed, framing: .chunked, bodyBytes: 3)
        #expect(chunked.detail == "unexpected EOF: the server closed the connection after 3 body bytes before the last chunk: the body is incomplete")
    }

    @Test func cancellationAndCloseBeforeTheHead() {
        #expect(HTTPBodyCut.failure(.cancelled, framing: .chunked, bodyBytes: 0).detail.hasSuffix("context canceled"))
        #expect(HTTPBodyCut.failure(.deadline, framing: nil, bodyBytes: 0)
                == FailureClass("timeout", "no complete response before the deadline (context deadline exceeded)"))
        #expect(HTTPBodyCut.failure(.peerClosed, framing: nil, bodyBytes: 0).code == "eof")
    }
}
