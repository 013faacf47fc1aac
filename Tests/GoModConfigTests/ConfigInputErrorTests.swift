import Testing
@testable import GoModConfig

@Test func positionIsPrintedLikeTheGoCommand() {
    #expect(ConfigInputError(input: "go.mod", line: 3, column: 5, message: "unknown directive: foo").description
        == "go.mod:3:5: unknown directive: foo")
    #expect(ConfigInputError(input: "GOPROXY", message: "invalid proxy URL missing scheme: foo").description
        == "GOPROXY: invalid proxy URL missing scheme: foo")
}
