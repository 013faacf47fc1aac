@testable import Doctor

/// Checksum database, go.sum, HTTP statuses and configuration texts.
extension ExplainCorpus {
    static let sumdb: [ExplainCorpusEntry] = [
        e("go: rsc.io/quote@v1.5.2: verifying module: checksum mismatch\n\tdownloaded: h1:3fEykkD9k7lYzXqCYrwGAf7iNhbk4yCjHmKBN9td4L0=\n\tlocalhost.localdev/sumdb: h1:wrong" + sumdbMismatchParagraph,
          .sumdb, "sumdb-mismatch", s19 + "mod_sumdb.txt:12-15", "1.19"),
        e("go: rsc.io/quote@v1.5.2: verifying module: checksum mismatch\n\tdownloaded: h1:3fEykkD9k7lYzXqCYrwGAf7iNhbk4yCjHmKBN9td4L0=\n\tlocalhost.localdev/sumdb: h1:wrong" + sumdbMismatchParagraph,
          .sumdb, "sumdb-mismatch", s27 + "mod_sumdb.txt:12-15", "1.27"),
        e("go: rsc.io/quote@v1.5.2: verifying go.mod: checksum mismatch\n\tdownloaded: h1:LzX7hefJvL54yjefDEDHNONDjII0t9xZLPXsUe+TKr0=\n\tlocalhost.localdev/sumdb: h1:wrong" + sumdbMismatchParagraph,
          .sumdb, "sumdb-mismatch", s27 + "mod_sumdb.txt:21-22", "1.27"),
        e("verifying github.com/kr/text@v0.2.0: checksum mismatch\n\tdownloaded: h1:5Nx3PDOb8AzbiBXJHs4Y5cvdDydpNr9N1h3eW1uDqkE=\n\tgo.sum:     h1:wrongwrongwrongwrongwrongwrongwrongwrong=" + goSumMismatchParagraph,
          .integrity, "gosum-mismatch", g19 + "cmd/go/internal/modfetch/fetch.go:718 + goSumMismatch", "1.19"),
        e("verifying github.com/kr/text@v0.2.0: checksum mismatch\n\tdownloaded: h1:5Nx3PDOb8AzbiBXJHs4Y5cvdDydpNr9N1h3eW1uDqkE=\n\tgo.sum:     h1:wrongwrongwrongwrongwrongwrongwrongwrong=" + goSumMismatchParagraph,
          .integrity, "gosum-mismatch", g27 + "cmd/go/internal/modfetch/fetch.go:978 + goSumMismatch", "1.27"),
        // Misbehaviour: the SECURITY ERROR paragraph carries both signed notes, tab-indented.
        e("go: rsc.io/quote@v1.5.2: verifying module: SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n\t5\n\tnKEmlLwOC6S4bW7lCd5eXH0J1XlEMp+WRhFLOsW3Mt8=\n\t\n\t— localhost.localdev/sumdb 4/DXXxQ9Xo8fbTP0t+nsfcAtA4MmqqjvD+3F5J+JZoJz6RkSR/zYnaTX2AXgeT8LQKi2IeW2X3UkL4RuTfWn5D3eFjQ8=\nnew database:\n\tgo.sum database tree\n\t6\n\tRjJdPCOkIkCyyBGRzURIRcpTcIjvFJBd34fdWvrXZSs=\n\t\n\t— localhost.localdev/sumdb 4/DXXy7A1yg2WpHDRfQcBqtfYqH4BU0iIfQCkBpY2dZqwE81QP7mAxGPHvN9NqnuXNUa7D60/9SZ3oTb/Vkkm7hsEgng0=\n\nproof of misbehavior:\n\tT7i+H/8ER4nXOiw4Bj0koZOkGjkxoNvlI34GpvhHhQg=",
          .sumdb, "sumdb-misbehavior", s19 + "mod_sumdb.txt:30-31 + x/mod/sumdb/client.go", "1.19"),
        e("go: rsc.io/quote@v1.5.2: verifying module: SECURITY ERROR\ngo.sum database server misbehavior detected!\n\nold database:\n\tgo.sum database tree\n\t5\n\tnKEmlLwOC6S4bW7lCd5eXH0J1XlEMp+WRhFLOsW3Mt8=\n\t\n\t— localhost.localdev/sumdb 4/DXXxQ9Xo8fbTP0t+nsfcAtA4MmqqjvD+3F5J+JZoJz6RkSR/zYnaTX2AXgeT8LQKi2IeW2X3UkL4RuTfWn5D3eFjQ8=\nnew database:\n\tgo.sum database tree\n\t6\n\tRjJdPCOkIkCyyBGRzURIRcpTcIjvFJBd34fdWvrXZSs=\n\t\n\t— localhost.localdev/sumdb 4/DXXy7A1yg2WpHDRfQcBqtfYqH4BU0iIfQCkBpY2dZqwE81QP7mAxGPHvN9NqnuXNUa7D60/9SZ3oTb/Vkkm7hsEgng0=\n\nproof of misbehavior:\n\tT7i+H/8ER4nXOiw4Bj0koZOkGjkxoNvlI34GpvhHhQg=",
          .sumdb, "sumdb-misbehavior", s27 + "mod_sumdb.txt:30 + cmd/vendor/golang.org/x/mod/sumdb/client.go:446-464", "1.27"),
        // A signed note that does not verify, printed unindented after `note:` — one error.
        e("go: rsc.io/quote@v1.5.2: verifying module: rsc.io/quote@v1.5.2: reading tree note: invalid signature for key sum.golang.org+033de0ae\nnote:\n" + sumdbNote,
          .sumdb, "gosumdb-key-mismatch", g19 + "cmd/vendor/golang.org/x/mod/sumdb/client.go:411 + :255", "1.19"),
        e("go: rsc.io/quote@v1.5.2: verifying module: rsc.io/quote@v1.5.2: reading tree note: note has no verifiable signatures\nnote:\n" + sumdbNote,
          .sumdb, "gosumdb-key-mismatch", g27 + "cmd/vendor/golang.org/x/mod/sumdb/client.go:374 + :218, note/note.go UnverifiedNoteError", "1.27"),
        e("go: rsc.io/quote@v1.5.2: verifying module: rsc.io/quote@v1.5.2: reading tree note: malformed note\nnote:\n" + sumdbNote,
          .sumdb, "gosumdb-key-mismatch", g27 + "cmd/vendor/golang.org/x/mod/sumdb/client.go:374, note/note.go:482", "1.27"),
        e("go: rsc.io/quote@v1.5.2: verifying module: invalid GOSUMDB: malformed verifier id", .config, "gosumdb-invalid",
          g19 + "cmd/go/internal/modfetch/sumdb.go:87", "1.19"),
        e("go: rsc.io/quote@v1.5.2: verifying module: invalid GOSUMDB: malformed verifier id", .config, "gosumdb-invalid",
          g27 + "cmd/go/internal/modfetch/sumdb.go:120", "1.27"),
        // 404/410 from the checksum database: a version it cannot fetch (public module paths).
        e("verifying github.com/mszostok/codeowners-validator@v0.5.1/go.mod: github.com/mszostok/codeowners-validator@v0.5.1/go.mod: reading https://sum.golang.org/lookup/github.com/mszostok/codeowners-validator@v0.5.1: 410 Gone",
          .sumdb, "sumdb-not-found", "https://github.com/mszostok/codeowners-validator/issues/59", "not stated (thread 2020-11)"),
        e("verifying github.com/robfig/cron/v3@v3.0.0: github.com/robfig/cron/v3@v3.0.0: reading https://goproxy.io/sumdb/sum.golang.org/lookup/github.com/robfig/cron/v3@v3.0.0: 410 Gone",
          .sumdb, "sumdb-not-found", "https://github.com/robfig/cron/issues/254", "not stated (thread 2019-11)"),
        e("verifying github.com/rs/cors@v1.6.0/go.mod: github.com/rs/cors@v1.6.0/go.mod: reading https://goproxy.io/sumdb/sum.golang.org/lookup/github.com/rs/cors@v1.6.0: 410 Gone",
          .sumdb, "sumdb-not-found", "https://github.com/openatx/atx-agent/issues/64", "not stated (thread 2019-11)"),
        e("go: git.corp.example.com/team/lib@v1.0.0: verifying module: git.corp.example.com/team/lib@v1.0.0: reading https://sum.golang.org/lookup/git.corp.example.com/team/lib@v1.0.0: 404 Not Found\n\tserver response: not found: git.corp.example.com/team/lib@v1.0.0: unrecognized import path \"git.corp.example.com/team/lib\": https fetch: Get \"https://git.corp.example.com/team/lib?go-get=1\": dial tcp: lookup git.corp.example.com on 8.8.8.8:53: no such host",
          .sumdb, "sumdb-private-module", g27 + "cmd/go/internal/web/api.go:54 (HTTPError with server response)", "1.27"),
    ]

