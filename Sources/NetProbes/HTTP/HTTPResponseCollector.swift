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
    /// Nothing arrived within the first-byte bound (its length in seconds).
    case noResponse(seconds: Double)
}
