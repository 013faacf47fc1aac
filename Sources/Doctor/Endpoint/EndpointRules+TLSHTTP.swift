import NetProbes

extension EndpointRules {
    /// TLS failed on a working TCP connection.
    func tlsFinding(_ tls: EndpointFacts.TLS, _ failure: FailureClass) -> Finding {
        let evidence = [failure.detail] + (tls.goError.map { ["the go command says: \($0)"] } ?? [])
        let connect = "\(address.contains(":") ? "[\(address)]" : address):\(port)"
        switch failure.code {
        case "reset" where !tls.handshakeCompleted:
            return finding("endpoint.tls.sni-filtered", .tls, .failure, evidence: evidence + ["TCP port \(port) connected"],
                           commands: ["openssl s_client -connect \(connect) -servername \(host) </dev/null",
                                      "openssl s_client -connect \(connect) -noservername </dev/null",
                                      "gomod-doctor tls \(connect) --servername example.com"])
        case "unknown-authority" where tls.issuerIsPublicRoot == false,
             "self-signed" where tls.issuerIsPublicRoot == false && tls.untrustedIssuer != nil:
            return finding("endpoint.tls.interception", .tls, .failure,
                           arguments: ["issuer": tls.untrustedIssuer ?? "?"], evidence: evidence,
                           commands: ["openssl s_client -connect \(target.hostPort) -servername \(host) -showcerts </dev/null",
                                      "sudo cp corporate-ca.crt /usr/local/share/ca-certificates/",
                                      "sudo update-ca-certificates",
                                      "export SSL_CERT_FILE=/path/to/corporate-ca.pem"])
        case "unknown-authority", "self-signed":
            return finding("endpoint.tls.unknown-authority", .tls, .failure,
                           arguments: ["issuer": tls.untrustedIssuer ?? "?"], evidence: evidence,
                           commands: ["env | grep -E '^SSL_CERT_(FILE|DIR)='", "gomod-doctor tls \(target.hostPort)"])
        case "expired":
            // The server's certificate ran out: its operator must renew it; this machine can only go elsewhere.
            return finding("endpoint.tls.certificate-expired", .tls, .failure,
                           arguments: ["localTime": tls.localTime ?? "?", "notAfter": Self.notAfter(tls.goError) ?? "?"], evidence: evidence,
                           commands: ["date -u",
                                      "openssl s_client -connect \(connect) -servername \(host) </dev/null 2>/dev/null | openssl x509 -noout -dates"])
        case "not-yet-valid":
            return finding("endpoint.tls.certificate-dates", .tls, .failure,
                           arguments: ["localTime": tls.localTime ?? "?"], evidence: evidence,
                           commands: ["date -u", "timedatectl status"])
        case "hostname-mismatch":
            return finding("endpoint.tls.hostname-mismatch", .tls, .failure, evidence: evidence,
                           commands: ["gomod-doctor tls \(target.hostPort)"])
        case "handshake-timeout":
            return finding("endpoint.tls.handshake-timeout", .tls, .failure, evidence: evidence,
                           commands: ["openssl s_client -connect \(connect) -servername \(host) </dev/null"])
        case "not-tls":
            return finding("endpoint.tls.not-tls", .tls, .failure, evidence: evidence,
                           commands: ["gomod-doctor probe \(target.hostPort) --scheme http"])
        default:
            return finding("endpoint.tls.failed", .tls, .failure, arguments: ["code": failure.code], evidence: evidence,
                           commands: ["gomod-doctor tls \(target.hostPort)"])
        }
    }

    /// The HTTP layer: any answer but a refusal of this client (403, 429) or a server error
    /// proves the network path works; no answer at all is a failure of its own.
    func httpFinding(_ http: EndpointFacts.HTTP) -> Finding? {
        // An HTTPS_PROXY endpoint is judged by its answer to CONNECT, not by a page of its own;
        // an endpoint reached through HTTPS_PROXY whose tunnel was refused names the proxy too.
        if let code = http.connectStatus, code != 200 {
            return connectRefusedFinding(http, code: code, connectTarget: target.connectTarget ?? target.hostPort)
        }
        if target.connectTarget != nil, http.connectStatus == 200 { return nil }
        let request = "curl -sS -o /dev/null -w '%{http_code}\\n' \(target.url)"
        if let status = http.status {
            let line = http.statusLine ?? String(status)
            var evidence = ["\(target.url): \(line)"]
            if let retryAfter = http.retryAfter { evidence.append("Retry-After: \(retryAfter)") }
            switch status {
            case 403, 429:
                return finding("endpoint.http.refused-client", .http, .failure, arguments: ["status": line],
                               evidence: evidence, commands: [request])
            case 500...599:
                return finding("endpoint.http.server-error", .http, .failure, arguments: ["status": line],
                               evidence: evidence, commands: [request])
            default:
                return nil
            }
        }
        guard let failure = http.outcome.failure else { return nil }
        if failure.code == "no-response" { return noResponseFinding(http, failure) }
        if failure.code.hasPrefix("h2-") { return http2Finding(http, failure) }
        return finding("endpoint.http.failed", .http, .failure, arguments: ["code": failure.code], evidence: [failure.detail],
                       commands: ["gomod-doctor http \(target.url) -v"])
    }

    /// The expiry date in the go command's x509 text ("… current time T is after D").
    // crypto/x509/verify.go CertificateInvalidError.Error (Expired)
    static func notAfter(_ goError: String?) -> String? {
        guard let goError, let range = goError.range(of: " is after ") else { return nil }
        let date = goError[range.upperBound...].prefix { !$0.isWhitespace }
        return date.isEmpty ? nil : String(date)
    }
}
