import Foundation
import NIOCore
import NIOHTTP1

/// The first bytes a peer sent in answer to a request, kept so that an answer which is not
/// HTTP can be shown (escaped) instead of the parser's bare complaint. Filled on the event
/// loop by `HTTPAnswerPrefixRecorder`, read after the exchange ended.
final class HTTPAnswerPrefix: @unchecked Sendable {
    static let capacity = 64
    /// The most bytes a response head (status line and headers) may take: NIO's decoder
    /// allows 80 KiB of header fields but does not bound the status line, so an endless status
    /// line would be buffered without end. (Go's net/http allows 10 MiB; no real proxy comes
    /// near either.)
    static let maximumHeadBytes = 80 * 1024
    private let lock = NSLock()
    private var _bytes: [UInt8] = []
    private var _total = 0

    private var _headReceived = false

    /// At most `capacity` bytes.
    var bytes: [UInt8] { lock.withLock { _bytes } }
    /// Whether the decoder produced a response head (then a later parser error is in the body).
    var headReceived: Bool { lock.withLock { _headReceived } }
    /// Bytes received so far.
    var total: Int { lock.withLock { _total } }

    func recordHead() { lock.withLock { _headReceived = true } }

    func record(_ buffer: ByteBuffer) {
        lock.withLock {
            _total += buffer.readableBytes
            guard _bytes.count < Self.capacity else { return }
            _bytes += buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, Self.capacity - _bytes.count)) ?? []
        }
    }
}

/// Sits below the HTTP decoder and copies the start of the answer into an `HTTPAnswerPrefix`.
final class HTTPAnswerPrefixRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let prefix: HTTPAnswerPrefix

    private var failed = false

    init(_ prefix: HTTPAnswerPrefix) { self.prefix = prefix }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        guard !failed else { return }
        // Counted before this read, so a read holding a small head and a large body never trips it.
        let before = prefix.total
        if !prefix.headReceived, before > HTTPAnswerPrefix.maximumHeadBytes {
            failed = true
            context.fireErrorCaught(HTTPHeadTooLarge(received: before))
            return
        }
        prefix.record(unwrapInboundIn(data))
        context.fireChannelRead(data)
    }
}

/// The peer sent more than `HTTPAnswerPrefix.maximumHeadBytes` without finishing a response head.
struct HTTPHeadTooLarge: Error, Sendable {
    var received: Int
}

/// Sits above the HTTP decoder and notes that a response head was decoded.
final class HTTPAnswerHeadWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    typealias InboundOut = HTTPClientResponsePart
    let prefix: HTTPAnswerPrefix

    init(_ prefix: HTTPAnswerPrefix) { self.prefix = prefix }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .head = unwrapInboundIn(data) { prefix.recordHead() }
        context.fireChannelRead(data)
    }
}

extension HTTPAnswerPrefix {
    /// The failure for a parser error seen on this answer from `peer` ("host:port").
    func failure(_ error: HTTPParserError, peer: String) -> FailureClass {
        HTTPFailureText.notHTTP(peer: peer, firstBytes: bytes, headReceived: headReceived, parserError: error)
    }
}

/// The answer could not be parsed as HTTP: the parser's error with the peer and the bytes seen.
struct HTTPMalformedAnswer: Error, Sendable {
    var failure: FailureClass
}
