import NIOCore
import NIOPosix

/// Runs the connect path once over loopback before the first measured connect of a process.
/// Measured in the lab: the first connect of a process read 41–52 ms on a 40 ms path while
/// later ones read 40.3–40.8 ms (curl: 40.4 ms) — one-time set-up of the event loop and the
/// runtime landed in the connect phase. Loopback only; failures are ignored.
enum DialerWarmUp {
    static let done: Bool = {
        let group = MultiThreadedEventLoopGroup.singleton
        let bootstrap = ServerBootstrap(group: group)
            .childChannelInitializer { channel in channel.eventLoop.makeSucceededVoidFuture() }
        guard let server = try? bootstrap.bind(host: "127.0.0.1", port: 0).wait(),
              let port = server.localAddress?.port else { return false }
        defer { try? server.close().wait() }
        let timing = ConnectTiming()
        let client = try? ClientBootstrap(group: group)
            .connectTimeout(.seconds(1))
            .channelOption(ChannelOptions.socketOption(.tcp_nodelay), value: 1)
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    try channel.pipeline.syncOperations.addHandler(ConnectTimingHandler(timing: timing))
                }
            }
            .connect(host: "127.0.0.1", port: port).wait()
        try? client?.close().wait()
        return client != nil
    }()
}
