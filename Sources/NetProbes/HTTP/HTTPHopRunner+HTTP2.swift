import NIOCore
import NIOHTTP1
import NIOHPACK
import NIOHTTP2

/// A failure at the HTTP/2 layer, worded as golang.org/x/net/http2 (bundled in net/http as
/// h2_bundle.go) words it; the go command prints it after `Get "<url>": `.
enum HTTP2Failure: Error {
    /// RST_STREAM on the request's stream: `stream error: stream ID 1; INTERNAL_ERROR; received from peer`.
    case streamReset(streamID: Int, code: HTTP2ErrorCode)
    /// GOAWAY before the request's stream was processed.
    case goAway(lastStreamID: Int, code: HTTP2ErrorCode, debug: String)
    /// The server broke the HTTP/2 protocol itself (frames out of order, a bad SETTINGS, flow
    /// control or header compression violated): `connection error: PROTOCOL_ERROR`.
    case connectionError(code: HTTP2ErrorCode)

    var failure: FailureClass { failure(goAwayAbortsFirstStream: false) }

    /// - Parameter goAwayAbortsFirstStream: Go 1.24+'s words for a GOAWAY with an error code
    ///   on the first stream (`HTTPClientOptions.goAwayAbortsFirstStream`).
    func failure(goAwayAbortsFirstStream: Bool) -> FailureClass {
        switch self {
        case .streamReset(let id, let code):
            return FailureClass("h2-stream-reset", "stream error: stream ID \(id); \(Self.name(code)); received from peer")
        case .goAway(_, let code, _) where goAwayAbortsFirstStream && code != .noError:
            // Only GOAWAYs that leave stream 1 (the request's) unprocessed become an HTTP2Failure.
            return FailureClass("h2-goaway", "http2: Transport received GOAWAY from server ErrCode:\(Self.name(code))")
        case .goAway(let last, let code, let debug):
            return FailureClass("h2-goaway", "http2: server sent GOAWAY and closed the connection; LastStreamID=\(last), "
                                + "ErrCode=\(Self.name(code)), debug=\"\(debug)\"")
        case .connectionError(let code):
            // http2.ConnectionError.Error(), what net/http's transport returns for a peer's violation.
            return FailureClass("h2-protocol-error", "connection error: \(Self.name(code))")
        }
    }

    /// The HTTP/2 error code a connection error names when NIO's HTTP/2 handler found the
    /// server breaking the protocol, or nil for errors that are not the peer's violation (a
    /// closed stream, the connection already closed, local misuse).
    static func violationCode(of error: any Error) -> HTTP2ErrorCode? {
        switch error {
        case is any NIOHPACKError:
            return .compressionError
        case is NIOHTTP2Errors.FlowControlViolation, is NIOHTTP2Errors.InvalidFlowControlWindowSize,
             is NIOHTTP2Errors.InvalidWindowIncrementSize:
            return .flowControlError
        case is NIOHTTP2Errors.StreamClosed, is NIOHTTP2Errors.IOOnClosedConnection, is NIOHTTP2Errors.NoStreamIDAvailable,
             is NIOHTTP2Errors.ActivationError, is NIOHTTP2Errors.MissingMultiplexer, is NIOHTTP2Errors.Unsupported,
             is NIOHTTP2Errors.InvalidALPNToken, is NIOHTTP2Errors.ExcessiveOutboundFrameBuffering:
            return nil
        case is any NIOHTTP2Error:
            return .protocolError
        default:
            return nil
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
        let connectionEnd = NIOLoopBoundBox.makeEmptyBox(valueType: HTTP2ConnectionEnd.self, eventLoop: channel.eventLoop)
        let stream: EventLoopFuture<any Channel> = channel.eventLoop.flatSubmit {
            do {
                let multiplexer = try channel.pipeline.syncOperations.configureHTTP2Pipeline(
                    mode: .client, connectionConfiguration: .init(), streamConfiguration: .init(),
                    inboundStreamInitializer: { pushed in pushed.close() })
                try channel.pipeline.syncOperations.addHandler(HTTP2ConnectionWatch(response: promise, end: connectionEnd))
                // The server's SETTINGS (sent right after the handshake) now reach the HTTP/2 handler.
                TLSClientSetup.releaseHeldReads(channel.pipeline.syncOperations)
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
        // NIO's HTTP/2 handler may close the streams a GOAWAY leaves unprocessed before it passes
        // the frame on, and a connection error (a TCP reset) reaches the stream only as its
        // close; either way the stream ends as a plain EOF a moment before the connection watch
        // knows why. Once the loop's current work is done, the connection's end is the cause (as
        // net/http reports it), unless the stream already failed for an HTTP/2 reason of its own.
        let settled = promise.futureResult.flatMapError { error in
            channel.eventLoop.submit { () throws -> CollectedResponse in
                throw HTTP2ConnectionEnd.cause(of: error, connectionEnd: connectionEnd.value)
            }
        }
        do {
            return try await settled.get()
        } catch let failure as HTTP2Failure {
            throw HTTPMalformedAnswer(failure: failure.failure(goAwayAbortsFirstStream: options.goAwayAbortsFirstStream))
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

/// How the connection under the request's stream ended, when it ended first.
enum HTTP2ConnectionEnd {
    /// A GOAWAY that leaves the request's stream unprocessed.
    case goAway(HTTP2Failure)
    /// An error on the connection itself (a reset, a TLS failure).
    case error(any Error)

    /// The failure to report for a stream that failed with `error`: its own HTTP/2 failure
    /// first, then a GOAWAY, then a connection error that the stream saw only as an early close.
    static func cause(of error: any Error, connectionEnd: HTTP2ConnectionEnd?) -> any Error {
        if error is HTTP2Failure { return error }
        switch connectionEnd {
        case .goAway(let failure)?:
            return failure
        case .error(let connectionError)?:
            if case HTTPExchangeError.closedEarly = error { return connectionError }
            return error
        case nil:
            return error
        }
    }
}

/// On the connection, after the HTTP/2 handler (frames of stream 0 arrive here): a GOAWAY
/// whose last stream is below the request's (1, the first a client opens) means the server
/// will never process it; an error on the connection is kept as the cause of an early close.
final class HTTP2ConnectionWatch: ChannelInboundHandler {
    typealias InboundIn = HTTP2Frame
    let response: EventLoopPromise<CollectedResponse>
    let end: NIOLoopBoundBox<HTTP2ConnectionEnd?>

    init(response: EventLoopPromise<CollectedResponse>, end: NIOLoopBoundBox<HTTP2ConnectionEnd?>) {
        self.response = response
        self.end = end
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if case .goAway(let last, let code, let opaque) = unwrapInboundIn(data).payload, Int(last) < 1 {
            let debug = opaque.map { String(decoding: $0.readableBytesView.prefix(256), as: UTF8.self) } ?? ""
            let failure = HTTP2Failure.goAway(lastStreamID: Int(last), code: code, debug: debug)
            if end.value == nil { end.value = .goAway(failure) }
            response.fail(failure)
        }
        context.fireChannelRead(data)
    }

    /// Only recorded: an error the connection survives must not fail the request, and one it
    /// does not survive closes the stream, whose early close then reports this error.
    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let code = HTTP2Failure.violationCode(of: error) {
            let failure = HTTP2Failure.connectionError(code: code)
            if end.value == nil { end.value = .error(failure) }
            response.fail(failure)
        } else if end.value == nil {
            end.value = .error(error)
        }
        context.fireErrorCaught(error)
    }
}