    static let statuses: [ExplainCorpusEntry] = [
        e("go mod download: github.com/aws/aws-sdk-go@v1.25.13: reading https://proxy.golang.org/github.com/aws/aws-sdk-go/@v/v1.25.13.zip: 403 Forbidden",
          .http, "proxy-forbidden", "https://github.com/golang/go/issues/55907", "not stated (thread 2022-09)"),
        e("go get golang.org/x/text/language: module golang.org: reading https://goproxy.io/golang.org/@latest: 500 Internal Server Error",
          .http, "proxy-server-error", "https://github.com/golang/go/issues/33032", "1.13beta1"),
        e("go: github.com/kr/pty@v1.1.1: unexpected status (http://10.0.56.56:12505/github.com/kr/pty/@v/v1.1.1.info): 500 Internal Server Error",
          .http, "proxy-server-error", "https://github.com/modprox/mp/issues/39", "not stated (thread 2018-09)"),
        e("go: git.corp.example.com/team/lib@v1.0.0: reading https://proxy.golang.org/git.corp.example.com/team/lib/@v/v1.0.0.mod: 404 Not Found\n\tserver response: not found: git.corp.example.com/team/lib@v1.0.0: unrecognized import path \"git.corp.example.com/team/lib\"",
          .http, "proxy-private-module", g19 + "cmd/go/internal/web/api.go (HTTPError.Error)", "1.19"),
        e("go: github.com/google/uuid@v1.6.0: reading https://goproxy.example.com/github.com/google/uuid/@v/v1.6.0.info: 429 Too Many Requests",
          .http, "rate-limited", g27 + "cmd/go/internal/web/api.go:54", "1.27"),
        e("go: example.com/m@v1.0.0: Get \"https://example.com/m?go-get=1\": stopped after 10 redirects",
          .http, "too-many-redirects", g19 + "cmd/go/internal/web/http.go:57", "1.19"),
        e("go: example.com/m@v1.0.0: Get \"https://example.com/m?go-get=1\": stopped after 10 redirects",
          .http, "too-many-redirects", g27 + "cmd/go/internal/web/http.go:71", "1.27"),
        e("go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": https fetch: Get \"https://example.com/m?go-get=1\": redirected from secure URL https://example.com/m?go-get=1 to insecure URL http://example.com/m?go-get=1",
          .http, "insecure-redirect", g27 + "cmd/go/internal/web/http.go:60", "1.27"),
        e("go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": parse https://example.com/m?go-get=1: no go-import meta tags ()",
          .http, "go-get-discovery", g19 + "cmd/go/internal/vcs/vcs.go:1235", "1.19"),
        e("go: example.com/m@v1.0.0: unrecognized import path \"example.com/m\": parse https://example.com/m?go-get=1: no go-import meta tags ()",
          .http, "go-get-discovery", g27 + "cmd/go/internal/vcs/vcs.go:1023", "1.27"),
        e("go: example.com/m@v1.0.1: downloaded zip file too large", .moduleProtocol, "zip-too-large",
          g19 + "cmd/go/internal/modfetch/proxy.go:438", "1.19"),
        e("go: example.com/m@v1.0.1: downloaded zip file too large", .moduleProtocol, "zip-too-large",
          g27 + "cmd/go/internal/modfetch/proxy.go:446", "1.27"),
    ]

