import Foundation
import Testing
@testable import NetProbes

struct ProbeDeadlineTests {
    @Test func operationThatOutlivesTheDeadlineIsCancelled() async {
        let result: Int? = await withDeadline(.after(seconds: 0.05)) {
            try? await Task.sleep(for: .seconds(30))
            return Task.isCancelled ? -1 : 1
        }
        #expect(result == nil)
    }

    /// getaddrinfo on its own thread cannot be cancelled; the caller must still get its answer
    /// at the deadline. The blocked thread is released only after withDeadline returned, so a
    /// withDeadline that waited for its operation would never return (the time limit fails it).
    @Test(.timeLimit(.minutes(1)))
    func uncancellableOperationIsAbandonedAtTheDeadline() async {
        let gate = DispatchSemaphore(value: 0)
        let result: Int? = await withDeadline(.after(seconds: 0.05)) {
            await withCheckedContinuation { continuation in
                Thread.detachNewThread {
                    gate.wait()
                    continuation.resume(returning: 1)
                }
            }
        }
        #expect(result == nil)
        gate.signal()
    }

    @Test func cancellingTheCallerReturnsNil() async {
        let task = Task { await withDeadline(.after(seconds: 30)) { () async -> Int in
            try? await Task.sleep(for: .seconds(30))
            return 1
        } }
        task.cancel()
        #expect(await task.value == nil)
    }

    @Test func operationWithinTheDeadlineReturnsItsValue() async {
        let result = await withDeadline(.after(seconds: 5)) { 42 }
        #expect(result == 42)
    }

    @Test func cappedTakesTheEarlier() {
        let far = ProbeDeadline.after(seconds: 60)
        #expect(far.capped(at: .seconds(1)) < far)
        let near = ProbeDeadline.after(seconds: 0.5)
        #expect(near.capped(at: .seconds(10)) == near)
    }

    @Test func outcomeEncodesFlat() throws {
        let json = String(decoding: try JSONEncoder().encode(ProbeOutcome.failed(FailureClass("timeout", "no answer"))), as: UTF8.self)
        #expect(json.contains("\"status\":\"failed\"") && json.contains("\"code\":\"timeout\""))
    }
}
