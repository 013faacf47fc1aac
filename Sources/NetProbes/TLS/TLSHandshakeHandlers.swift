import NIOCore
import NIOTLS

/// Sits below NIOSSL and copies what the server sends first (NIOSSL does not expose the
/// negotiated cipher, and a non-TLS answer must be recognisable).
final class TLSFirstBytesRecorder: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    typealias InboundOut = ByteBuffer
    let observation: TLSHandshakeObservation

    init(observation: TLSHandshakeObservation) { self.observation = observation }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        observation.record(inbound: unwrapInboundIn(data))
        context.fireChannelRead(data)
    }
}

/// Sits above NIOSSL and completes `promise` with the ALPN result when the handshake is done,
/// or fails it with the first error or with the connection closing first. Removes itself.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<String?>

    init(promise: EventLoopPromise<String?>) { self.promise = promise }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted(let negotiated) = event {
            promise.succeed(negotiated)
            context.pipeline.syncOperations.removeHandler(self, promise: nil)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        promise.fail(ChannelError.ioOnClosedChannel)   // no-op once completed
    }
}
