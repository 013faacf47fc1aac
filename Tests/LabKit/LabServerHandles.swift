import Foundation

/// A running lab GOPROXY.
public struct LabGoProxy: Sendable {
    public let process: LabProcess
    public let port: Int
    public let isTLS: Bool
    /// The rules file the server re-reads on every request (`Lab.setRules`).
    public let rulesPath: String
}

/// A running lab checksum database.
public struct LabSumDB: Sendable {
    public let process: LabProcess
    /// The verifier key, for GOSUMDB="<verifierKey> http://<address>:<port>".
    public let verifierKey: String
    public let address: String
    public let port: Int

    /// The GOSUMDB value for this database reached at `host` (an address or a lab DNS name).
    public func gosumdb(host: String? = nil) -> String {
        let authority = host ?? (address.contains(":") ? "[\(address)]" : address)
        return "\(verifierKey) http://\(authority):\(port)"
    }
}
