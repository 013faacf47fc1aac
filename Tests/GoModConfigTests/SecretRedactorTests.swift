import Foundation
import GoModConfig
import Testing

/// The one rule set every output goes through (issue #13 item 2): userinfo anywhere, credential
/// headers, credential assignments and query parameters — and nothing else.
struct SecretRedactorTests {
    let redact = SecretRedactor.redact

    @Test func urlUserinfoAndTokenQueryValues() {
        #expect(redact("https://u:p@a.example,https://tok@b.example|direct") == "https://REDACTED@a.example,https://REDACTED@b.example|direct")
        #expect(redact("https://x.example/p?a=1&token=abc&b=2") == "https://x.example/p?a=1&token=REDACTED&b=2")
        #expect(redact("https://x.example/p?access_token=abc&private_token=def#f") == "https://x.example/p?access_token=REDACTED&private_token=REDACTED#f")
        #expect(redact("https://x.example/p?X-Amz-Signature=abc&X-Amz-Credential=def") == "https://x.example/p?X-Amz-Signature=REDACTED&X-Amz-Credential=REDACTED")
        #expect(redact("https://x.example/p?gitlab_ci_token=abc,direct") == "https://x.example/p?gitlab_ci_token=REDACTED,direct")
        #expect(redact("https://u:p@ss@host.example/x") == "https://REDACTED@host.example/x")
    }

    @Test func authorizationHeadersKeepTheSchemeOnly() {
        #expect(redact("server response: Authorization: Basic dXNlcjpwdw==\nnext") == "server response: Authorization: Basic REDACTED\nnext")
        #expect(redact("proxy-authorization: Bearer abc.def") == "proxy-authorization: Bearer REDACTED")
        #expect(redact("Authorization: Digest username=\"bob\", response=\"6629fae4\"") == "Authorization: Digest REDACTED")
        #expect(redact("Authorization: dXNlcjpwdw==") == "Authorization: REDACTED")
        #expect(redact("curl -H 'PRIVATE-TOKEN: glpat-abc' https://x") == "curl -H 'PRIVATE-TOKEN: REDACTED")
        #expect(redact("Cookie: session=abc") == "Cookie: REDACTED")
    }

    @Test func credentialAssignments() {
        #expect(redact("set GITHUB_TOKEN=ghp_abc and retry") == "set GITHUB_TOKEN=REDACTED and retry")
        #expect(redact("export NPM_PASSWORD='a b c'; go get") == "export NPM_PASSWORD='REDACTED'; go get")
        #expect(redact("/usr/local/bin/creds --token=abc --user=bob") == "/usr/local/bin/creds --token=REDACTED --user=bob")
        #expect(redact("AWS_SECRET_ACCESS_KEY=xyz") == "AWS_SECRET_ACCESS_KEY=REDACTED")
        #expect(redact("Authorization=Bearer abc rest") == "Authorization=Bearer REDACTED rest")
        #expect(redact("client_secret=\"abc\"") == "client_secret=\"REDACTED\"")
    }

    @Test func userinfoWithoutAScheme() {
        #expect(redact("mirror said bob:pw@git.example.test refused") == "mirror said REDACTED@git.example.test refused")
        #expect(redact("(bob:pw@[::1]:22)") == "(REDACTED@[::1]:22)")
    }

    /// Ordinary go-command text has lookalikes of every rule; none may be touched.
    @Test func leavesOrdinaryTextAlone() {
        let texts = [
            "no secrets here",
            "go: example.com/m@v1.0.0: reading https://proxy.golang.org/example.com/m/@v/v1.0.0.info: 404 Not Found",
            "git@github.com:org/repo.git",
            "example.com/m v1.0.0 h1:AbCdToken+/xyzpassword=",
            "example.com/m v1.0.0/go.mod h1:xyzToken=",
            "GOFLAGS=-mod=mod GOAUTH=netrc GONOSUMDB=corp.example PWD=/home/me key=value",
            "dial tcp 10.0.0.1:443: connect: connection refused",
            "verifying module: invalid token: unexpected EOF",
            "go env -w GOPROXY=https://goproxy.cn,direct",
            "https://x.example/p?go-get=1&signature",
            "Authorization:",
            "中文 user@例子.test token=",
        ]
        for text in texts { #expect(redact(text) == text) }
    }

    @Test func idempotentAndValidUTF8() {
        let text = "Authorization: Basic x\n中文 GITHUB_TOKEN=密码 https://用户:密码@例子.test/?token=é a:b@c"
        let once = redact(text)
        #expect(redact(once) == once)
        #expect(!once.contains("密码") && !once.contains("用户"))
        #expect(once.contains("中文") && once.contains("例子.test"))
    }

    /// Hostile input stays linear: long runs of every byte a rule hangs on.
    @Test func boundedOnHostileInput() {
        let runs = ["@", "=", ":", "a:", "a=", "token=", "Authorization: ", "https://", "a:b@", "&token=x"]
        for run in runs {
            let text = String(repeating: run, count: 200_000 / run.count)
            let started = ContinuousClock.now
            _ = redact(text)
            #expect(ContinuousClock.now - started < .seconds(5), "\(run)")
        }
    }
}
