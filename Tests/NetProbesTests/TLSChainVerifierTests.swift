import Foundation
import NetProbes
import Testing

/// Chain verdicts on fixed certificates (made once with Python's cryptography package:
/// root and "inspection" CAs valid 2020–2120, leaves valid 2021–2100), judged at chosen
/// instants so the tests are pure.
@Suite struct TLSChainVerifierTests {
    static func date(_ year: Int, _ month: Int = 6) -> Date {
        var components = DateComponents()
        components.year = year
        components.month = month
        components.day = 1
        components.timeZone = TimeZone(identifier: "UTC")
        return Calendar(identifier: .gregorian).date(from: components) ?? Date(timeIntervalSince1970: 0)
    }

    let roots = TrustRoots.fromPEM(TLSFixtureCertificates.root, label: "fixture-root.pem")

    func verdict(_ leaf: String, name: String = "good.example", at year: Int = 2030, roots: TrustRoots? = nil,
                 publicRoots: TrustRoots? = nil) async -> ChainVerdict {
        let verifier = CertificateChainVerifier(roots: roots ?? self.roots, publicRoots: publicRoots ?? self.roots)
        return await verifier.verify(chain: TrustRoots.derCertificates(inPEM: leaf), serverName: name, now: Self.date(year))
    }

    @Test func validChainIsTrusted() async {
        let result = await verdict(TLSFixtureCertificates.good)
        #expect(result.trusted)
        #expect(result.failure == nil)
        #expect(result.validFor == ["good.example", "*.wild.example", "10.1.2.3"])
    }

    @Test func wildcardAndIPNamesFollowGoRules() async {
        #expect(await verdict(TLSFixtureCertificates.good, name: "a.wild.example").trusted)
        #expect(await verdict(TLSFixtureCertificates.good, name: "10.1.2.3").trusted)
        let deep = await verdict(TLSFixtureCertificates.good, name: "a.b.wild.example")
        #expect(deep.failure?.code == "hostname-mismatch")
    }

    @Test func expiredLeafIsExpiredWithGoText() async {
        let result = await verdict(TLSFixtureCertificates.good, at: 2101)
        #expect(result.failure?.code == "expired")
        #expect(result.goError?.hasPrefix("x509: certificate has expired or is not yet valid: current time 2101-06-01T00:00:00Z is after 2100-01-01T00:00:00Z") == true)
    }

    @Test func notYetValidLeafHintsAtTheClock() async {
        let result = await verdict(TLSFixtureCertificates.good, at: 2020)
        #expect(result.failure?.code == "not-yet-valid")
        #expect(result.failure?.detail.contains("clock") == true)
    }

    @Test func wrongHostShowsWhatTheCertificateIsFor() async {
        let result = await verdict(TLSFixtureCertificates.good, name: "proxy.golang.org")
        #expect(result.failure?.code == "hostname-mismatch")
        #expect(result.goError == "x509: certificate is valid for good.example, *.wild.example, not proxy.golang.org")
        #expect(result.failure?.detail.contains("10.1.2.3") == true)
    }

    @Test func ipTargetWithoutIPSANsUsesGoText() async {
        let result = await verdict(TLSFixtureCertificates.interception, name: "10.9.9.9",
                                   roots: TrustRoots.fromPEM(TLSFixtureCertificates.root + TLSFixtureCertificates.inspectionRoot, label: "both"))
        #expect(result.goError == "x509: cannot validate certificate for 10.9.9.9 because it doesn't contain any IP SANs")
    }

    @Test func selfSignedIsNamed() async {
        let result = await verdict(TLSFixtureCertificates.selfSigned)
        #expect(result.failure?.code == "self-signed")
        #expect(result.goError == "x509: certificate signed by unknown authority")
    }

    @Test func unknownIssuerOutsideThePublicStoreIsPossibleInterception() async {
        let result = await verdict(TLSFixtureCertificates.interception)
        #expect(result.failure?.code == "unknown-authority")
        #expect(result.untrustedIssuer == "CN=Corp Inspection CA")
        #expect(result.issuerIsPublicRoot == false)
        #expect(result.failure?.detail.contains("possible interception") == true)
        #expect(!result.verifierReasons.isEmpty)
    }

