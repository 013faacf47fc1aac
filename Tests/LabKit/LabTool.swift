import Foundation
#if canImport(Glibc)
import Glibc
#endif

/// A program or file the lab needs, and where it is on this machine.
///
/// System directories are searched before `$PATH`, so the Debian packages listed in
/// /work/shared/lab.md win over user shims (pyenv) that may not exist in a namespace.
public enum LabTool: String, CaseIterable, Sendable, Hashable {
    case ip, iptables, tc, sysctl, ss, ping, dnsmasq, dig, openssl, curl, tinyproxy
    case go, python3, gcc
    /// libnetfilter_queue headers (`libnetfilter-queue-dev`), for the delayer.
    case libnetfilterQueue
    /// golang.org/x/mod sources (`golang-golang-x-mod-dev`), for the sumdb and modtree helpers.
    case goModSources

    /// The Debian package that provides the tool (named in skip messages).
    public var debianPackage: String {
        switch self {
        case .ip, .tc, .ss: "iproute2"
        case .iptables: "iptables"
        case .sysctl: "procps"
        case .ping: "iputils-ping"
        case .dnsmasq: "dnsmasq-base"
        case .dig: "dnsutils"
        case .openssl: "openssl"
        case .curl: "curl"
        case .tinyproxy: "tinyproxy"
        case .go: "golang-go"
        case .python3: "python3"
        case .gcc: "gcc"
        case .libnetfilterQueue: "libnetfilter-queue-dev"
        case .goModSources: "golang-golang-x-mod-dev"
        }
    }

    static let systemDirectories = ["/usr/local/sbin", "/usr/local/bin", "/usr/sbin", "/usr/bin", "/sbin", "/bin"]
    static let goModRoot = "/usr/share/gocode"

    /// The absolute path of the tool, or nil when it is not installed.
    public var path: String? {
        switch self {
        case .libnetfilterQueue:
            let header = "/usr/include/libnetfilter_queue/libnetfilter_queue.h"
            return FileManager.default.fileExists(atPath: header) ? header : nil
        case .goModSources:
            let dir = Self.goModRoot + "/src/golang.org/x/mod/sumdb"
            return FileManager.default.fileExists(atPath: dir) ? Self.goModRoot : nil
        default:
            let pathDirectories = (ProcessInfo.processInfo.environment["PATH"] ?? "").split(separator: ":").map(String.init)
            for directory in Self.systemDirectories + pathDirectories {
                let candidate = directory + "/" + rawValue
                if access(candidate, X_OK) == 0 { return candidate }
            }
            return nil
        }
    }

    /// Every tool the lab can use.
    public static let all = Set(LabTool.allCases)

    /// What is missing for a lab using `tools`: "root" when not running as root, and
    /// "<tool> (Debian <package>)" for each tool that is not installed. Empty means ready.
    public static func missing(_ tools: Set<LabTool> = all) -> [String] {
        var missing: [String] = geteuid() == 0 ? [] : ["root (the lab needs CAP_NET_ADMIN)"]
        for tool in tools.sorted(by: { $0.rawValue < $1.rawValue }) where tool.path == nil {
            missing.append("\(tool.rawValue) (Debian \(tool.debianPackage))")
        }
        return missing
    }
}
