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

/// Runs `operation` until it finishes or `deadline` passes, whichever is first. On time-out
/// the operation's task is cancelled and `nil` is returned; the operation must honour
/// cancellation (NIO channels closed, sockets shut down) so nothing outlives the deadline.
public func withDeadline<T: Sendable>(_ deadline: ProbeDeadline,
                                      _ operation: @escaping @Sendable () async -> T) async -> T? {
    await withTaskGroup(of: T?.self) { group in
        group.addTask { await operation() }
        group.addTask {
            try? await Task.sleep(until: deadline.instant, clock: .continuous)
            return nil
        }
        let first = await group.next() ?? nil
        group.cancelAll()
        return first
    }
}