    /// `module lookup disabled by GOPROXY=off` reads the same for `off` and for `p,off`
    /// (cmd/go/internal/modfetch/proxy.go TryProxies: not-found ranks lowest, the last one wins).
    static let config: [ExplainCorpusEntry] = [
        e("go: github.com/acme/unpublished@v0.3.0: module lookup disabled by GOPROXY=off", .http, "goproxy-off-after-not-found",
          g19 + "cmd/go/internal/modfetch/proxy.go:138-185 + repo.go:267", "1.19", goproxy: "https://goproxy.cn,off"),
        e("go: github.com/acme/unpublished@v0.3.0: module lookup disabled by GOPROXY=off", .http, "goproxy-off-after-not-found",
          g27 + "cmd/go/internal/modfetch/proxy.go:138-185 + repo.go:294", "1.27", goproxy: "https://proxy.golang.org|https://goproxy.cn,off"),
        e("go: github.com/acme/unpublished@v0.3.0: module lookup disabled by GOPROXY=off", .config, "goproxy-off",
          g27 + "cmd/go/internal/modfetch/repo.go:294", "1.27", goproxy: "off"),
        e("go: invalid proxy URL missing scheme: goproxy.cn", .config, "goproxy-invalid",
          g19 + "cmd/go/internal/modfetch/proxy.go:209", "1.19"),
        e("go: invalid proxy URL missing scheme: goproxy.cn", .config, "goproxy-invalid",
          g27 + "cmd/go/internal/modfetch/proxy.go:211", "1.27"),
        e("go: git.corp.example.com/lib@v1.0.0: module git.corp.example.com/lib: disabled by GOPRIVATE/GONOPROXY", .config, "goprivate-skip",
          g19 + "cmd/go/internal/modfetch/repo.go:268", "1.19"),
        e("go: git.corp.example.com/lib@v1.0.0: module git.corp.example.com/lib: disabled by GOPRIVATE/GONOPROXY", .config, "goprivate-skip",
          g27 + "cmd/go/internal/modfetch/repo.go:295", "1.27"),
        e("go: golang.org/toolchain@v0.0.1-go1.22.0.linux-amd64: checksum database disabled by GOSUMDB=off", .config, "gosumdb-off",
          g27 + "cmd/go/internal/modfetch/sumdb.go:103", "1.27"),
    ]
}
