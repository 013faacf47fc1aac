import Foundation
import NIOCore
import NIOHTTP1

/// The first bytes a peer sent in answer to a request, kept so that an answer which is not
/// HTTP can be shown (escaped) instead of the parser's bare complaint. Filled on the event
/// loop by `HTTPAnswerPrefixRecorder`, read after the exchange ended.
final class HTTPAnswerPrefix: @unchecked Sendable {
    static let capacity = 64
    private let lock = NSLock()
    private var _bytes: [UInt8] = []
    private var _total = 0

    private var _headReceived = false

    /// At most `capacity` bytes.
    var bytes: [UInt8] { lock.withLock { _bytes } }
    /// Whether the decoder produced a response head (then a later parser error is in the body).
    var headReceived: Bool { lock.withLock { _headReceived } }

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

    init(_ prefix: HTTPAnswerPrefix) { self.prefix = prefix }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        prefix.record(unwrapInboundIn(data))
        context.fireChannelRead(data)
    }
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
