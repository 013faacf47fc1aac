import NIOCore
import NIOHTTP1

/// The head and (bounded) body of one response, with the instants the phases need.
struct CollectedResponse: Sendable {
    var head: HTTPResponseHead
    var body: [UInt8]
    var bodyBytes: Int
    var truncated: Bool
    var firstByte: ContinuousClock.Instant
    var end: ContinuousClock.Instant
}

/// Collects one HTTP/1.1 response: completes `promise` at its end, at the body limit
/// (closing the connection: an endless body must not be read forever), or fails it when the
/// connection errors or closes first. A body that did not reach its end — our own close
/// (`HTTPLocalClose`) came first, or the server closed before the end its framing announced —
/// fails with `HTTPBodyCut`, never succeeds.
///
/// With a `file`, a 2xx body goes there chunk by chunk as it arrives (the event loop reads no
/// more while a chunk is written: that is the backpressure) and memory keeps only the first
/// `memoryCap` bytes of other bodies (enough for the server's error text). A Content-Length
/// above the limit ends the response at its head: a body that cannot fit is never read.
final class HTTPResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    let promise: EventLoopPromise<CollectedResponse>
    let bodyLimit: Int
    let file: HTTPBodyFile?
    /// A HEAD answer's Content-Length announces no body.
    let isHead: Bool
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var bodyBytes = 0
    private var toFile = false
    private var firstByte: ContinuousClock.Instant?
    /// Set once `promise` is completed here: what the decoder reports after that is ignored.
    private var completed = false

    /// Bodies that do not go to the file are kept up to this many bytes (HTTPErrorDetail reads 64 KiB).
    static let memoryCap = 64 << 10

    init(promise: EventLoopPromise<CollectedResponse>, bodyLimit: Int, file: HTTPBodyFile? = nil, isHead: Bool = false) {
        self.promise = promise
        self.bodyLimit = bodyLimit
        self.file = file
        self.isHead = isHead
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let received):
            head = received
            firstByte = .now
            toFile = file != nil && (200..<300).contains(received.status.code)
            if toFile, let file {
                do throws(HTTPBodyFile.Failure) {
                    try file.reset()
                } catch {
                    fail(error)
                    context.close(promise: nil)
                    return
                }
            }
            if !isHead, case .contentLength(let length) = HTTPBodyFraming(received), length > bodyLimit {
                finish(truncated: true)
                context.close(promise: nil)
            }
        case .body(let buffer):
            guard !completed else { return }
            let keep = min(buffer.readableBytes, bodyLimit - bodyBytes)
            bodyBytes += buffer.readableBytes
            if toFile, let file {
                do throws(HTTPBodyFile.Failure) {
                    try file.append(buffer.getSlice(at: buffer.readerIndex, length: max(0, keep)) ?? ByteBuffer())
                } catch {
                    fail(error)
                    context.close(promise: nil)
                    return
                }
            } else {
                let cap = file == nil ? bodyLimit : min(bodyLimit, Self.memoryCap)
                if body.isEmpty {
                    // One allocation for the whole body: growing by doubling copies it again and
                    // again, and the freed halves stay resident in the allocator's arenas.
                    let declared: Int? = if case .contentLength(let length)? = head.map(HTTPBodyFraming.init) { length } else { nil }
                    body.reserveCapacity(min(cap, declared ?? cap))
                }
                if body.count < cap {
                    body += buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, cap - body.count)) ?? []
                }
            }
            if bodyBytes > bodyLimit {
                // A body over the limit is a failure: only its start (the server's words) is kept.
                if body.count > Self.memoryCap { body = Array(body.prefix(Self.memoryCap)) }
                finish(truncated: true)
                context.close(promise: nil)
            }
        case .end:
            finish(truncated: false)
        }
    }

    private func finish(truncated: Bool) {
        guard !completed, let head, let firstByte else { return }
        completed = true
        promise.succeed(CollectedResponse(head: head, body: body, bodyBytes: bodyBytes, truncated: truncated,
                                          firstByte: firstByte, end: .now))
    }

    private func fail(_ error: any Error) {
        guard !completed else { return }
        completed = true
        promise.fail(error)
    }

    private func cut(_ cause: HTTPBodyCut.Cause) -> HTTPBodyCut {
        HTTPBodyCut(cause: cause, head: head, bodyBytes: bodyBytes, firstByte: firstByte)
    }

    /// Our own close is announced before it happens, so the decoder's "end" that the close
    /// produces for a body without Content-Length is never taken as the body's end.
    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let local = event as? HTTPLocalClose {
            fail(cut(local == .deadline ? .deadline : .cancelled))
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        // NIO's decoder reports a close before the announced end (Content-Length not reached,
        // no last chunk) as invalidEOFState: net/http's io.ErrUnexpectedEOF.
        if head != nil, let parser = error as? HTTPParserError, parser == .invalidEOFState {
            fail(cut(.peerClosed))
        } else {
            fail(error)
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        fail(head == nil ? HTTPExchangeError.closedEarly(headReceived: false, bodyBytes: 0) : cut(.peerClosed))
        context.fireChannelInactive()
    }
}

enum HTTPExchangeError: Error, Equatable {
    case closedEarly(headReceived: Bool, bodyBytes: Int)
    case badProxyResponse(String)
    /// Nothing arrived within the first-byte bound (its length in seconds).
    case noResponse(seconds: Double)
}
