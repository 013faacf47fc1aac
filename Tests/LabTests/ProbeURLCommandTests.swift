import Foundation
import Testing

/// `probe` takes an endpoint as check prints it (a URL) as well as host[:port]. Only loopback
/// port 1 (refused) is contacted; the test process runs inside `unshare -n`.
struct ProbeURLCommandTests {
    func probe(_ arguments: [String]) throws -> DoctorProcess.Output {
        let directory = FileManager.default.temporaryDirectory
        return try DoctorProcess.run(["probe"] + arguments + ["--json", "--timeout", "2", "--resolver", "none"],
                                     environment: ["PATH": "/usr/bin:/bin", "LANG": "C", "NO_COLOR": "1"], in: directory)
    }

    func target(_ output: DoctorProcess.Output) throws -> [String: Any] {
        let document = try #require(try JSONSerialization.jsonObject(with: Data(output.stdout.utf8)) as? [String: Any],
                                    "not JSON: \(output.stdout.prefix(500)) \(output.stderr.prefix(500))")
        let verdict = try #require(document["verdict"] as? [String: Any])
        return try #require(verdict["target"] as? [String: Any])
    }

    @Test func aURLGivesSchemeHostPortAndPath() throws {
        let target = try target(try probe(["http://127.0.0.1:1/github.com/a/b/@v/list?x=1"]))
        #expect(target["scheme"] as? String == "http" && target["host"] as? String == "127.0.0.1")
        #expect(target["port"] as? Int == 1 && target["path"] as? String == "/github.com/a/b/@v/list?x=1")
    }

    @Test func credentialsInTheURLAreNeverEchoed() throws {
        let output = try probe(["https://user:s3cr3tpw@127.0.0.1:1"])
        #expect(!output.stdout.contains("s3cr3tpw") && !output.stderr.contains("s3cr3tpw"))
        #expect(try target(output)["scheme"] as? String == "https")
        let conflict = try probe(["https://user:s3cr3tpw@127.0.0.1:1", "--scheme", "http"])
        #expect(conflict.status != 0 && conflict.stderr.contains("--scheme http disagrees with"), "\(conflict.stderr)")
        #expect(!conflict.stderr.contains("s3cr3tpw"))
    }

    @Test func otherSchemesAreAUsageError() throws {
        let output = try probe(["ftp://127.0.0.1:1"])
        #expect(output.status != 0 && output.stderr.contains("unsupported protocol scheme \"ftp\""), "\(output.stderr)")
    }
}
