/// Results computed once per key, with concurrent callers for the same key waiting for the
/// first one instead of repeating its work (x/mod's `par.Cache`). Held inside an actor: the
/// first caller does the work in its own task (structured, no spawned tasks), later callers
/// suspend on a continuation until it finishes. Results, failures included, are kept.
struct InFlightResults<Key: Hashable & Sendable, Value: Sendable> {
    private enum Slot {
        case running([CheckedContinuation<Value, Never>])
        case done(Value)
    }

    private var slots: [Key: Slot] = [:]

    /// What the caller should do for `key`.
    enum Claim {
        /// The value is known.
        case ready(Value)
        /// Someone else is computing it: wait with `wait(for:)`.
        case pending
        /// The caller must compute it and then call `finish(_:with:)`.
        case claimed
    }

    mutating func claim(_ key: Key) -> Claim {
        switch slots[key] {
        case .done(let value): return .ready(value)
        case .running: return .pending
        case nil:
            slots[key] = .running([])
            return .claimed
        }
    }

    /// Registers a waiter; call only after `claim` returned `.pending`, from the same actor.
    mutating func addWaiter(_ key: Key, _ continuation: CheckedContinuation<Value, Never>) {
        switch slots[key] {
        case .done(let value): continuation.resume(returning: value)
        case .running(let waiters): slots[key] = .running(waiters + [continuation])
        case nil: slots[key] = .running([continuation])
        }
    }

    /// Stores the value and wakes every waiter.
    mutating func finish(_ key: Key, with value: Value) {
        if case .running(let waiters) = slots[key] {
            for waiter in waiters { waiter.resume(returning: value) }
        }
        slots[key] = .done(value)
    }
}
