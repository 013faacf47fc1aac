import NetProbes

/// The DNS layer's rules. The go command resolves with the system resolver only (net's
/// resolver reads /etc/hosts and resolv.conf: net/dnsclient_unix.go, net/conf.go), so only the
/// system resolver's answer can be a root cause; the public resolvers of the comparison are
/// witnesses that say whether that answer is wrong, and which server would answer correctly.
extension EndpointRules {
    /// resolv.conf's servers as the comparison saw them.
    var systemResolvers: [EndpointFacts.Resolver] { facts.resolvers.filter(\.isSystem) }

    /// The public resolvers that gave addresses, in the order the user named them.
    var resolvingWitnesses: [EndpointFacts.Resolver] { facts.resolvers.filter { !$0.isSystem && $0.resolves } }

    /// The finding when the system resolver gave no address (getaddrinfo failed): NXDOMAIN or
    /// no data while a public resolver has addresses; every resolv.conf server silent; else
    /// the resolver's own class.
    func dnsFinding(_ dns: EndpointFacts.DNS, _ failure: FailureClass) -> Finding {
        let code = dns.errorClass ?? failure.code
        let evidence = [failure.detail] + facts.resolvers.map(\.evidenceLine)
        let system = systemResolvers
        if code == "nxdomain" || code == "no-data", let witness = resolvingWitnesses.first {
            return finding("endpoint.dns.system-nxdomain", .dns, .failure,
                           arguments: ["resolver": witness.server, "answer": BoundedList.join(witness.addresses),
                                       "system": Self.servers(system, fallback: "getaddrinfo"), "rcode": code == "nxdomain" ? "NXDOMAIN" : "NODATA"],
                           evidence: evidence, commands: switchCommands(to: witness, pinning: false))
        }
        if let servfail = servfailFinding(evidence: evidence) { return servfail }
        if !system.isEmpty, system.allSatisfy({ $0.rcode == nil }) {
            let witness = resolvingWitnesses.first
            var commands = system.map { digCommand(at: $0) }
            // "unreachable": no route to the nameserver at all; the route says why.
            for resolver in system where resolver.failure == "unreachable" { commands.append("ip route get \(resolver.ip)") }
            if let witness { commands += switchCommands(to: witness, pinning: false) } else { commands.append("cat /etc/resolv.conf") }
            return finding("endpoint.dns.server-unreachable", .dns, .failure,
                           arguments: ["system": Self.servers(system, fallback: ""),
                                       "failure": system.compactMap(\.failure).first ?? "timeout",
                                       "resolver": witness?.server ?? "-"],
                           evidence: evidence, commands: commands)
        }
        let id: String
        switch code {
        case "nxdomain": id = "endpoint.dns.nxdomain"
        case "no-data": id = "endpoint.dns.no-address"
        case "timeout", "temporary": id = "endpoint.dns.timeout"
        default: id = "endpoint.dns.failed"
        }
        return finding(id, .dns, .failure, evidence: evidence,
                       commands: ["cat /etc/resolv.conf", "gomod-doctor dig \(host)", "getent ahosts \(host)"])
    }

    /// The error the go command reports for the host: its resolver over resolv.conf's
    /// servers in order (net/dnsclient_unix.go tryOneName: SERVFAIL moves on to the next
    /// server, the last server's error is the one printed); nil when a server answered.
    var goSystemError: GoDNSError? {
        guard case .failed(let error)? = GoResolverRules.tryOneName(systemResolvers.map(\.goReply), name: host) else { return nil }
        return error
    }

    /// The go command's resolver ends on a SERVFAIL ("server misbehaving"): that nameserver
    /// cannot resolve the name (a broken delegation, a DNSSEC validation failure, an upstream
    /// fault) — an answer, not a timeout. The diagnostics ask it directly, with DNSSEC
    /// checking off (+cd answers when validation is what fails), and walk the delegation from
    /// the root; a public resolver that answers gives the same way out as system-nxdomain.
    func servfailFinding(evidence: [String]) -> Finding? {
        guard let error = goSystemError, error.kind == .servfail,
              let resolver = systemResolvers.last(where: { $0.goReply.server == error.server }) else { return nil }
        let port = resolver.port == 53 ? "" : " -p \(resolver.port)"
        var commands = [digCommand(at: resolver), "dig @\(resolver.ip)\(port) \(host) +cd", "dig +trace \(host)"]
        if let witness = resolvingWitnesses.first { commands += switchCommands(to: witness, pinning: false) }
        var lines = evidence
        lines.insert("go: \(error)", at: min(1, lines.count))
        return finding("endpoint.dns.servfail", .dns, .failure,
                       arguments: ["server": resolver.server, "goError": error.description],
                       evidence: lines, commands: commands)
    }

