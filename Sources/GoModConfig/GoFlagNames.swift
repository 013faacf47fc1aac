/// Every flag name some Go 1.19 go subcommand defines — `hasFlag(base.Go, name)` in
/// InitGOFLAGS accepts exactly these, and rejects anything else with "unknown flag".
///
/// Gathered from the `Flag.*Var`/`Flag.*` definitions under cmd/go/internal (build, test,
/// mod, get, list, env, clean, vet, work…). `go vet` analyzer flags are defined at run time
/// by the vet tool and are not listed.
// cmd/go/internal/base/goflags.go hasFlag
enum GoFlagNames {
    static let known: Set<String> = Set<String>([
        "a", "asan", "asmflags", "bench", "benchmem", "benchtime", "blockprofile", "blockprofilerate",
        "buildmode", "buildvcs", "c", "cache", "compat", "compiled", "compiler", "count", "cover", "covermode",
        "coverpkg", "coverprofile", "cpu", "cpuprofile", "d", "debug-actiongraph", "debug-trace", "deps",
        "dropexclude", "dropreplace", "droprequire", "dropretract", "dropuse", "e", "exclude", "exec", "export",
        "f", "failfast", "find", "fix", "fmt", "fuzz", "fuzzcache", "fuzzminimizetime", "fuzztime",
        "gccgoflags", "gcflags", "go", "i", "insecure", "installsuffix", "json", "ldflags", "linkshared",
        "list", "m", "memprofile", "memprofilerate", "mod", "modcache", "modcacherw", "modfile", "module",
        "msan", "mutexprofile", "mutexprofilefraction", "n", "o", "outputdir", "overlay", "p", "parallel",
        "pkgdir", "print", "r", "race", "replace", "require", "retract", "retracted", "reuse", "run",
        "short", "shuffle", "t", "tags", "test", "testcache", "timeout", "toolexec", "trace", "trimpath",
        "u", "use", "v", "vendor", "versions", "vet", "vettool", "w", "work", "x",
    ]).union(testPassThrough.map { "test." + $0 }).union(addedAfterGo119)

    /// Flags of later go commands (-C and -pgo 1.20, -fullpath and -skip 1.20/1.21, go mod tidy -diff
    /// 1.23, go get -tool 1.24, go test -artifacts 1.25). Accepted so that a newer toolchain's
    /// valid GOFLAGS is not reported; Go 1.19 itself would reject them as unknown.
    static let addedAfterGo119: Set<String> = [
        "C", "pgo", "debug-runtime-trace", "fullpath", "skip", "diff", "tool", "artifacts",
        "test.fullpath", "test.skip",
    ]

    /// `go test` also accepts these as `-test.<name>` (cmd/go/internal/test/testflag.go passFlagToTest).
    private static let testPassThrough: [String] = [
        "bench", "benchmem", "benchtime", "blockprofile", "blockprofilerate", "count", "coverprofile", "cpu",
        "cpuprofile", "failfast", "fuzz", "fuzzminimizetime", "fuzztime", "list", "memprofile", "memprofilerate",
        "mutexprofile", "mutexprofilefraction", "outputdir", "parallel", "run", "short", "shuffle", "timeout",
        "trace", "v",
    ]
}
