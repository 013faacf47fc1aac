import Foundation

/// Set once from any thread (task cancellation), read by the pinger thread.
final class StopFlag: @unchecked Sendable {
    private let lock = NSLock()
    private var set = false

    var isSet: Bool { lock.withLock { set } }
    func raise() { lock.withLock { set = true } }
}
