import NIOCore
import NIOHTTP1

/// Sent through the pipeline by the hop runner just before it closes the channel itself (the
/// deadline timer, or cancellation). Without it, our own close is indistinguishable from the
/// server's: NIO's decoder ends a body without Content-Length at any close, so a body still
/// arriving at the deadline would be taken as complete.
enum HTTPLocalClose: Sendable {
    case deadline
    case cancelled
}

/// How a response says where its body ends (RFC 9112 section 6.3).
enum HTTPBodyFraming: Sendable, Equatable {
    case contentLength(Int)
    case chunked
    /// No Content-Length, not chunked: the body ends when the server closes the connection.
    case untilClose

    init(_ head: HTTPResponseHead) {
        let encodings = head.headers[canonicalForm: "transfer-encoding"].map { $0.lowercased() }
        if encodings.last == "chunked" {
            self = .chunked
        } else if let length = head.headers.first(name: "content-length").flatMap({ Int(String($0.filter { $0 != " " && $0 != "\t" })) }) {
            self = .contentLength(length)
        } else {
            self = .untilClose
        }
    }
}

/// A response whose body did not reach its end: the deadline or cancellation closed the
/// connection first, or the server closed it before the end its framing announced. Never a
/// success: a truncated .info, .mod or .zip is not the file (Go: net/http's body reader
/// returns io.ErrUnexpectedEOF, net/http/transfer.go body.readLocked, and a client deadline
/// mid-body is "context deadline exceeded (Client.Timeout or context cancellation while
/// reading body)", net/http/client.go cancelTimerBody.Read).
struct HTTPBodyCut: Error, Sendable {
    enum Cause: Sendable, Equatable {
        case deadline
        case cancelled
        case peerClosed
    }

    var cause: Cause
    /// nil when the close came before the response head.
    var head: HTTPResponseHead?
    /// The head's framing; nil without a head.
    var framing: HTTPBodyFraming?
    var bodyBytes: Int
    var firstByte: ContinuousClock.Instant?

    init(cause: Cause, head: HTTPResponseHead?, bodyBytes: Int, firstByte: ContinuousClock.Instant?) {
        self.cause = cause
        self.head = head
        framing = head.map(HTTPBodyFraming.init)
        self.bodyBytes = bodyBytes
        self.firstByte = firstByte
    }

    /// "timeout" for our own close (deadline or cancellation), "eof" for the server's.
    var failure: FailureClass { Self.failure(cause, framing: framing, bodyBytes: bodyBytes) }

    static func failure(_ cause: Cause, framing: HTTPBodyFraming?, bodyBytes: Int) -> FailureClass {
        guard let framing else {
            switch cause {
            case .deadline: return FailureClass("timeout", "no complete response before the deadline (context deadline exceeded)")
            case .cancelled: return FailureClass("timeout", "no complete response before the request was cancelled (context canceled)")
            case .peerClosed: return FailureClass("eof", "EOF: the server closed the connection without answering")
            }
        }
        switch cause {
        case .deadline:
            return FailureClass("timeout", "response body cut by the deadline after \(bodyBytes) bytes (\(Self.pending(framing))): "
                                + "context deadline exceeded (Client.Timeout or context cancellation while reading body)")
        case .cancelled:
            return FailureClass("timeout", "response body cut by cancellation after \(bodyBytes) bytes (\(Self.pending(framing))): "
                                + "context canceled")
        case .peerClosed:
            return FailureClass("eof", "unexpected EOF: the server closed the connection after \(bodyBytes) body bytes"
                                + "\(Self.short(framing)): the body is incomplete")
        }
    }

    /// What the body was still waiting for when we closed.
    static func pending(_ framing: HTTPBodyFraming) -> String {
        switch framing {
        case .contentLength(let length): return "of \(length) announced by Content-Length"
        case .chunked: return "chunked, the last chunk never came"
        case .untilClose: return "no Content-Length: the server had not ended the body by closing the connection"
        }
    }

    /// What the server's close fell short of.
    static func short(_ framing: HTTPBodyFraming) -> String {
        switch framing {
        case .contentLength(let length): return " of the \(length) announced by Content-Length"
        case .chunked: return " before the last chunk"
        case .untilClose: return ""
        }
    }
}
