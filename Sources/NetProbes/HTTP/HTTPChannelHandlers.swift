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
/// connection errors or closes first.
final class HTTPResponseCollector: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = HTTPClientResponsePart
    let promise: EventLoopPromise<CollectedResponse>
    let bodyLimit: Int
    private var head: HTTPResponseHead?
    private var body: [UInt8] = []
    private var bodyBytes = 0
    private var firstByte: ContinuousClock.Instant?

    init(promise: EventLoopPromise<CollectedResponse>, bodyLimit: Int) {
        self.promise = promise
        self.bodyLimit = bodyLimit
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .head(let received):
            head = received
            firstByte = .now
        case .body(let buffer):
            bodyBytes += buffer.readableBytes
            if body.count < bodyLimit {
                body += buffer.getBytes(at: buffer.readerIndex, length: min(buffer.readableBytes, bodyLimit - body.count)) ?? []
            }
            if bodyBytes > bodyLimit {
                finish(truncated: true)
                context.close(promise: nil)
            }
        case .end:
            finish(truncated: false)
        }
    }

    private func finish(truncated: Bool) {
        guard let head, let firstByte else { return }
        promise.succeed(CollectedResponse(head: head, body: body, bodyBytes: bodyBytes, truncated: truncated,
                                          firstByte: firstByte, end: .now))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(HTTPExchangeError.closedEarly(headReceived: head != nil, bodyBytes: bodyBytes))
        context.fireChannelInactive()
    }
}

enum HTTPExchangeError: Error, Equatable {
    case closedEarly(headReceived: Bool, bodyBytes: Int)
    case badProxyResponse(String)
}

/// Reads a proxy's answer to CONNECT as raw bytes up to the blank line, then gets out of the
/// way (the TLS handshake through the tunnel follows on the same channel).
final class ProxyConnectResponseReader: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    /// The status line ("HTTP/1.1 200 Connection established").
    let promise: EventLoopPromise<String>
    private var received: [UInt8] = []

    init(promise: EventLoopPromise<String>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let buffer = unwrapInboundIn(data)
        received += buffer.getBytes(at: buffer.readerIndex, length: buffer.readableBytes) ?? []
        guard let end = Self.headerEnd(received) else {
            if received.count > 16_384 { promise.fail(HTTPExchangeError.badProxyResponse("response header too long")) }
            return
        }
        let header = String(decoding: received[..<end], as: UTF8.self)
        let statusLine = header.split(separator: "\r\n", maxSplits: 1).first.map(String.init) ?? ""
        promise.succeed(statusLine)
        context.pipeline.syncOperations.removeHandler(self, promise: nil)
    }

    static func headerEnd(_ bytes: [UInt8]) -> Int? {
        guard bytes.count >= 4 else { return nil }
        for index in 0...(bytes.count - 4) where bytes[index] == 13 && bytes[index + 1] == 10 && bytes[index + 2] == 13 && bytes[index + 3] == 10 {
            return index
        }
        return nil
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(HTTPExchangeError.closedEarly(headReceived: false, bodyBytes: 0))
        context.fireChannelInactive()
    }
}
