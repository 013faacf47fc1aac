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
