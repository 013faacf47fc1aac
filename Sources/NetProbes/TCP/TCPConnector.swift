import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#endif

/// One TCP connect to one address on the shared NIO event loop group, bounded by a time limit
/// and the deadline, followed by a short watch for a peer that accepts and then resets.
struct TCPConnector: Sendable {
    /// Longest a single connect may take (nc's -w).
    var attemptTimeout: Duration
    /// How long to watch a new connection at least (three connect times if longer: an RST
    /// sent right after accept arrives about one round trip after the handshake).
    var watchWindow: Duration
    /// Ends the watch early when the caller has proof enough (see `TCPWatchCutoff`).
    var cutoff: TCPWatchCutoff?

    /// - Parameter onConnected: called once the handshake completed, before the watch window
    ///   (a caller may start what needs a connectable port without waiting for the window).
    func attempt(_ address: ResolvedAddress, port: Int, order: Int, deadline: ProbeDeadline,
                 onConnected: (@Sendable () -> Void)? = nil) async -> TCPConnectAttempt {
        let endpoint = address.withPort(port)
        let limit = deadline.capped(at: attemptTimeout)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let observed = loop.makePromise(of: FirstReadObserver.Observation.self)
        let timing = ConnectTiming()
        let start = ContinuousClock.now
        func failed(_ result: TCPConnectAttempt.Result, errno code: Int32?, detail: String) -> TCPConnectAttempt {
            observed.succeed(FirstReadObserver.Observation(event: .quiet))
            var attempt = TCPConnectAttempt(address: address, port: port, order: order, result: result,
                                            connectMilliseconds: Self.milliseconds(since: start))
            attempt.errno = code.map(ErrnoText.describe)
            attempt.detail = detail
            return attempt
        }
        let socketAddress: SocketAddress
        do {
            socketAddress = try address.socketAddress(port: port)
        } catch {
            return failed(.error, errno: nil, detail: "dial tcp \(endpoint): \(error)")
        }
        let remaining = limit.remaining
        guard remaining > .zero else { return failed(.timeout, errno: nil, detail: TCPFailureClassifier.timeoutDetail(endpoint: endpoint)) }
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(.nanoseconds(Int64(remaining / .nanoseconds(1))))
            .channelInitializer { channel in
                channel.eventLoop.makeCompletedFuture {
                    // Timed on the event loop, from just before connect(2) to channelActive (the
                    // HTTP dialer's handler): the awaiting task's view adds hops.
                    try channel.pipeline.syncOperations.addHandler(ConnectTimingHandler(timing: timing))
                    try channel.pipeline.syncOperations.addHandler(FirstReadObserver(promise: observed))
                }
            }
        let channel: any Channel
        do {
            channel = try await bootstrap.connect(to: socketAddress).get()
        } catch let error as IOError {
            let result = TCPFailureClassifier.result(forConnectErrno: error.errnoCode)
            return failed(result, errno: error.errnoCode,
                          detail: result == .timeout ? TCPFailureClassifier.timeoutDetail(endpoint: endpoint)
                                                     : TCPFailureClassifier.connectDetail(endpoint: endpoint, errno: error.errnoCode))
        } catch ChannelError.connectTimeout {
            return failed(.timeout, errno: nil, detail: TCPFailureClassifier.timeoutDetail(endpoint: endpoint))
        } catch {
            return failed(.error, errno: nil, detail: "dial tcp \(endpoint): \(error)")
        }
        onConnected?()
        let connectMilliseconds = timing.seconds.map { $0 * 1000 } ?? Self.milliseconds(since: start)
        let window = max(watchWindow, .microseconds(Int64(connectMilliseconds * 3000)))
        // A future's get() ignores task cancellation, so the window is a timer on the loop that
        // completes the promise (a no-op when the peer already did something).
        let watchEnd = deadline.capped(at: window).remaining
        let timer = loop.scheduleTask(in: .nanoseconds(Int64(watchEnd / .nanoseconds(1)))) {
            observed.succeed(FirstReadObserver.Observation(event: .quiet))
        }
        cutoff?.register(observed)
        let watched = await withTaskCancellationHandler {
            try? await observed.futureResult.get()
        } onCancel: {
            observed.succeed(FirstReadObserver.Observation(event: .quiet))
        }
        timer.cancel()
        let local = channel.localAddress.flatMap { address -> String? in
            guard let ip = address.ipAddress, let port = address.port else { return nil }
            return ResolvedAddress(literal: ip)?.withPort(port)
        }
        try? await channel.close()
        observed.succeed(FirstReadObserver.Observation(event: .quiet))
        let observation = watched ?? FirstReadObserver.Observation(event: .quiet)
        var attempt = TCPConnectAttempt(address: address, port: port, order: order,
                                        result: observation.event == .reset ? .reset : .ok,
                                        connectMilliseconds: connectMilliseconds)
        attempt.afterConnect = observation.event
        if observation.event == .data { attempt.bytesReceived = observation.bytes }
        if observation.event == .reset {
            attempt.errno = ErrnoText.describe(ECONNRESET)
            attempt.detail = TCPFailureClassifier.readResetDetail(local: local, endpoint: endpoint)
        }
        return attempt
    }

    static func milliseconds(since start: ContinuousClock.Instant) -> Double {
        (ContinuousClock.now - start) / .milliseconds(1)
    }
}
