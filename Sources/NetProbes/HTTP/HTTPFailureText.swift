import NIOHTTP1

/// Failure details of the HTTP client that a person can act on: each names the peer, what it
/// did wrong, and the limit that applied (issue 13 item 10). NIO's own texts ("invalid
/// constant string") say none of that.
enum HTTPFailureText {
    /// How many bytes of a non-HTTP answer are shown.
    static let previewBytes = 32

    /// A body over the client's limit. `limit` is the real limit: bodies of exactly `limit`
    /// bytes pass, one byte more fails.
    static func tooLarge(limit: Int, peer: String) -> FailureClass {
        FailureClass("too-large", "response body from \(peer) larger than \(limit) bytes (\(byteSize(limit))), "
                     + "the most the client reads for this request: the body was cut there")
    }

    /// A status line or header block that never ends (or exceeds the decoder's field limits).
    static func headTooLarge(peer: String) -> FailureClass {
        FailureClass("too-large", "response head from \(peer) larger than \(byteSize(HTTPAnswerPrefix.maximumHeadBytes)), "
                     + "the most the client reads before the body: the server sends an endless status line or headers")
    }

    /// The peer's answer is not an HTTP/1.x response. `head`: whether a valid head came first
    /// (then the body framing was broken, e.g. a bad chunk size).
    static func notHTTP(peer: String, firstBytes: [UInt8], headReceived: Bool, parserError: HTTPParserError) -> FailureClass {
        if headReceived {
            return FailureClass("bad-response", "the server at \(peer) sent a valid response head but a malformed body "
                                + "(\(parserError.readableName)): the response is not valid HTTP/1.1")
        }
        if parserError == .invalidEOFState {
            return FailureClass("eof", "the server at \(peer) closed the connection in the middle of the response head "
                                + "(first bytes: \(escaped(firstBytes)))")
        }
        if parserError == .headerOverflow {
            return headTooLarge(peer: peer)
        }
        if firstBytes.isEmpty {
            return FailureClass("bad-response", "the server at \(peer) sent an invalid HTTP response (\(parserError.readableName))")
        }
        if firstBytes.starts(with: Array("HTTP/".utf8)) {
            return FailureClass("bad-response", "the server at \(peer) sent a malformed HTTP response head "
                                + "(\(parserError.readableName); first bytes: \(escaped(firstBytes)))")
        }
        return FailureClass("not-http", "the server at \(peer) did not answer HTTP (first bytes: \(escaped(firstBytes))): "
                            + "another protocol listens on that port, or a middlebox answers in its place")
    }

    /// Go's %q of at most `previewBytes` bytes, with "…" when there were more.
    static func escaped(_ bytes: [UInt8]) -> String {
        var text = "\""
        for byte in bytes.prefix(previewBytes) {
            switch byte {
            case 0x22: text += "\\\""
            case 0x5C: text += "\\\\"
            case 0x0A: text += "\\n"
            case 0x0D: text += "\\r"
            case 0x09: text += "\\t"
            case 0x20..<0x7F: text.unicodeScalars.append(Unicode.Scalar(byte))
            default: text += "\\x" + (byte < 0x10 ? "0" : "") + String(byte, radix: 16)
            }
        }
        return text + "\"" + (bytes.count > previewBytes ? "…" : "")
    }

    /// "16 MiB", "1.5 KiB", "512 B".
    static func byteSize(_ bytes: Int) -> String {
        let units = ["B", "KiB", "MiB", "GiB"]
        var value = Double(bytes)
        var unit = 0
        while value >= 1024, unit < units.count - 1 {
            value /= 1024
            unit += 1
        }
        if unit == 0 { return "\(bytes) B" }
        return value == value.rounded() ? "\(Int(value)) \(units[unit])" : String(format: "%.1f %@", value, units[unit])
    }
}

extension HTTPParserError {
    /// A short English name for the parser's complaint ("invalid status line").
    var readableName: String {
        switch self {
        case .invalidConstant: return "invalid status line"
        case .invalidChunkSize: return "invalid chunk size"
        case .invalidContentLength: return "invalid Content-Length"
        case .invalidHeaderToken: return "invalid header"
        case .invalidStatus: return "invalid status code"
        case .invalidVersion: return "invalid HTTP version"
        case .headerOverflow: return "response head too large"
        case .invalidEOFState: return "connection closed in the middle of the response"
        case .unexpectedContentLength: return "unexpected Content-Length"
        default: return "malformed response: \(self)"
        }
    }
}
