import Foundation
import LabKit
import ModuleFetch

/// `SumDBOps` that fetches with curl inside a lab namespace (test-only), keeps config and
/// cache in memory, and can tamper with what the server sent.
actor CurlSumDBOps: SumDBOps {
    enum Tamper: Sendable { case none, record, tile }

    let lab: Lab
    let host: LabHost
    let base: String
    let tamper: Tamper
    private(set) var requests: [String] = []
    private var config: [String: [UInt8]] = [:]
    private var cache: [String: [UInt8]] = [:]

    init(lab: Lab, host: LabHost, base: String, tamper: Tamper = .none) {
        self.lab = lab
        self.host = host
        self.base = base
        self.tamper = tamper
    }

    func readRemote(_ path: String) async -> Result<[UInt8], ModuleFetchError> {
        requests.append(path)
        let script = "f=$(mktemp) && code=$(curl -sS -o \"$f\" -w '%{http_code}' \"$1\") && echo \"$code\" && base64 -w0 \"$f\"; rm -f \"$f\""
        do {
            let result = try await lab.run(in: host, ["sh", "-c", script, "sh", base + path], timeout: .seconds(20))
            let lines = result.stdout.split(separator: "\n", omittingEmptySubsequences: false)
            guard result.succeeded, lines.count >= 2, lines[0] == "200", let data = Data(base64Encoded: String(lines[1])) else {
                return .failure(ModuleFetchError("http-status", "\(path): \(result.stdout.prefix(200)) \(result.stderr.prefix(200))"))
            }
            var bytes = Array(data)
            switch tamper {
            case .record where path.hasPrefix("/lookup/"):
                if let i = bytes.firstIndex(of: UInt8(ascii: ":")) { bytes[i + 1] ^= 1 }
            case .tile where path.hasPrefix("/tile/") && !bytes.isEmpty:
                bytes[bytes.count - 1] ^= 1
            default: break
            }
            return .success(bytes)
        } catch {
            return .failure(ModuleFetchError("transport", "\(error)"))
        }
    }

    func readConfig(_ file: String) async -> Result<[UInt8], ModuleFetchError> { .success(config[file] ?? []) }
    func writeConfig(_ file: String, old: [UInt8], new: [UInt8]) async -> Result<Bool, ModuleFetchError> {
        guard (config[file] ?? []) == old else { return .success(false) }
        config[file] = new
        return .success(true)
    }
    func readCache(_ file: String) async -> [UInt8]? { cache[file] }
    func writeCache(_ file: String, data: [UInt8]) async { cache[file] = data }
    func log(_ message: String) async {}
    func securityError(_ message: String) async {}
}
