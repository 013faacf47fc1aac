import NIOConcurrencyHelpers
import NIOCore
import NIOPosix
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// One address connected the way `SilentConnectRule` judges it: a first connect; when its SYN
/// is still unanswered at the rule's suspicion time, more connects beside it (each a SYN the
/// kernel retransmits on its own); the first to connect wins and the others are closed; an
/// error (a refusal, an ICMP unreachable) ends it at once; and when no SYN is answered by the
/// judgement time the address is judged silent, without waiting for the time limit. Without
/// a rule it is a single connect bounded by the limit, as nc makes it.
///
/// Runs on one event loop; every connect's channel is captured as it is created so that a
/// loser or a judged race closes it (a connect in flight then ends at once).
final class ParallelSYNConnect: Sendable {
    /// How it ended.
    enum Ending: Sendable {
        case connected(channel: any Channel, observed: EventLoopPromise<FirstReadObserver.Observation>, seconds: Double)
        case failed(any Error, seconds: Double)
        /// No SYN answered by the judgement time.
        case silent(seconds: Double)
    }

    struct Result: Sendable {
        var ending: Ending
        /// Connects started (SYNs sent, not counting the kernel's retransmissions).
        var connects: Int
        /// The reference round trip the judgement used, when one was measured.
        var referenceRoundTrip: Double?
    }

    private struct State {
        var channels: [any Channel] = []
        var started = 0
        var failedCount = 0
        var firstError: (any Error)?
        var finished = false
        var suspicionPassed = false
        var continuation: CheckedContinuation<Result, Never>?
        var pending: Result?
    }

    private let loop: any EventLoop
    private let socketAddress: SocketAddress
    private let limit: Duration
    /// The reference round trip as measured so far; nil: one connect, no judgement.
    private let roundTrip: (@Sendable () -> Double?)?
    /// Told once when the first SYN is still unanswered at the suspicion time.
    private let onSuspect: (@Sendable () -> Void)?
    private let start = ContinuousClock.now
    private let state = NIOLockedValueBox(State())

    /// - Parameters:
    ///   - limit: the longest any connect may take (and the race, without a judgement).
    ///   - roundTrip: the reference round trip to the address as it is measured (the rule
    ///     follows it); nil: a single connect bounded by `limit`, never judged silent.
    ///   - onSuspect: called when the extra connects go out (not when the race ended first).
    init(loop: any EventLoop, to socketAddress: SocketAddress, limit: Duration, roundTrip: (@Sendable () -> Double?)?,
         onSuspect: (@Sendable () -> Void)? = nil) {
        self.loop = loop
        self.socketAddress = socketAddress
        self.limit = limit
        self.roundTrip = roundTrip
        self.onSuspect = onSuspect
    }

    /// The rule for the round trip measured by now; nil without judgement.
    private var rule: SilentConnectRule? {
        roundTrip.map { SilentConnectRule(referenceRoundTripSeconds: $0()) }
    }

