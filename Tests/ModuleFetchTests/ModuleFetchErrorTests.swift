import Testing
@testable import ModuleFetch

@Test func errorPrintsTheGoText() {
    #expect(ModuleFetchError("note", "malformed note").description == "malformed note")
}
