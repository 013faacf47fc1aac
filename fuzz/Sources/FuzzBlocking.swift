import Dispatch

/// Holds a result across the task boundary; written once before the semaphore is signalled.
private final class ResultBox<T>: @unchecked Sendable {
    var value: T?
}

/// Runs async code to completion from libFuzzer's synchronous callback. The readers the
/// targets pass never wait on anything external, so the task finishes promptly.
func runBlocking<T: Sendable>(_ body: @escaping @Sendable () async -> T) -> T {
    let box = ResultBox<T>()
    let done = DispatchSemaphore(value: 0)
    Task {
        box.value = await body()
        done.signal()
    }
    done.wait()
    guard let value = box.value else { fatalError("task finished without a value") }
    return value
}
