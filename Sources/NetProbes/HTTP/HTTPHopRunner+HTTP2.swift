import NIOCore
import NIOHTTP1
import NIOHTTP2

/// A failure at the HTTP/2 layer, worded as golang.org/x/net/http2 (bundled in net/http as
/// h2_bundle.go) words it; the go command prints it after `Get "<url>": `.
enum HTTP2Failure: Error {
    /// RST_STREAM on the request's stream: `stream error: stream ID 1; INTERNAL_ERROR; received from peer`.
    case streamReset(streamID: Int, code: HTTP2ErrorCode)
    /// GOAWAY before the request's stream was processed.
    case goAway(lastStreamID: Int, code: HTTP2ErrorCode, debug: String)

    var failure: FailureClass {
        switch self {
        case .streamReset(let id, let code):
            return FailureClass("h2-stream-reset", "stream error: stream ID \(id); \(Self.name(code)); received from peer")
        case .goAway(let last, let code, let debug):
            return FailureClass("h2-goaway", "http2: server sent GOAWAY and closed the connection; LastStreamID=\(last), "
                                + "ErrCode=\(Self.name(code)), debug=\"\(debug)\"")
        }
    }

    /// http2.ErrCode.String().
    static func name(_ code: HTTP2ErrorCode) -> String {
        let names = ["NO_ERROR", "PROTOCOL_ERROR", "INTERNAL_ERROR", "FLOW_CONTROL_ERROR", "SETTINGS_TIMEOUT", "STREAM_CLOSED",
                     "FRAME_SIZE_ERROR", "REFUSED_STREAM", "CANCEL", "COMPRESSION_ERROR", "CONNECT_ERROR", "ENHANCE_YOUR_CALM",
                     "INADEQUATE_SECURITY", "HTTP_1_1_REQUIRED"]
        let value = code.networkCode
        return value >= 0 && value < names.count ? names[value] : "unknown error code 0x\(String(value, radix: 16))"
    }
}

extension HTTPHopRunner {
    /// The exchange over HTTP/2 (ALPN chose "h2"), as net/http's transport makes it: the
    /// connection preface and SETTINGS, one stream with the request, the answer through NIO's
    /// HTTP/2-to-HTTP/1 adapter into the same collector the HTTP/1.1 path uses. A stream reset
    /// or a GOAWAY that leaves the request unprocessed fails it; nothing falls back to
    /// HTTP/1.1 (net/http does not either).
    func exchangeHTTP2(_ channel: any Channel, url: HTTPRequestURL) async throws -> CollectedResponse {
        let promise = channel.eventLoop.makePromise(of: CollectedResponse.self)
        let head = HTTPRequestHead(version: .http2, method: HTTPMethod(rawValue: options.method), uri: url.pathAndQuery,
                                   headers: requestHeaders(url))
        let limit = options.maxBodyBytes
        let file = options.bodyFile
        let isHead = options.method == "HEAD"
        let firstByte = channel.eventLoop.makePromise(of: Void.self)
        let stream: EventLoopFuture<any Channel> = channel.eventLoop.flatSubmit {
            do {
                let multiplexer = try channel.pipeline.syncOperations.configureHTTP2Pipeline(
                    mode: .client, connectionConfiguration: .init(), streamConfiguration: .init(),
                    inboundStreamInitializer: { pushed in pushed.close() })
                try channel.pipeline.syncOperations.addHandler(HTTP2GoAwayWatch(response: promise))
                return multiplexer.createStreamChannel { streamChannel in
                    streamChannel.eventLoop.makeCompletedFuture {
                        try streamChannel.pipeline.syncOperations.addHandler(HTTP2StreamWatch(response: promise, firstByte: firstByte))
                        try streamChannel.pipeline.syncOperations.addHandler(HTTP2FramePayloadToHTTP1ClientCodec(httpProtocol: .https))
                        try streamChannel.pipeline.syncOperations.addHandler(
                            HTTPResponseCollector(promise: promise, bodyLimit: limit, file: file, isHead: isHead))
                    }
                }
            } catch {
                return channel.eventLoop.makeFailedFuture(error)
            }
        }
        let written = stream.flatMap { streamChannel in
            streamChannel.write(HTTPClientRequestPart.head(head)).and(streamChannel.writeAndFlush(HTTPClientRequestPart.end(nil))).map { _ in }
        }
        written.whenFailure { promise.fail($0) }
        FirstByteWatch.bound(firstByte, of: promise, on: channel, after: written, timeout: options.firstByteTimeout)
        do {
            return try await promise.futureResult.get()
        } catch let failure as HTTP2Failure {
            throw HTTPMalformedAnswer(failure: failure.failure)
        } catch let closed as NIOHTTP2Errors.StreamClosed {
            throw HTTPMalformedAnswer(failure: HTTP2Failure.streamReset(streamID: Int(closed.streamID), code: closed.errorCode).failure)
        }
    }
}

/// On the request's stream channel, before the HTTP/1 adapter: the first HEADERS or DATA frame
/// is the answer's first byte (the connection's own SETTINGS do not count), and RST_STREAM
/// fails the request with the go command's stream error.
final class HTTP2StreamWatch: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame.FramePayload
    typealias InboundOut = HTTP2Frame.FramePayload
    let response: EventLoopPromise<CollectedResponse>
    let firstByte: EventLoopPromise<Void>

    init(response: EventLoopPromise<CollectedResponse>, firstByte: EventLoopPromise<Void>) {
        self.response = response
        self.firstByte = firstByte
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        switch unwrapInboundIn(data) {
        case .rstStream(let code):
            response.fail(HTTP2Failure.streamReset(streamID: Self.streamID(context), code: code))
        case .headers, .data:
            firstByte.succeed(())
        default:
            break
        }
        context.fireChannelRead(data)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let closed = error as? NIOHTTP2Errors.StreamClosed {
            response.fail(HTTP2Failure.streamReset(streamID: Int(closed.streamID), code: closed.errorCode))
        }
        context.fireErrorCaught(error)
    }

    static func streamID(_ context: ChannelHandlerContext) -> Int {
        (try? context.channel.syncOptions?.getOption(HTTP2StreamChannelOptions.streamID)).map { Int($0) } ?? 1
    }
}

/// On the connection, after the HTTP/2 handler (frames of stream 0 arrive here): a GOAWAY
/// whose last stream is below the request's (1, the first a client opens) means the server
/// will never process it.
final class HTTP2GoAwayWatch: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame
    let response: EventLoopPromise<CollectedResponse>

    init(response: EventLoopPromise<CollectedResponse>) { self.response = response }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .goAway(let last, let code, let opaque) = unwrapInboundIn(data).payload, Int(last) < 1 {
            let debug = opaque.map { String(decoding: $0.readableBytesView.prefix(256), as: UTF8.self) } ?? ""
            response.fail(HTTP2Failure.goAway(lastStreamID: Int(last), code: code, debug: debug))
        }
        context.fireChannelRead(data)
    }
}
