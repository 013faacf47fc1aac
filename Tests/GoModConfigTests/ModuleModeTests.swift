import Testing
@testable import GoModConfig

@Suite struct ModuleModeTests {
    @Test func moduleModeValues() throws {
        #expect(try ModuleMode.parse("") == .on)
        #expect(try ModuleMode.parse("on") == .on)
        #expect(try ModuleMode.parse("off") == .off)
        #expect(try ModuleMode.parse("auto") == .auto)
        #expect(throws: ConfigInputError(input: "GO111MODULE", message: "go: unknown environment setting GO111MODULE=ON")) {
            try ModuleMode.parse("ON")
        }
        #expect(throws: ConfigInputError(input: "GO111MODULE", message: "go: unknown environment setting GO111MODULE= on")) {
            try ModuleMode.parse(" on")
        }
    }
}
