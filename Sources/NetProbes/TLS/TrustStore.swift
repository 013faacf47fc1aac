import Foundation

/// The trust roots one run uses, loaded from disk (SSL_CERT_FILE / SSL_CERT_DIR / the system
/// bundle) at most once and shared by every request that holds this store. Parsing a system
/// bundle costs tens of milliseconds; reloading it per request made a 1,000-request go.sum
/// audit take 90 s instead of well under a second.
public final class TrustStore: Sendable {
    private let environment: [String: String]
    private let loaded = LoadedRoots()

    public init(environment: [String: String]) {
        self.environment = environment
    }

    /// The verifier built from the roots the go command would use (and the machine's public
    /// roots, to tell interception from a deliberately narrowed SSL_CERT_FILE).
    public var verifier: CertificateChainVerifier {
        loaded.value {
            let roots = TrustRoots.load(environment: environment)
            let publicRoots = roots.origin.overriddenBy.isEmpty ? roots : TrustRoots.systemDefaults()
            return CertificateChainVerifier(roots: roots, publicRoots: publicRoots)
        }
    }
}

/// A lock-guarded once-only value.
private final class LoadedRoots: @unchecked Sendable {
    private let lock = NSLock()
    private var stored: CertificateChainVerifier?

    func value(_ make: () -> CertificateChainVerifier) -> CertificateChainVerifier {
        lock.withLock {
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
