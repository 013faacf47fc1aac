@testable import Doctor

/// Direct fetches through git: the go command's wrapping (codehost.go RunError: `<cmd>: exit
/// status 128:` then git's stderr, each line tab-indented, then git.go's help text) around
/// curl's and OpenSSH's own messages.
extension ExplainCorpus {
    static let lsRemote19 = "go: github.com/acme/lib@v1.2.0: git ls-remote -q origin in /root/go/pkg/mod/cache/vcs/3b1f0c1d2e: exit status 128:\n\t"
    static let lsRemote27 = "go: github.com/acme/lib@v1.2.0: git ls-remote -q origin in /root/go/pkg/mod/cache/vcs/3b1f0c1d2e: exit status 128:\n\t"
    static let runError19 = g19 + "cmd/go/internal/modfetch/codehost/codehost.go:297-307 + git.go:236"
    static let runError27 = g27 + "cmd/go/internal/modfetch/codehost/codehost.go:288-298 + git.go:270"

    static let git: [ExplainCorpusEntry] = [
        // Credentials: curl cannot ask for a user name (GIT_TERMINAL_PROMPT=0), ssh key refused.
        e("go: module github.com/quintex/go-asterisk-api-client: git ls-remote -q origin in /home/vagrant/go/pkg/mod/cache/vcs/13fb3104de348f974e5e31d8d77b5cec30653bffe6615e6069bafd8cdc96de6f: exit status 128:\n        fatal: could not read Username for 'https://github.com': terminal prompts disabled" + gitHelp19,
          .http, "git-auth", "https://github.com/quintex-dev/asterisk-ari-go/issues/2", "1.19"),
        e(lsRemote19 + "fatal: could not read Username for 'https://github.com': terminal prompts disabled" + gitHelp19,
          .http, "git-auth", runError19, "1.19"),
        e("go: vcs-test.golang.org/auth/githttp401.git@latest: git ls-remote -q origin in /tmp/work/gopath/pkg/mod/cache/vcs/9a3e: exit status 128:\n\tfatal: could not read Username for 'https://vcs-test.golang.org': terminal prompts disabled" + gitHelp27,
          .http, "git-auth", s27 + "mod_download_private_vcs.txt:15-16", "1.27"),
        e(lsRemote27 + "git@github.com: Permission denied (publickey).\n\tfatal: Could not read from remote repository.\n\t\n\tPlease make sure you have the correct access rights\n\tand the repository exists.",
          .http, "git-auth", runError27 + " (OpenSSH text)", "1.27"),
        e(lsRemote19 + "fatal: Authentication failed for 'https://git.corp.example.com/team/lib.git/'",
          .http, "git-auth", runError19 + " (git http.c text)", "1.19"),
        // The repository is not there (or the credentials cannot see it).
        e("go: module github.com/quintex/go-asterisk-api-client: git ls-remote -q origin in /home/vagrant/go/pkg/mod/cache/vcs/13fb3104de348f974e5e31d8d77b5cec30653bffe6615e6069bafd8cdc96de6f: exit status 128:\n        remote: Repository not found.\n        fatal: repository 'https://github.com/quintex/go-asterisk-api-client/' not found",
          .http, "git-repo-not-found", "https://github.com/quintex-dev/asterisk-ari-go/issues/2", "1.20"),
        e(lsRemote27 + "remote: Repository not found.\n\tfatal: repository 'https://github.com/acme/lib/' not found",
          .http, "git-repo-not-found", runError27, "1.27"),
        e(lsRemote19 + "remote: Repository not found.\n\tfatal: repository 'https://github.com/acme/lib/' not found",
          .http, "git-repo-not-found", runError19 + " (GitHub's answer)", "1.19"),
        e(lsRemote27 + "fatal: repository 'https://gitlab.com/acme/lib.git/' not found",
          .http, "git-repo-not-found", runError27 + " (git http.c text)", "1.27"),
        e(lsRemote19 + "fatal: unable to access 'https://git.corp.example.com/team/lib/': The requested URL returned error: 403",
          .http, "direct-auth", runError19 + " (curl text)", "1.19"),
        // DNS (curl and ssh cannot tell NXDOMAIN from an unreachable resolver).
        e("go: github.com/OpenPeeDeeP/depguard@v0.0.0-20180806142446-a69c782687b2: git fetch -f origin refs/heads/*:refs/heads/* refs/tags/*:refs/tags/* in /go/pkg/mod/cache/vcs/95001b568ac43a1c1353717a884bfe2c209a6976254cb2f59fb2d5a473159b78: exit status 128:\n\tfatal: unable to access 'https://github.com/OpenPeeDeeP/depguard/': Could not resolve host: github.com",
          .dns, "dns-unresolved", "https://github.com/OpenPeeDeeP/depguard/issues/11", "not stated (thread 2019-09)"),
        e("go: github.com/edsrzf/mmap-go@v0.0.0-20170320065105-0bce6a688712: git fetch -f https://github.com/edsrzf/mmap-go refs/heads/*:refs/heads/* refs/tags/*:refs/tags/* in /home/abuild/go/pkg/mod/cache/vcs/361aa085490f47a0ce0bd5ce581ece7b9ce0e1c390b4389ad7c5771098235fd3: exit status 128:\n\tfatal: unable to access 'https://github.com/edsrzf/mmap-go/': Could not resolve host: github.com",
          .dns, "dns-unresolved", "https://github.com/go-gitea/gitea/issues/7997", "not stated (thread 2019-08)"),
        e("go get: module github.com/360EntSecGroup-Skylar/excelize/v2: git ls-remote -q origin in C:\\Users\\lucas\\go\\pkg\\mod\\cache\\vcs\\f283cc5f286f11219a1ea01eea7a98100c7ee3feeec3fec8d4dc1ee0ea2eeb40: exit status 128:\n        ssh: Could not resolve hostname github.com:360EntSecGroup-Skylar: Name or service not known\n        fatal: Could not read from remote repository.\n\n        Please make sure you have the correct access rights\n        and the repository exists.",
          .dns, "dns-unresolved", "https://github.com/qax-os/excelize/issues/828", "not stated (thread 2021-04, `go get:` prefix of Go 1.16)"),
        e(lsRemote19 + "fatal: unable to access 'https://git.corp.example.com/team/lib/': Could not resolve host: git.corp.example.com",
          .dns, "dns-unresolved", runError19 + " (curl text)", "1.19"),
        e(lsRemote27 + "fatal: unable to access 'https://github.com/acme/lib/': Could not resolve host: github.com",
          .dns, "dns-unresolved", runError27 + " (curl text)", "1.27"),
        // TCP.
        e(lsRemote19 + "fatal: unable to access 'https://github.com/acme/lib/': Failed to connect to github.com port 443: Connection timed out",
          .tcp, "tcp-timeout", runError19 + " (curl < 7.82 text)", "1.19"),
        e(lsRemote27 + "fatal: unable to access 'https://github.com/acme/lib/': Failed to connect to github.com port 443 after 21038 ms: Connection timed out",
          .tcp, "tcp-timeout", runError27 + " (curl ≥ 7.82 text)", "1.27"),
        e(lsRemote27 + "fatal: unable to access 'https://github.com/acme/lib/': Failed to connect to github.com port 443 after 3 ms: Connection refused",
          .tcp, "tcp-refused", runError27 + " (curl text)", "1.27"),
        e(lsRemote19 + "ssh: connect to host github.com port 22: Connection timed out\n\tfatal: Could not read from remote repository.\n\t\n\tPlease make sure you have the correct access rights\n\tand the repository exists.",
          .tcp, "tcp-timeout", runError19 + " (OpenSSH text)", "1.19"),
        // TLS.
        e(lsRemote19 + "fatal: unable to access 'https://git.corp.example.com/team/lib/': SSL certificate problem: unable to get local issuer certificate",
          .tls, "tls-unknown-authority", runError19 + " (curl/OpenSSL text)", "1.19"),
        e(lsRemote27 + "fatal: unable to access 'https://gopkg.in/russross/blackfriday.v2/': SSL certificate problem: self signed certificate in certificate chain",
          .tls, "tls-unknown-authority", "https://github.com/niemeyer/gopkg/issues/73 (curl text) + " + runError27, "1.27"),
        e(lsRemote19 + "fatal: unable to access 'https://git.bytbox.net/sloc/': server certificate verification failed. CAfile: /etc/ssl/certs/ca-certificates.crt CRLfile: none",
          .tls, "tls-unknown-authority", "https://github.com/bytbox/sloc/issues/1 (curl/GnuTLS text) + " + runError19, "1.19"),
        e(lsRemote27 + "fatal: unable to access 'https://github.com/acme/lib/': SSL certificate problem: certificate has expired",
          .tls, "tls-expired", runError27 + " (curl/OpenSSL text)", "1.27"),
        // An HTTPS proxy refusing git's CONNECT.
        e(lsRemote19 + "fatal: unable to access 'https://github.com/acme/lib/': Received HTTP code 403 from proxy after CONNECT",
          .http, "https-proxy-refused", runError19 + " (curl < 7.75 text)", "1.19"),
        e(lsRemote27 + "fatal: unable to access 'https://github.com/acme/lib/': CONNECT tunnel failed, response 407",
          .http, "https-proxy-refused", runError27 + " (curl ≥ 7.75 text)", "1.27"),
        // GOVCS.
        e("go: github.com/acme/lib@v1.2.0: GOVCS disallows using git for public github.com/acme/lib; see 'go help vcs'",
          .config, "govcs-disallowed", g19 + "cmd/go/internal/vcs/vcs.go:991", "1.19"),
        e("go: github.com/acme/lib@v1.2.0: GOVCS disallows using git for public github.com/acme/lib; see 'go help vcs'",
          .config, "govcs-disallowed", g27 + "cmd/go/internal/vcs/vcs.go:748", "1.27"),
    ]
}