    func run(handlers: @escaping @Sendable (any Channel, EventLoopPromise<FirstReadObserver.Observation>) throws -> Void) async -> Result {
        await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                let ready = state.withLockedValue { state -> Result? in
                    if let pending = state.pending { return pending }
                    state.continuation = continuation
                    return nil
                }
                if let ready { continuation.resume(returning: ready); return }
                launch(handlers)
                if let rule {
                    let suspect = min(rule.suspectAfterSeconds, PhaseClock.seconds(limit))
                    loop.scheduleTask(in: PhaseClock.timeAmount(.milliseconds(Int64(suspect * 1000)))) { [self] in
                        suspicion(handlers)
                    }
                }
            }
        } onCancel: {
            finish(.failed(CancellationError(), seconds: elapsed))
        }
    }

    private var elapsed: Double { PhaseClock.seconds(since: start) }

    private func launch(_ handlers: @escaping @Sendable (any Channel, EventLoopPromise<FirstReadObserver.Observation>) throws -> Void) {
        let remaining = limit - (ContinuousClock.now - start)
        guard remaining > .zero else { return }
        let go = state.withLockedValue { state -> Bool in
            guard !state.finished else { return false }
            state.started += 1
            return true
        }
        guard go else { return }
        let observed = loop.makePromise(of: FirstReadObserver.Observation.self)
        let bootstrap = ClientBootstrap(group: loop)
            .connectTimeout(PhaseClock.timeAmount(remaining))
            .channelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture {
                    let open = state.withLockedValue { state -> Bool in
                        guard !state.finished else { return false }
                        state.channels.append(channel)
                        return true
                    }
                    guard open else { throw ChannelError.ioOnClosedChannel }
                    try handlers(channel, observed)
                }
            }
        bootstrap.connect(to: socketAddress).whenComplete { [self] result in
            switch result {
            case .success(let channel):
                if !finish(.connected(channel: channel, observed: observed, seconds: elapsed), keep: channel) {
                    channel.close(promise: nil)
                }
            case .failure(let error):
                observed.succeed(FirstReadObserver.Observation(event: .quiet))
                failed(error)
            }
        }
    }

    /// A connect failed: an error that is not a timeout ends the race with it; timeouts end it
    /// once every connect has timed out and no more will start.
    private func failed(_ error: any Error) {
        let end = state.withLockedValue { state -> (any Error)? in
            state.failedCount += 1
            if state.firstError == nil || Self.isTimeout(state.firstError) { state.firstError = error }
            if !Self.isTimeout(error) { return error }
            let morePossible = rule != nil && !state.suspicionPassed
            return state.failedCount == state.started && !morePossible ? state.firstError : nil
        }
        if let end { finish(.failed(end, seconds: elapsed)) }
    }

    private static func isTimeout(_ error: (any Error)?) -> Bool {
        if case ChannelError.connectTimeout? = error as? ChannelError { return true }
        if let io = error as? IOError, io.errnoCode == ETIMEDOUT { return true }
        return false
    }

    private func suspicion(_ handlers: @escaping @Sendable (any Channel, EventLoopPromise<FirstReadObserver.Observation>) throws -> Void) {
        let (go, allFailed) = state.withLockedValue { state -> (Bool, Bool) in
            state.suspicionPassed = true
            return (!state.finished, state.started > 0 && state.failedCount == state.started)
        }
        guard go else { return }
        if allFailed, let error = state.withLockedValue({ $0.firstError }) {
            finish(.failed(error, seconds: elapsed))
            return
        }
        onSuspect?()
        for _ in 1..<SilentConnectRule.synsWhenSuspect { launch(handlers) }
        scheduleJudgement()
    }

    /// Judges at the rule's time, re-reading the rule when the timer fires (a round trip
    /// measured meanwhile moves it).
    private func scheduleJudgement() {
        guard let rule else { return }
        let wait = rule.judgeAfterSeconds - elapsed
        if wait <= 0 {
            finish(.silent(seconds: elapsed))
            return
        }
        loop.scheduleTask(in: PhaseClock.timeAmount(.milliseconds(Int64(wait * 1000) + 1))) { [self] in
            scheduleJudgement()
        }
    }

    /// Ends the race (once): closes every channel but `keep`. Returns false when it had already ended.
    @discardableResult
    private func finish(_ ending: Ending, keep: (any Channel)? = nil) -> Bool {
        let result = Result(ending: ending, connects: state.withLockedValue { $0.started }, referenceRoundTrip: roundTrip?())
        let (continuation, others, first) = state.withLockedValue { state -> (CheckedContinuation<Result, Never>?, [any Channel], Bool) in
            guard !state.finished else { return (nil, [], false) }
            state.finished = true
            let continuation = state.continuation
            state.continuation = nil
            if continuation == nil { state.pending = result }
            return (continuation, state.channels.filter { $0 !== keep }, true)
        }
        for channel in others { channel.close(promise: nil) }
        continuation?.resume(returning: result)
        return first
    }
}
