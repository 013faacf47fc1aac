import ModuleFetch
import Testing

@Suite
struct ToolchainTests {
    @Test
    func languageVersionsAreNotToolchainNames() {
        #expect(ToolchainChecker.isLanguageVersionOnly("go1.22"))
        #expect(ToolchainChecker.isLanguageVersionOnly("1.21"))
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.22.0"))
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.20"), "before 1.21 the release was named go1.20")
        #expect(!ToolchainChecker.isLanguageVersionOnly("go1.22rc1"))
    }
}
