import Testing
@testable import GoModConfig

private func failure(_ text: String) -> String? {
    do {
        _ = try ToolchainSetting.parse(text)
        return nil
    } catch {
        #expect(error.input == "GOTOOLCHAIN")
        return error.message
    }
}

@Suite struct ToolchainSettingTests {
    @Test func acceptedSettings() throws {
        #expect(try ToolchainSetting.parse("local") == .local)
        #expect(try ToolchainSetting.parse("") == .local)
        #expect(try ToolchainSetting.parse("auto") == .auto)
        #expect(try ToolchainSetting.parse("path") == .path)
        #expect(try ToolchainSetting.parse("local+auto") == .auto)
        #expect(try ToolchainSetting.parse("local+path") == .path)
        #expect(try ToolchainSetting.parse("go1.21.3") == .named("go1.21.3", fallback: nil))
        #expect(try ToolchainSetting.parse("go1.21.3+auto") == .named("go1.21.3", fallback: .auto))
        #expect(try ToolchainSetting.parse("go1.21.3+path") == .named("go1.21.3", fallback: .path))
        #expect(try ToolchainSetting.parse("go1.22rc1") == .named("go1.22rc1", fallback: nil))
        #expect(try ToolchainSetting.parse("go1.21") == .named("go1.21", fallback: nil))
        #expect(try ToolchainSetting.parse("go1.21.3-bigcorp") == .named("go1.21.3-bigcorp", fallback: nil))
    }

    @Test func selectErrorTexts() {
        // cmd/go/internal/toolchain/select.go (Go 1.21+), without the "go: " prefix
        #expect(failure("bash") == "invalid GOTOOLCHAIN \"bash\"")
        #expect(failure("1.21.3") == "invalid GOTOOLCHAIN \"1.21.3\"")
        #expect(failure("go1.21.03") == "invalid GOTOOLCHAIN \"go1.21.03\"")
        #expect(failure("go1.21.3.4") == "invalid GOTOOLCHAIN \"go1.21.3.4\"")
        #expect(failure("go1.21RC1") == "invalid GOTOOLCHAIN \"go1.21RC1\"")
        #expect(failure("gox+auto") == "invalid GOTOOLCHAIN \"gox+auto\": invalid minimum toolchain \"gox\"")
        #expect(failure("go1.21.3+local") == "invalid GOTOOLCHAIN \"go1.21.3+local\": only version suffixes are +auto and +path")
        #expect(failure("local+") == "invalid GOTOOLCHAIN \"local+\": only version suffixes are +auto and +path")
        #expect(failure("go2.0") == "invalid GOTOOLCHAIN \"go2.0\"")
        #expect(failure("Auto") == "invalid GOTOOLCHAIN \"Auto\"")
    }

    @Test func toolchainModuleVersion() {
        #expect(ToolchainSetting.downloadVersion(toolchain: "go1.21.3", goos: "linux", goarch: "amd64") == "v0.0.1-go1.21.3.linux-amd64")
    }

    @Test func goVersionSyntax() {
        for valid in ["1", "1.21", "1.21.0", "1.21rc1", "1.22beta", "0", "1.2.3rc1"] {
            #expect(GoVersionSyntax.isValid(valid), "\(valid)")
        }
        for invalid in ["", "01", "1.", "1.21.", "1.21-x", "1.2.3.", "1.2.3-rc1", "rc1", "1.21rc01", "1.21RC1"] {
            #expect(!GoVersionSyntax.isValid(invalid), "\(invalid)")
        }
    }
}
