import NIOConcurrencyHelpers
import NIOCore

/// Ends the reset watch of every connection a TCP probe made (see `TCPConnector`): once a
/// caller has proof that the port does not accept-then-reset — a TLS handshake and an HTTP
/// answer on a connection of its own — the rest of the 0.3 s window adds nothing but time.
/// Connects still in progress (another address family) are not affected.
public final class TCPWatchCutoff: Sendable {
    private let state = NIOLockedValueBox<(ended: Bool, watches: [EventLoopPromise<FirstReadObserver.Observation>])>((false, []))

    public init() {}

    /// Ends every watch, and every watch registered from now on at once.
    public func end() {
        let watches = state.withLockedValue { state in
            state.ended = true
            defer { state.watches = [] }
            return state.watches
        }
        for watch in watches { watch.succeed(FirstReadObserver.Observation(event: .quiet)) }
    }

    /// Adds a connection's watch; ends it at once when the cutoff already happened.
    func register(_ watch: EventLoopPromise<FirstReadObserver.Observation>) {
        let ended = state.withLockedValue { state in
            if !state.ended { state.watches.append(watch) }
            return state.ended
        }
        if ended { watch.succeed(FirstReadObserver.Observation(event: .quiet)) }
    }
}
