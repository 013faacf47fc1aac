import Foundation
import NIOConcurrencyHelpers

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

    /// The store for `environment`'s trust configuration (SSL_CERT_FILE, SSL_CERT_DIR), one per
    /// configuration for the whole process: every endpoint probe, TLS probe and fetch of a run
    /// shares it. Loading the system bundle per probe cost a healthy check about 40 ms of CPU
    /// per TLS connection (8–12 loads a run). A long-running process that must see a changed
    /// bundle makes its own `TrustStore(environment:)` instead.
    public static func shared(environment: [String: String]) -> TrustStore {
        let key = TrustConfigurationKey(certFile: environment["SSL_CERT_FILE"], certDirectories: environment["SSL_CERT_DIR"])
        return sharedStores.withLockedValue { stores in
            if let store = stores[key] { return store }
            let store = TrustStore(environment: environment)
            stores[key] = store
            return store
        }
    }

    private static let sharedStores = NIOLockedValueBox<[TrustConfigurationKey: TrustStore]>([:])

    /// The roots the go command would use for this environment.
    public var roots: TrustRoots { load().roots }

    /// The verifier built from the roots the go command would use (and the machine's public
    /// roots, to tell interception from a deliberately narrowed SSL_CERT_FILE).
    public var verifier: CertificateChainVerifier { load().verifier }

    private func load() -> (roots: TrustRoots, verifier: CertificateChainVerifier) {
        loaded.value {
            let roots = TrustRoots.load(environment: environment)
            let publicRoots = roots.origin.overriddenBy.isEmpty ? roots : TrustRoots.systemDefaults()
            return (roots, CertificateChainVerifier(roots: roots, publicRoots: publicRoots))
        }
    }
}

/// What in the environment decides the trust roots (TrustRoots.load reads only these).
private struct TrustConfigurationKey: Hashable {
    var certFile: String?
    var certDirectories: String?
}

/// A lock-guarded once-only value.
private final class LoadedRoots: Sendable {
    private let stored = NIOLockedValueBox<(roots: TrustRoots, verifier: CertificateChainVerifier)?>(nil)

    func value(_ make: () -> (roots: TrustRoots, verifier: CertificateChainVerifier)) -> (roots: TrustRoots, verifier: CertificateChainVerifier) {
        stored.withLockedValue { stored in
            if let stored { return stored }
            let made = make()
            stored = made
            return made
        }
    }
}
