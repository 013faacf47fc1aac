@testable import Doctor

/// Toolchain selection (Go ≥ 1.21) and what Go 1.19 says about a go.mod written for newer Go.
extension ExplainCorpus {
    static let toolchain: [ExplainCorpusEntry] = [
        e("go: download go1.9999x for linux/amd64: toolchain not available", .config, "toolchain-unavailable",
          s27 + "gotoolchain_net.txt:14", "1.27"),
        e("go: downloading go1.22 (darwin/amd64)\ngo: download go1.22 for darwin/amd64: toolchain not available", .config, "toolchain-unavailable",
          "https://github.com/golang/go/issues/65580", "1.21.4"),
        e("go: downloading go1.21 (linux/amd64)\ngo: download go1.21 for linux/amd64: toolchain not available", .config, "toolchain-unavailable",
          "https://github.com/dependabot/dependabot-core/issues/7895", "1.21"),
        e("go: rsc.io/future@v1.0.0 requires go >= 1.999 (running go 1.21; GOTOOLCHAIN=local)", .config, "toolchain-switch-forbidden",
          s27 + "mod_get_future.txt:4", "1.27"),
        e("go: updating go.mod requires go >= 1.22.9 (running go 1.21; GOTOOLCHAIN=local)", .config, "toolchain-switch-forbidden",
          s27 + "mod_get_exec_toolchain.txt:52", "1.27"),
        e("go: example.net/b@v0.1.0: module ./b1 requires go >= 1.22.0 (running go 1.21.0; GOTOOLCHAIN=local)", .config, "toolchain-switch-forbidden",
          s27 + "mod_import_toolchain.txt:22", "1.27"),
        e("go: go.mod requires go >= 1.700 (running go 1.500; GOTOOLCHAIN=path; go.mod sets toolchain default)", .config, "toolchain-switch-forbidden",
          s27 + "gotoolchain_local.txt:99", "1.27"),
        e("go: go.mod requires go >= 1.700 (running go 1.500; go.mod sets toolchain default)", .config, "toolchain-too-old",
          s27 + "gotoolchain_local.txt:75", "1.27"),
        e("go: rsc.io/future@v1.0.0: module rsc.io/future@v1.0.0 requires go >= 1.999 (running go 1.21.0)", .config, "toolchain-too-old",
          s27 + "gotoolchain_modcmds.txt:11", "1.27"),
        e("go: go.mod requires go >= 1.99999 (running go 1.27.3)", .config, "toolchain-too-old",
          s27 + "mod_goline_too_new.txt:6", "1.27"),
        e("go: rsc.io/needall@v0.0.1 requires go >= 1.23; switching to go1.23.9", .config, "toolchain-switch",
          s27 + "mod_get_exec_toolchain.txt:8", "1.27"),
        e("go: module rsc.io/future@v1.0.0 requires go >= 1.999; switching to go1.999testmod", .config, "toolchain-switch",
          s27 + "gotoolchain_modcmds.txt:22", "1.27"),
        e("go: updating go.mod requires go >= 1.22.9; switching to go1.22.9", .config, "toolchain-switch",
          s27 + "mod_get_exec_toolchain.txt:57", "1.27"),
        // The download of the new toolchain fails: the inner error is the cause.
        e("go: downloading go1.23.9 (linux/amd64)\ngo: download go1.23.9: golang.org/toolchain@v0.0.1-go1.23.9.linux-amd64: Get \"https://proxy.golang.org/golang.org/toolchain/@v/v0.0.1-go1.23.9.linux-amd64.zip\": dial tcp 142.250.74.113:443: i/o timeout",
          .tcp, "tcp-timeout", g27 + "cmd/go/internal/toolchain/select.go:373", "1.27"),
        e("go: golang.org/toolchain@v0.0.1-go1.999testmod.linux-amd64: verifying module: checksum database disabled by GOSUMDB=off",
          .config, "gosumdb-off", s27 + "gotoolchain_net.txt:38", "1.27"),
        // Go 1.19 reading a go.mod that a newer Go wrote (x/mod/modfile/rule.go).
        e("go: errors parsing go.mod:\n/home/u/app/go.mod:5: unknown directive: toolchain", .config, "go-too-old-for-gomod",
          g19 + "cmd/vendor/golang.org/x/mod/modfile/rule.go:340", "1.19"),
        e("go: errors parsing go.mod:\n/home/u/app/go.mod:3: invalid go version '1.22.1': must match format 1.23", .config, "go-too-old-for-gomod",
          g19 + "cmd/vendor/golang.org/x/mod/modfile/rule.go:359", "1.19"),
    ]
}
