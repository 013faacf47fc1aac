import NIOConcurrencyHelpers
import NIOCore
import NIOEmbedded
import NIOPosix
import NIOTLS
import Testing
@testable import NetProbes

/// What a server sends right after the TLS handshake (an HTTP/2 server's SETTINGS) waits in
/// TLSHandshakeWaiter until the caller has added the handlers for the negotiated protocol;
/// passed on at once it reached the end of the pipeline and was lost, and NIO's HTTP/2 client
/// then failed the healthy connection with ReceivedBadSettings (a CI flake, about 1 run in 5).
struct TLSHeldReadsTests {
    /// The end of the pipeline: what reached the protocol handlers.
    final class Collector: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        let received = NIOLockedValueBox<[String]>([])
        let readCompletes = NIOLockedValueBox(0)

        func channelRead(context: ChannelHandlerContext, data: NIOAny) {
            let bytes = unwrapInboundIn(data)
            received.withLockedValue { $0.append(String(buffer: bytes)) }
        }

        func channelReadComplete(context: ChannelHandlerContext) {
            readCompletes.withLockedValue { $0 += 1 }
        }
    }

    /// The server side of the loopback test: speaks first, as an HTTP/2 server does.
    final class Greeter: ChannelInboundHandler, Sendable {
        typealias InboundIn = ByteBuffer
        typealias OutboundOut = ByteBuffer

        func channelActive(context: ChannelHandlerContext) {
            context.writeAndFlush(wrapOutboundOut(ByteBuffer(string: "SETTINGS")), promise: nil)
            context.fireChannelActive()
        }
    }

    @Test func bytesAfterTheHandshakeWaitForTheProtocolHandlers() throws {
        let channel = EmbeddedChannel()
        let promise = channel.eventLoop.makePromise(of: String?.self)
        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: promise))
        channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: "h2"))
        #expect(try promise.futureResult.wait() == "h2")
        try channel.writeInbound(ByteBuffer(string: "SETTINGS"))
        try channel.writeInbound(ByteBuffer(string: "SETTINGS-ACK"))
        #expect(try channel.readInbound(as: ByteBuffer.self) == nil, "held, not passed to the end of the pipeline")

        let collector = Collector()
        try channel.pipeline.syncOperations.addHandler(collector)
        TLSClientSetup.releaseHeldReads(channel.pipeline.syncOperations)
        #expect(collector.received.withLockedValue { $0 } == ["SETTINGS", "SETTINGS-ACK"], "in order, once released")
        #expect(collector.readCompletes.withLockedValue { $0 } == 1)
        #expect(throws: ChannelPipelineError.notFound) { try channel.pipeline.syncOperations.handler(type: TLSHandshakeWaiter.self) }

        // Released: later reads pass straight through, and a second release changes nothing.
        try channel.writeInbound(ByteBuffer(string: "HEADERS"))
        TLSClientSetup.releaseHeldReads(channel.pipeline.syncOperations)
        #expect(collector.received.withLockedValue { $0 } == ["SETTINGS", "SETTINGS-ACK", "HEADERS"])
        _ = try channel.finish()
    }

    @Test func beforeTheHandshakeNothingIsHeld() throws {
        let channel = EmbeddedChannel()
        let promise = channel.eventLoop.makePromise(of: String?.self)
        let collector = Collector()
        try channel.pipeline.syncOperations.addHandler(TLSHandshakeWaiter(promise: promise))
        try channel.pipeline.syncOperations.addHandler(collector)
        try channel.writeInbound(ByteBuffer(string: "x"))
        #expect(collector.received.withLockedValue { $0 } == ["x"])
        _ = try channel.finish()
        #expect(throws: (any Error).self) { try promise.futureResult.wait() }
    }

    /// On a real loopback socket the hold also stops reading from the socket (memory stays
    /// bounded whatever the server sends before the caller is ready) and release resumes it.
    @Test func theHoldStopsReadingUntilReleased() async throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        let server = try await ServerBootstrap(group: group)
            .childChannelInitializer { child in
                child.eventLoop.makeCompletedFuture { try child.pipeline.syncOperations.addHandler(Greeter()) }
            }
            .bind(host: "127.0.0.1", port: 0).get()
        let port = try #require(server.localAddress?.port)
        let channel = try await ClientBootstrap(group: group)
            .channelOption(.autoRead, value: false)
            .connect(host: "127.0.0.1", port: port).get()
        let collector = Collector()
        let waiter = try await channel.eventLoop.submit {
            let promise = channel.eventLoop.makePromise(of: String?.self)
            let waiter = TLSHandshakeWaiter(promise: promise)
            try channel.pipeline.syncOperations.addHandler(waiter)
            try channel.pipeline.syncOperations.addHandler(collector)
            channel.pipeline.fireUserInboundEventTriggered(TLSUserEvent.handshakeCompleted(negotiatedProtocol: "h2"))
            return NIOLoopBound(waiter, eventLoop: channel.eventLoop)
        }.get()
        #expect(try await channel.getOption(.autoRead).get() == false)
        channel.read()   // one explicit read: the server's bytes arrive while held
        var held = 0
        for _ in 0..<500 where held == 0 {
            held = try await channel.eventLoop.submit { waiter.value.heldReads }.get()
            if held == 0 { try await Task.sleep(for: .milliseconds(10)) }
        }
        #expect(held == 1)
        #expect(collector.received.withLockedValue { $0 }.isEmpty)
        try await channel.eventLoop.submit { TLSClientSetup.releaseHeldReads(channel.pipeline.syncOperations) }.get()
        #expect(collector.received.withLockedValue { $0 } == ["SETTINGS"])
        #expect(try await channel.getOption(.autoRead).get() == true)
        try await channel.close()
        try await server.close()
        try await group.shutdownGracefully()
    }
}