    @Test func publicIssuerMissingFromConfiguredRootsIsNotCalledInterception() async {
        var configured = TrustRoots.fromPEM(TLSFixtureCertificates.root, label: "/tmp/only-root.pem")
        configured.origin.overriddenBy = ["SSL_CERT_FILE"]
        let machine = TrustRoots.fromPEM(TLSFixtureCertificates.inspectionRoot, label: "system")
        let result = await verdict(TLSFixtureCertificates.interception, roots: configured, publicRoots: machine)
        #expect(result.failure?.code == "unknown-authority")
        #expect(result.issuerIsPublicRoot == true)
        #expect(result.failure?.detail.contains("SSL_CERT_FILE") == true)
        #expect(result.failure?.detail.contains("interception") == false)
    }

    @Test func interceptionChainIsTrustedOnceItsRootIs() async {
        let roots = TrustRoots.fromPEM(TLSFixtureCertificates.inspectionRoot, label: "corp.pem")
        #expect(await verdict(TLSFixtureCertificates.interception, roots: roots).trusted)
    }

    @Test func emptyChainIsNoCertificate() async {
        let verifier = CertificateChainVerifier(roots: roots, publicRoots: nil)
        let result = await verifier.verify(chain: [], serverName: "good.example", now: Self.date(2030))
        #expect(result.failure?.code == "no-certificate")
    }

    @Test func summaryShowsTheFieldsOfTheLeaf() {
        let der = TrustRoots.derCertificates(inPEM: TLSFixtureCertificates.good)
        let roots = TrustRoots.fromPEM(TLSFixtureCertificates.good, label: "leaf")
        let summary = roots.certificates.first.map { CertificateSummary($0, der: der[0]) }
        #expect(summary != nil)
        #expect(summary?.subject == "CN=good.example")
        #expect(summary?.issuer == "CN=Fixture Root CA")
        #expect(summary?.notAfter == "2100-01-01T00:00:00Z")
        #expect(summary?.ipAddresses == ["10.1.2.3"])
        #expect(summary?.sha256.count == 64)
        #expect(summary?.isCA == false)
    }
}

/// PEM fixtures for the chain tests (public test data, no private keys).
enum TLSFixtureCertificates {
    static let root = """
-----BEGIN CERTIFICATE-----
MIIBejCCASCgAwIBAgIUaqjA+MuzYwLne+shzrqIDAdI/YAwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPRml4dHVyZSBSb290IENBMCAXDTIwMDEwMTAwMDAwMFoYDzIx
MjAwMTAxMDAwMDAwWjAaMRgwFgYDVQQDDA9GaXh0dXJlIFJvb3QgQ0EwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAATz9tNi+XtHHVCXuiNbfra84OuphZtr/FvwsHIx
HaSAX4QYQto8kVyktlf326yOmF3HEl+ld7xE5xJniYwVRarfo0IwQDAPBgNVHRMB
Af8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUgX3L3bFLiKbz1QLy
loKoPhl20JwwCgYIKoZIzj0EAwIDSAAwRQIhAJW0cLi1E2t8LxXFIwBFMyEKFhYu
67ZVHFWVxajCImEkAiBztly7GMh40kZ+H4hT2KfLWqX12EhDpXb/SQet5ogwog==
-----END CERTIFICATE-----
"""

    static let inspectionRoot = """
-----BEGIN CERTIFICATE-----
MIIBgTCCASagAwIBAgIURO5T+9uq9NJSukWAFKwwG/korZYwCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSQ29ycCBJbnNwZWN0aW9uIENBMCAXDTIwMDEwMTAwMDAwMFoY
DzIxMjAwMTAxMDAwMDAwWjAdMRswGQYDVQQDDBJDb3JwIEluc3BlY3Rpb24gQ0Ew
WTATBgcqhkjOPQIBBggqhkjOPQMBBwNCAASFd9G0dAjeQe/h4bWJFGRYs+4xwqVG
BC6/NbL1e7Y4ADaCBrIVQRvkKrD4WVccS2VmEdpKpA5NCvbJoWYVlMXio0IwQDAP
BgNVHRMBAf8EBTADAQH/MA4GA1UdDwEB/wQEAwIBBjAdBgNVHQ4EFgQUWcGeYnsd
j4Po+UaqwaDbD3Bkm8cwCgYIKoZIzj0EAwIDSQAwRgIhAPugDXGD1Bm6JWexeh7d
kuGAYC2A0wzu03P2SedhHGe8AiEA8ONBtaLBRulOlmJsHfgrSJVFmUiYIq9VgIUn
iuUh/YI=
-----END CERTIFICATE-----
"""

