import Foundation
import NIOConcurrencyHelpers
import NIOPosix

/// The trust roots one run uses, loaded from disk (SSL_CERT_FILE / SSL_CERT_DIR / the system
/// bundle) at most once and shared by every request that holds this store. Parsing a system
/// bundle costs tens of milliseconds; reloading it per request made a 1,000-request go.sum
/// audit take 90 s instead of well under a second.
public final class TrustStore: Sendable {
    private let environment: [String: String]

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

    /// The roots the go command would use for this environment, and the verifier built from
    /// them (with the machine's public roots, to tell interception from a deliberately
    /// narrowed SSL_CERT_FILE), loaded once.
    ///
    /// Loading reads and parses every file of the system bundle (tens of milliseconds, more
    /// on a loaded machine), so it runs on NIO's blocking-I/O thread pool and callers await it
    /// only where they need it: when a certificate chain is to be verified, after the
    /// connection and the handshake it overlaps. A lock held across the load used to block a
    /// cooperative thread of every probe that merely created a client, and with two cores that
    /// stalled the whole run (a plain-http fetch waited for certificates it never used).
    public func loaded() async -> LoadedTrust {
        let environment = environment
        let task = loading.withLockedValue { loading in
            if let loading { return loading }
            let started = Task { await Self.load(environment: environment) }
            loading = started
            return started
        }
        return await task.value
    }

    /// Starts loading now (a run that will verify chains calls this first thing).
    public func prepare() {
        Task { _ = await loaded() }
    }

    private let loading = NIOLockedValueBox<Task<LoadedTrust, Never>?>(nil)

    private static func load(environment: [String: String]) async -> LoadedTrust {
        let make: @Sendable () -> LoadedTrust = {
            let roots = TrustRoots.load(environment: environment)
            let publicRoots = roots.origin.overriddenBy.isEmpty ? roots : TrustRoots.systemDefaults()
            return LoadedTrust(roots: roots, verifier: CertificateChainVerifier(roots: roots, publicRoots: publicRoots))
        }
        // The pool is NIO's process-wide one and is never shut down; should it be inactive,
        // the load runs here instead (it is the same work, only on this thread).
        if let loaded = try? await NIOThreadPool.singleton.runIfActive(make) { return loaded }
        return make()
    }
}

/// A trust store's loaded roots and the verifier built from them.
public struct LoadedTrust: Sendable {
    public var roots: TrustRoots
    public var verifier: CertificateChainVerifier
}

/// What in the environment decides the trust roots (TrustRoots.load reads only these).
private struct TrustConfigurationKey: Hashable {
    var certFile: String?
    var certDirectories: String?
}
