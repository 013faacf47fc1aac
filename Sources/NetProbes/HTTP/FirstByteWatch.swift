import NIOCore

/// Notices the first byte of an answer (below the HTTP decoder, above TLS), so a server that
/// accepts the request and never answers is told apart from one that answers slowly: the
/// first is "no-response" at the first-byte bound, the second runs on to the deadline.
final class FirstByteWatch: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let promise: EventLoopPromise<Void>

    init(promise: EventLoopPromise<Void>) { self.promise = promise }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        promise.succeed(())
        context.fireChannelRead(data)
    }

    /// Fails `response` with `HTTPExchangeError.noResponse` (and closes the channel) when no
    /// byte came within `timeout` of the request being written; nil timeout: no bound. Every
    /// path completes `firstByte`, so no promise is leaked.
    static func bound<T>(_ firstByte: EventLoopPromise<Void>, of response: EventLoopPromise<T>, on channel: any Channel,
                         after written: EventLoopFuture<Void>, timeout: Duration?) {
        response.futureResult.whenComplete { _ in firstByte.succeed(()) }
        guard let timeout else { return }
        let seconds = PhaseClock.seconds(timeout)
        firstByte.futureResult.whenFailure { error in
            response.fail(error)
            channel.close(promise: nil)
        }
        written.whenSuccess {
            let timer = channel.eventLoop.scheduleTask(in: PhaseClock.timeAmount(timeout)) {
                firstByte.fail(HTTPExchangeError.noResponse(seconds: seconds))
            }
            firstByte.futureResult.whenComplete { _ in timer.cancel() }
        }
    }
}
