import Testing
@testable import GoModConfig

private func failure(_ text: String) -> String? {
    do {
        _ = try GoFlags.parse(text)
        return nil
    } catch {
        #expect(error.input == "GOFLAGS")
        return error.message
    }
}

@Suite struct GoFlagsTests {
    @Test func flagsAndModuleSettingsAreExtracted() throws {
        let flags = try GoFlags.parse("-mod=mod  -modcacherw\t--test.benchtime=1s -count=10 -mod=vendor")
        #expect(flags.flags == [
            GoFlag(name: "mod", value: "mod"), GoFlag(name: "modcacherw"), GoFlag(name: "test.benchtime", value: "1s"),
            GoFlag(name: "count", value: "10"), GoFlag(name: "mod", value: "vendor"),
        ])
        #expect(flags.mod == "vendor")
        #expect(flags.modcacherw)
        #expect(!flags.insecure)
        #expect(try GoFlags.parse("") == GoFlags())
        #expect(try GoFlags.parse("-modcacherw=false").modcacherw == false)
        #expect(try GoFlags.parse("-modcacherw=T").modcacherw)
        #expect(try GoFlags.parse("--insecure").insecure)
        #expect(try GoFlags.parse("-mod=").mod == "")
        #expect(try GoFlags.parse("-modfile=/tmp/alt.mod").modfile == "/tmp/alt.mod")
        #expect(try GoFlags.parse("-pgo=off -skip=TestX").flags.count == 2) // newer toolchains' flags
        // goflags.txt: -e -f={{.Dir}} are legal GOFLAGS words
        #expect(try GoFlags.parse("-e -f={{.Dir}} --test.benchtime=1s -count=10").flags.count == 4)
    }

    /// Texts checked against `go list` of Go 1.19 (cmd/go/testdata/script/goflags.txt,
    /// vet_flags.txt), without the "go: " prefix.
    @Test func goflagsScriptErrors() {
        #expect(failure("-typoflag") == "parsing $GOFLAGS: unknown flag -typoflag")
        #expect(failure("-") == "parsing $GOFLAGS: non-flag \"-\"")
        #expect(failure("--") == "parsing $GOFLAGS: non-flag \"--\"")
        #expect(failure("---oops") == "parsing $GOFLAGS: non-flag \"---oops\"")
        #expect(failure("-=noname") == "parsing $GOFLAGS: non-flag \"-=noname\"")
        #expect(failure("--=noname") == "parsing $GOFLAGS: non-flag \"--=noname\"")
        #expect(failure("mod=mod") == "parsing $GOFLAGS: non-flag \"mod=mod\"")
        #expect(failure("-unsafeptr") == "parsing $GOFLAGS: unknown flag -unsafeptr")
        #expect(failure("--mod-vendor") == "parsing $GOFLAGS: unknown flag -mod-vendor")
    }

    @Test func moduleFlagValueErrors() {
        #expect(failure("-mod") == "flag needs an argument: -mod (from $GOFLAGS)")
        #expect(failure("--mod") == "flag needs an argument: -mod (from $GOFLAGS)")
        #expect(failure("-modfile") == "flag needs an argument: -modfile (from $GOFLAGS)")
        #expect(failure("-modcacherw=asdf") == "invalid boolean value \"asdf\" for flag -modcacherw (from $GOFLAGS): parse error")
        #expect(failure("-mod=readonly -mod=vndor") == "-mod=vndor not supported (can be '', 'mod', 'readonly', or 'vendor')")
    }
}
