@testable import Doctor
import Testing

/// The public resolvers' grace after the main work: small, growing a little with a slow
/// network, and bounded so a silent resolver never holds a verdict by more than 0.15 s.
@Suite
struct WitnessGraceTests {
    @Test
    func graceIsSmallAndBounded() {
        #expect(WitnessResolvers.grace(mainWorkTook: .zero) == .milliseconds(50))
        #expect(WitnessResolvers.grace(mainWorkTook: .milliseconds(400)) == .milliseconds(100))
        #expect(WitnessResolvers.grace(mainWorkTook: .seconds(8)) == .milliseconds(150))
    }
}
