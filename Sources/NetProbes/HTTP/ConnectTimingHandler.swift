import Foundation
import NIOCore

/// The connect phase measured on the event loop: from just before connect(2) is issued (the
/// handler is added by the bootstrap's initializer) to channelActive. Timing from the
/// awaiting task instead would add thread start-up and task hops (measured: +3 ms).
final class ConnectTiming: @unchecked Sendable {
    private let lock = NSLock()
    private var start: ContinuousClock.Instant?
    private var end: ContinuousClock.Instant?

    func started() { lock.withLock { start = .now } }
    func connected() { lock.withLock { end = .now } }

    var seconds: Double? {
        lock.withLock {
            guard let start, let end else { return nil }
            return PhaseClock.seconds(end - start)
        }
    }
}

final class ConnectTimingHandler: ChannelInboundHandler, RemovableChannelHandler {
    typealias InboundIn = ByteBuffer
    let timing: ConnectTiming

    init(timing: ConnectTiming) { self.timing = timing }

    func handlerAdded(context: ChannelHandlerContext) { timing.started() }

    func channelActive(context: ChannelHandlerContext) {
        timing.connected()
        context.fireChannelActive()
    }
}
