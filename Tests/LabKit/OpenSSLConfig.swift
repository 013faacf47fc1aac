import Foundation

/// The openssl configuration files the lab writes (no system openssl.cnf is read).
enum OpenSSLConfig {
    static func request(commonName: String) -> String {
        """
        [ req ]
        distinguished_name = dn
        prompt = no
        [ dn ]
        CN = \(commonName)
        [ ca_ext ]
        basicConstraints = critical,CA:TRUE
        keyUsage = critical,keyCertSign,cRLSign
        subjectKeyIdentifier = hash

        """
    }

    /// A `openssl ca` configuration with its own database in `directory`.
    static func authority(directory: String, ca: LabCertificateAuthority, subjectAltNames: [String]) -> String {
        """
        [ ca ]
        default_ca = lab
        [ lab ]
        database = \(directory)/index.txt
        serial = \(directory)/serial
        new_certs_dir = \(directory)
        certificate = \(ca.certificatePath)
        private_key = \(ca.keyPath)
        default_md = sha256
        policy = any_name
        unique_subject = no
        copy_extensions = none
        email_in_dn = no
        [ any_name ]
        commonName = supplied
        [ leaf_ext ]
        \(leafExtensions(subjectAltNames: subjectAltNames))
        """
    }

    static func leafExtensions(subjectAltNames: [String]) -> String {
        var lines = [
            "basicConstraints = critical,CA:FALSE",
            "keyUsage = critical,digitalSignature,keyEncipherment",
            "extendedKeyUsage = serverAuth",
            "subjectKeyIdentifier = hash",
        ]
        if !subjectAltNames.isEmpty { lines.append("subjectAltName = " + subjectAltNames.joined(separator: ",")) }
        return lines.joined(separator: "\n") + "\n"
    }

    /// "DNS:name" and "IP:address" entries.
    static func subjectAltNames(dnsNames: [String], ipAddresses: [String]) -> [String] {
        dnsNames.map { "DNS:\($0)" } + ipAddresses.map { "IP:\($0)" }
    }
}