    static let good = """
-----BEGIN CERTIFICATE-----
MIIBvDCCAWKgAwIBAgIUV93BQnokorv6tFd49Vh4HrSR1UUwCgYIKoZIzj0EAwIw
GjEYMBYGA1UEAwwPRml4dHVyZSBSb290IENBMCAXDTIxMDEwMTAwMDAwMFoYDzIx
MDAwMTAxMDAwMDAwWjAXMRUwEwYDVQQDDAxnb29kLmV4YW1wbGUwWTATBgcqhkjO
PQIBBggqhkjOPQMBBwNCAAQ8hpUFZmwPMCIOfW6GkdxvfObsYJN9DuuXcf+id0NO
hkxmJr+dXhyyLDZ0XToWSpLYa1BLyYBZYNlElW86UUFSo4GGMIGDMAwGA1UdEwEB
/wQCMAAwDgYDVR0PAQH/BAQDAgWgMBMGA1UdJQQMMAoGCCsGAQUFBwMBMC0GA1Ud
EQQmMCSCDGdvb2QuZXhhbXBsZYIOKi53aWxkLmV4YW1wbGWHBAoBAgMwHwYDVR0j
BBgwFoAUgX3L3bFLiKbz1QLyloKoPhl20JwwCgYIKoZIzj0EAwIDSAAwRQIhAJOi
yZ6dI3gkOnUXO4C953FzLPGngyTr9GZBCoC78xDVAiAIcZBhP5ucyYzLt+aZaGbW
wD8x/OGil+GsCGp1tTgYNQ==
-----END CERTIFICATE-----
"""

    static let interception = """
-----BEGIN CERTIFICATE-----
MIIBqDCCAU2gAwIBAgIUTrOb18xPE0/CkYNXCz+G8fm67JwwCgYIKoZIzj0EAwIw
HTEbMBkGA1UEAwwSQ29ycCBJbnNwZWN0aW9uIENBMCAXDTIxMDEwMTAwMDAwMFoY
DzIxMDAwMTAxMDAwMDAwWjAXMRUwEwYDVQQDDAxnb29kLmV4YW1wbGUwWTATBgcq
hkjOPQIBBggqhkjOPQMBBwNCAARrKQQ2hCMpWBmgDlKDbOz3i9UkmZE9F87qWLow
jCwR5TxjDYncdWgUKl5foLdgSN2Ly774tCMUm43a1py9GOfXo28wbTAMBgNVHRMB
Af8EAjAAMA4GA1UdDwEB/wQEAwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATAXBgNV
HREEEDAOggxnb29kLmV4YW1wbGUwHwYDVR0jBBgwFoAUWcGeYnsdj4Po+UaqwaDb
D3Bkm8cwCgYIKoZIzj0EAwIDSQAwRgIhANw9Voo9imqYy7y9hFjGUH177L0ILnJS
iXKgxwe4YSbmAiEAynPW9Mw/n+xzAERu6vAp2E4AjCNOPiNL63j1E2v/mB4=
-----END CERTIFICATE-----
"""

    static let selfSigned = """
-----BEGIN CERTIFICATE-----
MIIBgTCCASagAwIBAgIUF57l2EvJwejBw6F89zBYUoPTMD8wCgYIKoZIzj0EAwIw
FzEVMBMGA1UEAwwMZ29vZC5leGFtcGxlMCAXDTIxMDEwMTAwMDAwMFoYDzIxMDAw
MTAxMDAwMDAwWjAXMRUwEwYDVQQDDAxnb29kLmV4YW1wbGUwWTATBgcqhkjOPQIB
BggqhkjOPQMBBwNCAATbYMlX4eldkc9OpHWrTarGRLGPmY+s5zHctnWzEU2Yeaax
1iDOBmBllLIiJtFg4nYNOfUQR8NAHaGHOEj79VCSo04wTDAMBgNVHRMBAf8EAjAA
MA4GA1UdDwEB/wQEAwIFoDATBgNVHSUEDDAKBggrBgEFBQcDATAXBgNVHREEEDAO
ggxnb29kLmV4YW1wbGUwCgYIKoZIzj0EAwIDSQAwRgIhANs+OM4IM+mymUhwCHex
qv2DHrQREvkIlhN+skz6EQHXAiEAnROIa7r+uYoWX4MSNOtFIVixdjSuoMjAAjRn
XfDW0C0=
-----END CERTIFICATE-----
"""
}
