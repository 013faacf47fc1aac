/// Why the go command's pure-Go resolver failed to look a name up, typed — the same value
/// net.DNSError carries (net/net.go), so its text is the go command's own:
/// `lookup proxy.golang.org on 10.0.0.53:53: server misbehaving`.
///
/// Go on Linux resolves with its own DNS client by default (net/conf.go), asking the
/// resolv.conf servers itself; getaddrinfo's wording ("Temporary failure in name resolution")
/// is never what the go command prints, and it folds SERVFAIL and timeouts together.
public struct GoDNSError: Sendable, Codable, Equatable, CustomStringConvertible {
    /// What the deciding server did. Go's texts (net/dnsclient_unix.go checkHeader,
    /// skipToAnswer, tryOneName; identical in Go 1.19 and 1.27):
    public enum Kind: String, Sendable, Codable, CaseIterable {
        /// RCODE 2: errServerTemporarilyMisbehaving, "server misbehaving"; Go asks the next server.
        case servfail
        /// RCODE 3: errNoSuchHost, "no such host"; definitive, no other server is asked.
        case nxdomain
        /// NOERROR without a record of the asked type: skipToAnswer's errNoSuchHost, "no such
        /// host"; definitive like NXDOMAIN (Go cannot tell them apart in its text).
        case noAddress = "no-address"
        /// RCODE 5: errServerMisbehaving, "server misbehaving"; next server.
        case refused
        /// Any other RCODE (FORMERR, NOTIMP…): errServerMisbehaving; next server.
        case otherRcode = "other-rcode"
        /// NOERROR, empty, neither AA nor RA: errLameReferral, "lame referral"; next server.
        case lameReferral = "lame-referral"
        /// No answer within the per-try timeout: `read udp …: i/o timeout`; next server.
        case timeout
        /// ICMP unreachable on the server's socket (nothing listens on port 53); next server.
        case unreachable
        /// A reply that does not parse: errCannotUnmarshalDNSMessage; next server.
        case malformed
        /// A local socket error; next server.
        case socket
    }

    public var kind: Kind
    /// The name as the caller asked it (goLookupIPCNAMEOrder shows the original name, not a
    /// search-suffixed one: golang.org/issue/6324).
    public var name: String
    /// The deciding server as Go writes it: net.JoinHostPort(ip, "53").
    public var server: String
    /// The server's RCODE when it answered.
    public var rcode: String?
    /// DNSError.Err: "server misbehaving", "no such host", "read udp 10.0.0.53:53: i/o timeout"…
    public var err: String

    public init(kind: Kind, name: String, server: String, rcode: String? = nil, err: String) {
        self.kind = kind
        self.name = name
        self.server = server
        self.rcode = rcode
        self.err = err
    }

    /// DNSError.Error(): `lookup <name> on <server>: <err>`.
    public var description: String {
        "lookup \(name)" + (server.isEmpty ? "" : " on \(server)") + ": \(err)"
    }

    /// The bounded failure code (ProbeOutcome vocabulary): "servfail", "nxdomain" (both
    /// not-found kinds: the go command's IsNotFound), "refused-dns", "dns-rcode", "timeout",
    /// "dns" for the rest.
    public var code: String {
        switch kind {
        case .servfail: return "servfail"
        case .nxdomain, .noAddress: return "nxdomain"
        case .refused: return "refused-dns"
        case .otherRcode: return "dns-rcode"
        case .timeout: return "timeout"
        case .lameReferral, .unreachable, .malformed, .socket: return "dns"
        }
    }

    /// DNSError.IsNotFound: the name has no address, asking again will not help.
    public var isNotFound: Bool { kind == .nxdomain || kind == .noAddress }

    /// net.JoinHostPort for a resolv.conf server: "10.0.0.53:53", "[fd77::1]:53".
    public static func goServer(_ server: DNSServerAddress) -> String {
        server.ip.contains(":") ? "[\(server.ip)]:\(server.port)" : "\(server.ip):\(server.port)"
    }
}