    /// The system resolver's addresses share none with those of at least two public resolvers
    /// that agree with each other (each pair shares an address). The verdict makes it the root
    /// cause only when a later layer failed against the system's address: CDNs answer by
    /// location, so a different answer that works is no fault.
    func poisonedFinding(_ dns: EndpointFacts.DNS) -> Finding? {
        let mine = Set(dns.addresses.map(\.ip))
        let witnesses = resolvingWitnesses
        guard !mine.isEmpty, witnesses.count >= 2 else { return nil }
        let sets = witnesses.map { Set($0.addresses) }
        for (index, set) in sets.enumerated() {
            for other in sets[(index + 1)...] where set.isDisjoint(with: other) { return nil }
        }
        guard sets.allSatisfy({ $0.isDisjoint(with: mine) }), let first = witnesses.first else { return nil }
        let common = sets.dropFirst().reduce(sets[0]) { $0.intersection($1) }
        let good = Self.preferredAddress(common.isEmpty ? Set(first.addresses) : common)
        let evidence = ["getaddrinfo \(host): " + BoundedList.join(mine.sorted())] + facts.resolvers.map(\.evidenceLine)
        return finding("endpoint.dns.poisoned", .dns, .failure,
                       arguments: ["systemAnswer": BoundedList.join(mine.sorted()), "answer": good,
                                   "resolvers": witnesses.map(\.server).joined(separator: ", "), "resolver": first.server],
                       evidence: evidence, commands: switchCommands(to: first, pinning: true, address: good))
    }

    /// A public resolver that answers differently from the system resolver while the system
    /// resolver gives addresses: informational only, the go command never asks it.
    func publicDisagreementFinding(_ dns: EndpointFacts.DNS) -> Finding? {
        let mine = Set(dns.addresses.map(\.ip))
        guard !mine.isEmpty else { return nil }
        let differing = facts.resolvers.filter { resolver in
            !resolver.isSystem && resolver.answered && mine.isDisjoint(with: resolver.addresses)
        }
        guard !differing.isEmpty else { return nil }
        return finding("endpoint.dns.public-resolver-disagrees", .dns, .info,
                       arguments: ["resolvers": differing.map(\.server).joined(separator: ", "),
                                   "systemAnswer": BoundedList.join(mine.sorted())],
                       evidence: ["getaddrinfo \(host): " + BoundedList.join(mine.sorted())] + facts.resolvers.map(\.evidenceLine))
    }

    /// `gomod-doctor dig <host> @<server>` (with `-p` off port 53).
    func digCommand(at resolver: EndpointFacts.Resolver) -> String {
        "gomod-doctor dig \(host) @\(resolver.ip)" + (resolver.port == 53 ? "" : " -p \(resolver.port)")
    }

    /// Check the witness's answer, then use it: resolv.conf can name a server only on port 53,
    /// so off port 53 (or when `pinning`) the good address goes into /etc/hosts.
    func switchCommands(to witness: EndpointFacts.Resolver, pinning: Bool, address: String? = nil) -> [String] {
        var commands = [digCommand(at: witness)]
        let good = address ?? Self.preferredAddress(Set(witness.addresses))
        if pinning || witness.port != 53 {
            commands.append("echo '\(good) \(host)' | sudo tee -a /etc/hosts")
        }
        if witness.port == 53 {
            commands.append("echo 'nameserver \(witness.ip)' | sudo tee /etc/resolv.conf")
        }
        return commands
    }

    /// An IPv4 address first (it works on more networks), else the smallest.
    static func preferredAddress(_ addresses: Set<String>) -> String {
        let sorted = addresses.sorted()
        return sorted.first { !$0.contains(":") } ?? sorted.first ?? ""
    }

    static func servers(_ resolvers: [EndpointFacts.Resolver], fallback: String) -> String {
        resolvers.isEmpty ? fallback : resolvers.map(\.server).joined(separator: ", ")
    }
}
