import Foundation
import NetProbes
import Testing

extension LabSuite {
    /// Issue 13 item 10: a TLS server on 127.0.0.1 (the test's own namespace, Python's ssl
    /// module over OpenSSL) presents a self-signed certificate of about 1.4 MB (30,000 names).
    /// The handshake fails; the failure names the peer, the size that arrived and the limit —
    /// never BoringSSL's raw text with the build path of its source files.
    @Suite(.serialized)
    struct TLSHugeCertificateLoopbackTests {
        static let server = #"""
import os, socket, ssl, subprocess, tempfile
directory = tempfile.mkdtemp()
config = os.path.join(directory, "big.cnf")
with open(config, "w") as f:
    f.write("[req]\ndistinguished_name=dn\nx509_extensions=ext\nprompt=no\n[dn]\nCN=big.lab.test\n[ext]\nsubjectAltName=@alt\n[alt]\n")
    for i in range(30000):
        f.write("DNS.%d=host%06d.padding-padding-padding.lab.test\n" % (i, i))
pem, key = os.path.join(directory, "big.pem"), os.path.join(directory, "big.key")
subprocess.run(["openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-keyout", key, "-out", pem, "-days", "2",
                "-config", config], check=True, capture_output=True)
context = ssl.SSLContext(ssl.PROTOCOL_TLS_SERVER)
context.load_cert_chain(pem, key)
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.bind(("127.0.0.1", 0))
listener.listen(8)
print("ready on 127.0.0.1:%d" % listener.getsockname()[1], flush=True)
while True:
    conn, _ = listener.accept()
    try:
        context.wrap_socket(conn, server_side=True).close()
    except Exception:
        conn.close()
"""#

        @Test func anOversizedCertificateIsNamedWithItsLimit() async throws {
            let server = try LoopbackScript(["-c", Self.server], name: "huge-certificate TLS server")
            defer { server.stop() }
            let result = await TLSProbe(environment: [:]).run(TLSProbe.Target(host: "127.0.0.1", port: server.port, serverName: "big.lab.test"),
                                                              deadline: .after(seconds: 20))
            let failure = try #require(result.outcome.failure, "the handshake cannot succeed")
            #expect(failure.code == "handshake", "\(failure)")
            #expect(failure.detail.hasPrefix("TLS handshake with big.lab.test (127.0.0.1:\(server.port)) failed: the server sent a handshake "
                                             + "message (its certificate chain) larger than this client accepts, 102400 bytes"), "\(failure.detail)")
            #expect(failure.detail.contains("bytes had arrived"), "\(failure.detail)")
            #expect(failure.detail.contains("65536"), "the go command's own limit is named")
            #expect(!failure.detail.contains(" at /") && !failure.detail.contains(".cc:") && !failure.detail.contains("OPENSSL_internal"),
                    "\(failure.detail)")
        }
    }
}
