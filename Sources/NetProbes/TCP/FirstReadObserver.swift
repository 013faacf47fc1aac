import NIOCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reports the first thing a freshly connected peer does: sends data, closes (FIN), resets
/// (RST), or nothing until the channel is closed by us. Completes its promise exactly once;
/// closing the channel always completes it, so it never leaks.
final class FirstReadObserver: ChannelInboundHandler {
    typealias InboundIn = ByteBuffer

    struct Observation: Sendable, Equatable {
        var event: TCPConnectAttempt.AfterConnect
        var bytes: Int = 0
    }

    private let promise: EventLoopPromise<Observation>

    init(promise: EventLoopPromise<Observation>) {
        self.promise = promise
    }

    func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        promise.succeed(Observation(event: .data, bytes: unwrapInboundIn(data).readableBytes))
    }

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        if let error = error as? IOError, error.errnoCode == ECONNRESET {
            promise.succeed(Observation(event: .reset))
        } else {
            promise.succeed(Observation(event: .closed))
        }
        context.close(promise: nil)
    }

    func channelInactive(context: ChannelHandlerContext) {
        promise.succeed(Observation(event: .closed))
        context.fireChannelInactive()
    }

    func handlerRemoved(context: ChannelHandlerContext) {
        promise.succeed(Observation(event: .quiet))
    }
}
