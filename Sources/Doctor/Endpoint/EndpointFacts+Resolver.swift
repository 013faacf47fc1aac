import NetProbes

extension EndpointFacts {
    /// What one resolver of the comparison said about the endpoint's host, A and AAAA taken
    /// together: the unit the DNS rules compare (a resolver that filters AAAA still agrees
    /// with one that does not, as long as the A answers share an address).
    public struct Resolver: Sendable, Equatable, Codable {
        /// The server as a user types it: "10.77.3.2", or "10.77.3.2#5353" off port 53.
        public var server: String
        /// "system" (resolv.conf), "public" (the `--resolver` set).
        public var role: String
        /// "NXDOMAIN" when either type got it, else "NOERROR" when either did, else the first
        /// other RCODE; nil when no response arrived at all.
        public var rcode: String?
        /// A and AAAA data, sorted, each once.
        public var addresses: [String]
        /// Why no definite answer came ("timeout", "unreachable", "servfail", "refused-dns", …); nil when one did.
        public var failure: String?

        public init(server: String, role: String, rcode: String?, addresses: [String] = [], failure: String? = nil) {
            self.server = server
            self.role = role
            self.rcode = rcode
            self.addresses = Array(Set(addresses)).sorted()
            self.failure = failure
        }

        public var isSystem: Bool { role == "system" }

        /// A definite answer: the name has these addresses, or none (NXDOMAIN / no data).
        public var answered: Bool { rcode == "NOERROR" || rcode == "NXDOMAIN" }

        /// Gave at least one address.
        public var resolves: Bool { rcode == "NOERROR" && !addresses.isEmpty }

        /// The server's IP, and its port when it is not 53.
        public var ip: String { DNSServerAddress(parsing: server)?.ip ?? server }
        public var port: Int { DNSServerAddress(parsing: server)?.port ?? 53 }

        /// "10.77.3.2 (public): 10.77.2.2", "10.77.1.2 (system): NXDOMAIN", "… (system): timeout".
        public var evidenceLine: String {
            let said: String
            if rcode == "NXDOMAIN" {
                said = "NXDOMAIN"
            } else if rcode == "NOERROR" {
                said = addresses.isEmpty ? "no address (NODATA)" : BoundedList.join(addresses)
            } else {
                said = [rcode, failure].compactMap { $0 }.joined(separator: ", ")
            }
            return "\(server) (\(role)): \(said.isEmpty ? "no answer" : said)"
        }

        /// This resolver's answer as the go command's resolver reads it (A and AAAA taken
        /// together; without flags no reply counts as a lame referral).
        public var goReply: GoDNSReply {
            GoDNSReply(server: DNSServerAddress(parsing: server).map(GoDNSError.goServer) ?? server, rcode: rcode,
                       addresses: rcode == "NOERROR" ? addresses : [], noReply: failure)
        }

        /// One fact per resolver, in the comparison's order, from its per-type answers.
        public static func distil(_ answers: [ResolverAnswer]) -> [Resolver] {
            var order: [String] = []
            var byResolver: [String: [ResolverAnswer]] = [:]
            for answer in answers {
                if byResolver[answer.resolver] == nil { order.append(answer.resolver) }
                byResolver[answer.resolver, default: []].append(answer)
            }
            return order.compactMap { name in
                guard let group = byResolver[name], let first = group.first else { return nil }
                let rcodes = group.compactMap(\.rcode)
                let rcode = rcodes.contains("NXDOMAIN") ? "NXDOMAIN" : rcodes.contains("NOERROR") ? "NOERROR" : rcodes.first
                let definite = rcode == "NOERROR" || rcode == "NXDOMAIN"
                let failure = definite ? nil : group.compactMap { $0.outcome.failure?.code }.first
                let server = DNSServerAddress(parsing: name).map { $0.port == 53 ? $0.ip : $0.description } ?? name
                return Resolver(server: server, role: first.role, rcode: rcode,
                                addresses: rcode == "NOERROR" ? group.flatMap(\.addresses) : [], failure: failure)
            }
        }
    }
}
