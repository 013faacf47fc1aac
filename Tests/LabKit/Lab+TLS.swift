import Foundation

extension Lab {
    static let ecKey = ["-newkey", "ec", "-pkeyopt", "ec_paramgen_curve:prime256v1", "-nodes"]

    /// Makes a CA (self-signed, CA:TRUE, keyCertSign) valid for ten years from now. Make a
    /// second one for "interception" scenarios: its leaves chain to a root the client lacks.
    public func makeCertificateAuthority(name: String) async throws -> LabCertificateAuthority {
        let directory = scratchPath("ca")
        try createDirectory(directory)
        let config = directory + "/req.cnf"
        try write(OpenSSLConfig.request(commonName: name), to: config)
        let ca = LabCertificateAuthority(
            name: name, certificatePath: directory + "/ca.pem", keyPath: directory + "/ca.key", directory: directory)
        try await run(in: nil, ["openssl", "req", "-x509", "-new", "-config", config, "-extensions", "ca_ext"]
            + Self.ecKey + ["-keyout", ca.keyPath, "-out", ca.certificatePath, "-days", "3650"]).check()
        return ca
    }

    /// Issues a server certificate from `ca` for `dnsNames` and `ipAddresses` (the SANs the
    /// go command checks; a wrong-host certificate is one issued for other names), valid as
    /// `validity` says.
    public func issueCertificate(
        from ca: LabCertificateAuthority, commonName: String, dnsNames: [String], ipAddresses: [String] = [],
        validity: CertificateValidity = .valid
    ) async throws -> LabCertificate {
        let directory = scratchPath("cert")
        try createDirectory(directory)
        try write("", to: directory + "/index.txt")
        try write("01\n", to: directory + "/serial")  // required by openssl ca even with -rand_serial
        let sans = OpenSSLConfig.subjectAltNames(dnsNames: dnsNames, ipAddresses: ipAddresses)
        try write(OpenSSLConfig.request(commonName: commonName), to: directory + "/req.cnf")
        try write(OpenSSLConfig.authority(directory: directory, ca: ca, subjectAltNames: sans), to: directory + "/ca.cnf")
        let certificate = LabCertificate(
            certificatePath: directory + "/cert.pem", keyPath: directory + "/key.pem", issuerPath: ca.certificatePath)
        try await run(in: nil, ["openssl", "req", "-new", "-config", directory + "/req.cnf"] + Self.ecKey
            + ["-keyout", certificate.keyPath, "-out", directory + "/req.csr"]).check()
        let (start, end) = validity.interval
        try await run(in: nil, [
            "openssl", "ca", "-batch", "-notext", "-rand_serial", "-config", directory + "/ca.cnf",
            "-extensions", "leaf_ext", "-in", directory + "/req.csr", "-out", certificate.certificatePath,
            "-startdate", CertificateValidity.opensslTime(start), "-enddate", CertificateValidity.opensslTime(end),
        ]).check()
        return certificate
    }

    /// A self-signed server certificate (valid dates, right names, but no CA vouches for it).
    public func makeSelfSignedCertificate(commonName: String, dnsNames: [String], ipAddresses: [String] = []) async throws -> LabCertificate {
        let directory = scratchPath("self")
        try createDirectory(directory)
        let sans = OpenSSLConfig.subjectAltNames(dnsNames: dnsNames, ipAddresses: ipAddresses)
        try write(
            OpenSSLConfig.request(commonName: commonName) + "[ leaf_ext ]\n" + OpenSSLConfig.leafExtensions(subjectAltNames: sans),
            to: directory + "/req.cnf")
        let certificate = LabCertificate(
            certificatePath: directory + "/cert.pem", keyPath: directory + "/key.pem", issuerPath: nil)
        try await run(in: nil, ["openssl", "req", "-x509", "-new", "-config", directory + "/req.cnf", "-extensions", "leaf_ext"]
            + Self.ecKey + ["-keyout", certificate.keyPath, "-out", certificate.certificatePath, "-days", "30"]).check()
        return certificate
    }

    /// Serves `certificate` with `openssl s_server -www` on `port` (all addresses of `host`):
    /// a GET gets "200 ok" and a status page.
    @discardableResult
    public func startTLSServer(on host: LabHost, port: Int = 443, certificate: LabCertificate) async throws -> LabProcess {
        try await spawn("s_server", in: host, [
            "openssl", "s_server", "-accept", "\(port)", "-cert", certificate.certificatePath,
            "-key", certificate.keyPath, "-www", "-quiet",
        ], ready: .tcpPort(port))
    }

    func createDirectory(_ path: String) throws {
        do { try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true) } catch {
            throw LabError("create \(path)", "\(error)")
        }
    }

    func write(_ text: String, to path: String) throws {
        do { try text.write(toFile: path, atomically: true, encoding: .utf8) } catch {
            throw LabError("write \(path)", "\(error)")
        }
    }
}
