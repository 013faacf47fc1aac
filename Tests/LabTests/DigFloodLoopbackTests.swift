import Foundation
import NetProbes
import Testing

extension LabSuite {
    /// Issue 13 item 10 end to end: a DNS server on 127.0.0.1 (inside the test's own namespace)
    /// answers over TCP with 4000 A records in one message. `gomod-doctor dig` prints at most
    /// 100 records per section and says how many more there are; `--json` keeps all of them.
    @Suite(.serialized)
    struct DigFloodLoopbackTests {
        static let flood = #"""
import socket, struct, sys
listener = socket.socket(socket.AF_INET, socket.SOCK_STREAM)
listener.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
listener.bind(("127.0.0.1", 0))
listener.listen(8)
print("ready on 127.0.0.1:%d" % listener.getsockname()[1], flush=True)
def read(conn, n):
    data = b""
    while len(data) < n:
        chunk = conn.recv(n - len(data))
        if not chunk:
            return None
        data += chunk
    return data
while True:
    conn, _ = listener.accept()
    prefix = read(conn, 2)
    query = prefix and read(conn, struct.unpack("!H", prefix)[0])
    if query:
        end = 12
        while query[end] != 0:
            end += query[end] + 1
        question = query[12:end + 5]
        records = b"".join(struct.pack("!HHHIH", 0xC00C, 1, 1, 60, 4) + bytes([10, i // 256 % 256, i % 256, 1]) for i in range(4000))
        answer = query[:2] + struct.pack("!HHHHH", 0x8180, 1, 4000, 0, 0) + question + records
        conn.sendall(struct.pack("!H", len(answer)) + answer)
    conn.close()
"""#

        static let environment = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "LANG": "C"]

        @Test func aFloodOfRecordsIsCutInTextAndKeptInJSON() throws {
            let server = try LoopbackScript(["-c", Self.flood], name: "flood")
            defer { server.stop() }
            let query = ["dig", "@127.0.0.1", "-p", "\(server.port)", "proxy.golang.org", "+tcp", "+time=3", "+tries=1"]
            let directory = FileManager.default.temporaryDirectory
            let text = try DoctorProcess.run(query, environment: Self.environment, in: directory)
            #expect(text.status == 0, "\(text.stdout.prefix(400))")
            #expect(text.stdout.contains("ANSWER: 4000"), "the header still counts them all")
            #expect(text.stdout.contains(";; … and 3900 more records (all are in --json)"), "\(text.stdout.suffix(400))")
            #expect(text.stdout.utf8.count < 16_000, "\(text.stdout.utf8.count) bytes")
            let short = try DoctorProcess.run(query + ["+short"], environment: Self.environment, in: directory)
            #expect(short.stdout.split(separator: "\n").count == 101, "100 records and the line that counts the rest")
            let json = try DoctorProcess.run(query + ["--json"], environment: Self.environment, in: directory)
            let result = try JSONDecoder().decode(ProbeResult<DNSQueryEvidence>.self, from: Data(json.stdout.utf8))
            #expect(result.evidence.answers.count == 4000)
        }
    }
}
