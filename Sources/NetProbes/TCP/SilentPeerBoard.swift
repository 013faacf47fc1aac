import NIOConcurrencyHelpers

/// The ports one run has judged silent (`SilentConnectRule`), shared by its endpoint probes and
/// its module fetches: a fetch still dialing a port the endpoint probe already judged silent
/// gives up at once with the go command's dial timeout, instead of waiting out its own bound.
/// Keys are "ip:port" (`ResolvedAddress.withPort`).
public final class SilentPeerBoard: Sendable {
    private struct State {
        var silent: [String: Double] = [:]
        var waiting: [String: [@Sendable () -> Void]] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    /// Records that `endpoint` answered none of the SYNs sent to it for `seconds`, and wakes the
    /// dials waiting on it.
    public func judgeSilent(_ endpoint: String, afterSeconds seconds: Double) {
        let woken = state.withLockedValue { state -> [@Sendable () -> Void] in
            guard state.silent[endpoint] == nil else { return [] }
            state.silent[endpoint] = seconds
            return state.waiting.removeValue(forKey: endpoint) ?? []
        }
        for wake in woken { wake() }
    }

    /// After how long `endpoint` was judged silent, or nil.
    public func silentAfter(_ endpoint: String) -> Double? {
        state.withLockedValue { $0.silent[endpoint] }
    }

    /// Returns true once every one of `keys` is judged silent (at once when they are), false
    /// when the calling task is cancelled first or `keys` is empty.
    public func allSilent(_ keys: [String]) async -> Bool {
        guard !keys.isEmpty else { return false }
        let once = NIOLockedValueBox<CheckedContinuation<Bool, Never>?>(nil)
        let left = NIOLockedValueBox(Set(keys))
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                once.withLockedValue { $0 = continuation }
                if Task.isCancelled { once.withLockedValue { $0.take() }?.resume(returning: false) }
                for key in keys {
                    whenSilent(key) {
                        let done = left.withLockedValue { left in left.remove(key); return left.isEmpty }
                        if done { once.withLockedValue { $0.take() }?.resume(returning: true) }
                    }
                }
            }
        } onCancel: {
            once.withLockedValue { $0.take() }?.resume(returning: false)
        }
    }

    /// Calls `action` once `endpoint` is judged silent (at once when it already is).
    public func whenSilent(_ endpoint: String, _ action: @escaping @Sendable () -> Void) {
        let now = state.withLockedValue { state -> Bool in
            if state.silent[endpoint] != nil { return true }
            state.waiting[endpoint, default: []].append(action)
            return false
        }
        if now { action() }
    }
}
