import Foundation

extension Lab {
    /// Adds a host (a new namespace with `lo` up). Host names: 1–12 characters [a-z0-9].
    /// A router forwards IPv4 and IPv6 and has the ICMP rate limits off (so back-to-back
    /// traces get every time-exceeded reply).
    @discardableResult
    public func addHost(_ name: String, router: Bool = false) async throws -> LabHost {
        guard name.range(of: "^[a-z0-9]{1,12}$", options: .regularExpression) != nil else {
            throw LabError("addHost \(name)", "host names are 1–12 characters of [a-z0-9]")
        }
        guard hosts[name] == nil else { throw LabError("addHost \(name)", "a host of that name exists") }
        let host = LabHost(name: name, namespace: "\(prefix)-\(name)", isRouter: router)
        try await shell(["ip", "netns", "add", host.namespace])
        namespaces.append(host.namespace)
        hosts[name] = host
        try await shell(["ip", "-n", host.namespace, "link", "set", "lo", "up"])
        var settings = ["net.ipv6.conf.all.accept_dad=0", "net.ipv6.conf.default.accept_dad=0"]
        if router {
            settings += [
                "net.ipv4.ip_forward=1", "net.ipv6.conf.all.forwarding=1",
                "net.ipv4.icmp_ratelimit=0", "net.ipv6.icmp.ratelimit=0",
            ]
        }
        try await run(in: host, ["sysctl", "-q", "-w"] + settings).check()
        return host
    }

    /// Joins `a` and `b` with a veth pair created directly inside their namespaces (nothing
    /// appears in the test process's namespace), brings both ends up and gives them the
    /// addresses of `subnet` (the next free one when nil). IPv6 addresses skip DAD, and each
    /// end has a permanent neighbour entry for the other (MACs 02:77:00:00:<subnet>:01|02).
    @discardableResult
    public func link(_ a: LabHost, _ b: LabHost, subnet: Int? = nil) async throws -> LabLink {
        let number = subnet ?? nextSubnet
        guard (1...254).contains(number), !links.contains(where: { $0.subnet == number }) else {
            throw LabError("link \(a) \(b)", "subnet \(number) is taken or outside 1…254")
        }
        nextSubnet = max(nextSubnet, number + 1)
        let ends = [(a, "a", 1), (b, "b", 2)].map { host, side, address in
            LabInterface(
                host: host, name: "\(prefix)v\(number)\(side)",
                ipv4: "10.77.\(number).\(address)", ipv6: "fd77:0:0:\(number)::\(address)")
        }
        let macs = [1, 2].map { String(format: "02:77:00:00:%02x:%02x", number, $0) }
        try await shell([
            "ip", "link", "add", ends[0].name, "address", macs[0], "netns", a.namespace, "type", "veth",
            "peer", "name", ends[1].name, "address", macs[1], "netns", b.namespace,
        ])
        let link = LabLink(subnet: number, a: ends[0], b: ends[1])
        links.append(link)
        for (index, end) in ends.enumerated() {
            let ns = end.host.namespace
            let peer = ends[1 - index]
            try await shell(["ip", "-n", ns, "addr", "add", end.ipv4 + "/24", "dev", end.name])
            try await shell(["ip", "-n", ns, "-6", "addr", "add", end.ipv6 + "/64", "dev", end.name, "nodad"])
            try await shell(["ip", "-n", ns, "link", "set", end.name, "up"])
            // Fixed neighbour entries for the peer: fresh IPv6 neighbour discovery across a
            // router took 1–2 s here, which would leak into every first-packet timing.
            for address in [peer.ipv4, peer.ipv6] {
                try await shell([
                    "ip", "-n", ns, "neigh", "replace", address, "lladdr", macs[1 - index], "dev", end.name, "nud", "permanent",
                ])
            }
        }
        return link
    }

    /// Routes `destination` (a prefix, "10.77.5.0/24" or "fd77:0:0:5::/64") from `host` via `gateway`.
    public func addRoute(on host: LabHost, to destination: String, via gateway: String) async throws {
        let family = destination.contains(":") ? "-6" : "-4"
        try await shell(["ip", "-n", host.namespace, family, "route", "replace", destination, "via", gateway])
    }

    /// Sets the IPv4 and IPv6 default routes of `host` through `gateway`'s addresses.
    public func setDefaultRoute(on host: LabHost, via gateway: LabInterface) async throws {
        try await addRoute(on: host, to: "default", via: gateway.ipv4)
        try await shell(["ip", "-n", host.namespace, "-6", "route", "replace", "default", "via", gateway.ipv6])
    }

    /// Writes /etc/netns/<ns>/resolv.conf, which `ip netns exec` bind-mounts over
    /// /etc/resolv.conf for every command the lab runs in `host`.
    public func setResolver(
        on host: LabHost, nameservers: [String], search: [String] = [], options: [String] = []
    ) throws {
        var lines = nameservers.map { "nameserver \($0)" }
        if !search.isEmpty { lines.append("search " + search.joined(separator: " ")) }
        if !options.isEmpty { lines.append("options " + options.joined(separator: " ")) }
        let directory = "/etc/netns/" + host.namespace
        do {
            try FileManager.default.createDirectory(atPath: directory, withIntermediateDirectories: true)
            try (lines.joined(separator: "\n") + "\n").write(
                toFile: directory + "/resolv.conf", atomically: true, encoding: .utf8)
        } catch {
            throw LabError("setResolver \(host)", "\(error)")
        }
    }

    /// Builds client — r1 — … — r<routers> — server with every subnet routed both ways:
    /// client and server get default routes into the chain; each router gets explicit
    /// routes for the subnets beyond its neighbours (no default, so stray destinations are
    /// unreachable at the first router).
    public func chain(routers count: Int, client: String = "client", server: String = "server") async throws -> LabChain {
        var nodes = [try await addHost(client)]
        for index in 0..<count { nodes.append(try await addHost("r\(index + 1)", router: true)) }
        nodes.append(try await addHost(server))
        var chainLinks: [LabLink] = []
        for index in 0..<(nodes.count - 1) {
            chainLinks.append(try await link(nodes[index], nodes[index + 1]))
        }
        try await setDefaultRoute(on: nodes[0], via: chainLinks[0].b)
        try await setDefaultRoute(on: nodes[nodes.count - 1], via: chainLinks[chainLinks.count - 1].a)
        for node in 1..<(nodes.count - 1) {
            for (index, far) in chainLinks.enumerated() where index < node - 1 || index > node {
                let gateway = index < node ? chainLinks[node - 1].a : chainLinks[node].b
                try await addRoute(on: nodes[node], to: far.ipv4Prefix, via: gateway.ipv4)
                try await addRoute(on: nodes[node], to: far.ipv6Prefix, via: gateway.ipv6)
            }
        }
        return LabChain(client: nodes[0], routers: Array(nodes[1..<(nodes.count - 1)]), server: nodes[nodes.count - 1], links: chainLinks)
    }

    /// Runs a set-up command in the test process's namespace and fails on a non-zero exit.
    func shell(_ argv: [String]) async throws {
        try await run(in: nil, argv).check()
    }
}
