import Foundation

/// One deadline that flows down through every probe of a run (async-http-client's
/// `execute(_:deadline:)` habit): a probe never runs past it, and each step takes what is left
/// rather than a timeout of its own.
public struct ProbeDeadline: Sendable, Comparable {
    public let instant: ContinuousClock.Instant

    public init(_ instant: ContinuousClock.Instant) {
        self.instant = instant
    }

    public static func after(seconds: Double) -> ProbeDeadline {
        ProbeDeadline(.now + .milliseconds(Int64(seconds * 1000)))
    }

    public static func after(_ duration: Duration) -> ProbeDeadline {
        ProbeDeadline(.now + duration)
    }

    /// Time left; zero once passed.
    public var remaining: Duration {
        let left = instant - .now
        return left < .zero ? .zero : left
    }

    public var hasPassed: Bool { ContinuousClock.now >= instant }

    /// The earlier of this deadline and `duration` from now (a per-step cap inside the budget).
    public func capped(at duration: Duration) -> ProbeDeadline {
        Swift.min(self, .after(duration))
    }

    public static func < (lhs: ProbeDeadline, rhs: ProbeDeadline) -> Bool { lhs.instant < rhs.instant }
}

/// Runs `operation` until it finishes or `deadline` passes (or the caller is cancelled),
/// whichever is first, and returns at that moment: on time-out `nil` comes back AT the deadline
/// and the operation's task is cancelled and left to end on its own. Waiting for it (a task
/// group does) would let a call that cannot be cancelled — getaddrinfo on its own thread, which
/// retries resolv.conf's servers for 5 s × 2 — carry the whole run past its deadline.
public func withDeadline<T: Sendable>(_ deadline: ProbeDeadline,
                                      _ operation: @escaping @Sendable () async -> T) async -> T? {
    let race = DeadlineRace<T>()
    return await withTaskCancellationHandler {
        await withCheckedContinuation { (continuation: CheckedContinuation<T?, Never>) in
            race.start(continuation)
            race.adopt(Task { race.finish(await operation()) })
            race.adopt(Task {
                try? await Task.sleep(until: deadline.instant, clock: .continuous)
                race.finish(nil)
            })
        }
    } onCancel: {
        race.finish(nil)
    }
}

/// The first of the operation, the timer and cancellation to finish resumes the caller once;
/// the other tasks are cancelled.
final class DeadlineRace<T: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var continuation: CheckedContinuation<T?, Never>?
    /// Set once; the value the caller gets.
    private var outcome: T??
    private var tasks: [Task<Void, Never>] = []

    func start(_ continuation: CheckedContinuation<T?, Never>) {
        lock.lock()
        guard let outcome else {
            self.continuation = continuation
            lock.unlock()
            return
        }
        lock.unlock()
        continuation.resume(returning: outcome)
    }

    func adopt(_ task: Task<Void, Never>) {
        lock.lock()
        let done = outcome != nil
        if !done { tasks.append(task) }
        lock.unlock()
        if done { task.cancel() }
    }

    func finish(_ value: T?) {
        lock.lock()
        guard outcome == nil else {
            lock.unlock()
            return
        }
        outcome = .some(value)
        let waiting = continuation
        continuation = nil
        let running = tasks
        tasks = []
        lock.unlock()
        waiting?.resume(returning: value)
        running.forEach { $0.cancel() }
    }
}
