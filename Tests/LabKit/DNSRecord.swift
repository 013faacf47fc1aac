import Foundation

/// A DNS record the lab's dnsmasq serves, written as a dnsmasq configuration line.
public enum DNSRecord: Sendable, Hashable {
    /// name → IPv4 address (also answers the matching PTR query).
    case a(String, String)
    /// name → IPv6 address (also answers the matching PTR query).
    case aaaa(String, String)
    /// alias → target (dnsmasq serves it only when the target is lab data too).
    case cname(alias: String, target: String)
    case mx(String, exchange: String, preference: Int)
    case txt(String, [String])
    /// A PTR record, named in full ("2.3.77.10.in-addr.arpa").
    case ptr(String, target: String)
    /// An SRV record named "_service._proto.name".
    case srv(String, target: String, port: Int, priority: Int = 0, weight: Int = 0)

    /// The dnsmasq configuration line for this record.
    var dnsmasqLine: String {
        switch self {
        case .a(let name, let address), .aaaa(let name, let address):
            return "host-record=\(name),\(address)"
        case .cname(let alias, let target):
            return "cname=\(alias),\(target)"
        case .mx(let name, let exchange, let preference):
            return "mx-host=\(name),\(exchange),\(preference)"
        case .txt(let name, let strings):
            return "txt-record=\(name)," + strings.map { "\"\($0)\"" }.joined(separator: ",")
        case .ptr(let name, let target):
            return "ptr-record=\(name),\(target)"
        case .srv(let name, let target, let port, let priority, let weight):
            return "srv-host=\(name),\(target),\(port),\(priority),\(weight)"
        }
    }
}
