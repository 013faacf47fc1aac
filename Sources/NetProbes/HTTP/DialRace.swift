import Foundation
import NIOCore

/// The go command's dialer as it really dials (net/dial.go `dialParallel`, net/ipsock.go
/// `partition`, net/dial.go `partialDeadline`): the addresses of getaddrinfo's first family are
/// tried one after another, the other family's start 300 ms later (at once if the first family
/// already failed), the first connection wins. Each serial attempt gets an equal share of the
/// time left, at least 2 s. Without the race a silently dropped IPv6 address would take the
/// whole deadline although the go command falls back to IPv4 and succeeds.
///
/// The caller gets the winner the moment it connects; a racer still connecting is left to
/// end on its own and closes whatever it connects afterwards.
final class DialRace: @unchecked Sendable {
    static let fallbackDelay: Duration = .milliseconds(300)
    static let saneMinimum: Duration = .seconds(2)

    struct Outcome {
        var attempts: [ConnectAttempt]
        var channel: (any Channel)?
        var connectSeconds: Double?
    }

    typealias Connect = @Sendable (ResolvedAddress, ProbeDeadline) async -> (ConnectAttempt, (any Channel)?)

    private let lock = NSLock()
    private var attempts: [ConnectAttempt] = []
    private var winner: (channel: any Channel, seconds: Double)?
    private var finished = false
    private var primaryFailed = false
    private var racersLeft: Int
    private var continuation: CheckedContinuation<Outcome, Never>?

    private init(racers: Int) {
        racersLeft = racers
    }

    /// Dials `addresses` (getaddrinfo order) the way the go command does; `connect` makes one attempt.
    static func run(_ addresses: [ResolvedAddress], deadline: ProbeDeadline, connect: @escaping Connect) async -> Outcome {
        guard let firstFamily = addresses.first?.family else { return Outcome(attempts: []) }
        let primaries = addresses.filter { $0.family == firstFamily }
        let fallbacks = addresses.filter { $0.family != firstFamily }
        let race = DialRace(racers: fallbacks.isEmpty ? 1 : 2)
        // A cancelled caller gets the attempts so far at once, without a connection; the
        // racers still connecting end on their own and close whatever they connect later.
        return await withTaskCancellationHandler {
            await withCheckedContinuation { continuation in
                race.install(continuation)
                Task { await race.serial(primaries, primary: true, deadline: deadline, connect: connect) }
                if !fallbacks.isEmpty {
                    Task {
                        await race.waitForFallbackStart(deadline: deadline)
                        await race.serial(fallbacks, primary: false, deadline: deadline, connect: connect)
                    }
                }
            }
        } onCancel: {
            race.cancel()
        }
    }

    /// Ends the race for a cancelled caller: no winner from now on (a connection that comes
    /// later is closed by its racer).
    private func cancel() {
        lock.lock()
        guard !finished else {
            lock.unlock()
            return
        }
        if let winner {
            // Unreachable (a winner finishes the race), kept for safety: never hand it out.
            winner.channel.close(promise: nil)
            self.winner = nil
        }
        finishAndUnlock()
    }

    /// `partialDeadline`: an equal share of what is left for each remaining address, at least 2 s.
    static func partialDeadline(_ deadline: ProbeDeadline, addressesLeft: Int) -> ProbeDeadline {
        let remaining = deadline.remaining
        guard addressesLeft > 1 else { return deadline }
        var share = remaining / addressesLeft
        if share < saneMinimum { share = min(remaining, saneMinimum) }
        return deadline.capped(at: share)
    }

    private func install(_ continuation: CheckedContinuation<Outcome, Never>) {
        lock.lock()
        if finished {
            let outcome = snapshot()
            lock.unlock()
            continuation.resume(returning: outcome)
            return
        }
        self.continuation = continuation
        lock.unlock()
    }

    private func serial(_ addresses: [ResolvedAddress], primary: Bool, deadline: ProbeDeadline, connect: Connect) async {
        for (index, address) in addresses.enumerated() {
            if deadline.hasPassed || isFinished { break }
            let (attempt, channel) = await connect(address, Self.partialDeadline(deadline, addressesLeft: addresses.count - index))
            if !record(attempt, channel: channel) { break }
        }
        racerEnded(primary: primary)
    }

    /// Sleeps the fallback delay in short steps, ending early when the primaries failed.
    private func waitForFallbackStart(deadline: ProbeDeadline) async {
        let start = ContinuousClock.now
        while ContinuousClock.now - start < Self.fallbackDelay, !deadline.hasPassed {
            if fallbackMayStart { return }
            try? await Task.sleep(for: .milliseconds(10))
        }
    }

    private var fallbackMayStart: Bool {
        lock.withLock { primaryFailed || finished }
    }

    private var isFinished: Bool {
        lock.lock()
        defer { lock.unlock() }
        return finished
    }

    /// Keeps an attempt; a connection becomes the winner unless one already won (then it is
    /// closed). Returns whether the racer should go on.
    private func record(_ attempt: ConnectAttempt, channel: (any Channel)?) -> Bool {
        lock.lock()
        if finished {
            lock.unlock()
            channel?.close(promise: nil)
            return false
        }
        attempts.append(attempt)
        guard let channel else {
            lock.unlock()
            return true
        }
        winner = (channel, attempt.durationSeconds)
        finishAndUnlock()
        return false
    }

    private func racerEnded(primary: Bool) {
        lock.lock()
        if primary { primaryFailed = true }
        racersLeft -= 1
        guard racersLeft == 0, !finished else {
            lock.unlock()
            return
        }
        finishAndUnlock()
    }

    /// Call with the lock held: marks the race finished, releases the lock and resumes the caller.
    private func finishAndUnlock() {
        finished = true
        let outcome = snapshot()
        let waiting = continuation
        continuation = nil
        lock.unlock()
        waiting?.resume(returning: outcome)
    }

    /// Call with the lock held.
    private func snapshot() -> Outcome {
        Outcome(attempts: attempts, channel: winner?.channel, connectSeconds: winner?.seconds)
    }
}
