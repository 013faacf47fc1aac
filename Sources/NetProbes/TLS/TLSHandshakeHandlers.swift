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
/// or fails it with the first error or with the connection closing first.
///
/// After the handshake it holds what the server sends (and stops reading from the socket)
/// until the caller has verified the chain and added the handlers that speak the negotiated
/// protocol, then `TLSClientSetup.releaseHeldReads` removes it and passes the held bytes on.
/// An HTTP/2 server sends its SETTINGS right after the handshake, before any request: passed on
/// at once they would reach the end of the pipeline and be lost, and NIO's HTTP/2 client would
/// then see the server's SETTINGS ACK without its SETTINGS and end the connection.
final class TLSHandshakeWaiter: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let promise: EventLoopPromise<String?>
    private var holding = false
    private var held: CircularBuffer<NIOAny> = []
    private var heldReadComplete = false

    init(promise: EventLoopPromise<String?>) { self.promise = promise }

    /// How many reads are held (tests watch the hold fill).
    var heldReads: Int { held.count }

    func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        if let event = event as? TLSUserEvent, case .handshakeCompleted(let negotiated) = event {
            holding = true
            // Only what NIOSSL already decrypted arrives while held: memory stays bounded whatever the peer sends.
            _ = context.channel.setOption(ChannelOptions.autoRead, value: false)
            promise.succeed(negotiated)
        }
        context.fireUserInboundEventTriggered(event)
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        if holding { held.append(data) } else { context.fireChannelRead(data) }
    }

    func channelReadComplete(context: ChannelHandlerContext) {
        if holding { heldReadComplete = true } else { context.fireChannelReadComplete() }
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        promise.fail(error)
        context.fireErrorCaught(error)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.fail(ChannelError.eof)
        context.fireChannelInactive()
    }

    func removeHandler(context: ChannelHandlerContext, removalToken: ChannelHandlerContext.RemovalToken) {
        let wasHolding = holding
        holding = false
        while let data = held.popFirst() { context.fireChannelRead(data) }
        if heldReadComplete {
            heldReadComplete = false
            context.fireChannelReadComplete()
        }
        context.leavePipeline(removalToken: removalToken)
        if wasHolding { _ = context.channel.setOption(ChannelOptions.autoRead, value: true) }
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        promise.fail(ChannelError.ioOnClosedChannel)   // no-op once completed
    }
}
