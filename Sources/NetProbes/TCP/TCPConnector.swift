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
    /// Judge a silent port by `SilentConnectRule` instead of waiting out `attemptTimeout`; nil: one connect, as nc makes it.
    var silence: SilentConnectJudging?

    func attempt(_ address: ResolvedAddress, port: Int, order: Int, deadline: ProbeDeadline) async -> TCPConnectAttempt {
        let endpoint = address.withPort(port)
        let limit = deadline.capped(at: attemptTimeout)
        let loop = MultiThreadedEventLoopGroup.singleton.next()
        let timing = ConnectTiming()
        let start = ContinuousClock.now
        func failed(_ result: TCPConnectAttempt.Result, errno code: Int32?, detail: String) -> TCPConnectAttempt {
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
        let roundTrips = silence?.roundTrips
        let ip = address.ip
        var roundTrip: (@Sendable () -> Double?)?
        if silence != nil { roundTrip = { @Sendable in roundTrips?.seconds(ip: ip) } }
        let onSuspect = silence?.onSuspect.map { tell in { @Sendable in tell(ip) } }
        let race = ParallelSYNConnect(loop: loop, to: socketAddress, limit: remaining, roundTrip: roundTrip, onSuspect: onSuspect)
        let raced = await race.run { channel, observer in
            // Timed on the event loop, from just before connect(2) to channelActive: the awaiting task's view adds hops.
            try channel.pipeline.syncOperations.addHandler(ConnectTimingHandler(timing: timing))
            try channel.pipeline.syncOperations.addHandler(FirstReadObserver(promise: observer))
        }
        let channel: any Channel
        let observed: EventLoopPromise<FirstReadObserver.Observation>
        let raceSeconds: Double
        switch raced.ending {
        case .connected(let winner, let observation, let seconds):
            channel = winner
            observed = observation
            raceSeconds = seconds
        case .silent(let seconds):
            silence?.board?.judgeSilent(endpoint, afterSeconds: seconds)
            var attempt = failed(.timeout, errno: nil, detail: TCPFailureClassifier.timeoutDetail(endpoint: endpoint))
            attempt.silentJudgement = TCPConnectAttempt.SilentJudgement(syns: raced.connects, afterMilliseconds: seconds * 1000,
                                                                        referenceRoundTripMilliseconds: raced.referenceRoundTrip.map { $0 * 1000 })
            return attempt
        case .failed(let error as IOError, _):
            let result = TCPFailureClassifier.result(forConnectErrno: error.errnoCode)
            return failed(result, errno: error.errnoCode,
                          detail: result == .timeout ? TCPFailureClassifier.timeoutDetail(endpoint: endpoint)
                                                     : TCPFailureClassifier.connectDetail(endpoint: endpoint, errno: error.errnoCode))
        case .failed(ChannelError.connectTimeout, _), .failed(is CancellationError, _):
            return failed(.timeout, errno: nil, detail: TCPFailureClassifier.timeoutDetail(endpoint: endpoint))
        case .failed(let error, _):
            return failed(.error, errno: nil, detail: "dial tcp \(endpoint): \(error)")
        }
        // One connect: its own handshake time; several: from the first SYN (the timing handlers
        // of the connects share one clock, and the user waited from the first).
        let connectMilliseconds = raced.connects == 1 ? (timing.seconds.map { $0 * 1000 } ?? raceSeconds * 1000) : raceSeconds * 1000
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
