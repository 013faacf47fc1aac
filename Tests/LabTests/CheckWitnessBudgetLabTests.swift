import Foundation
import LabKit
import Testing

extension LabSuite {
    /// Issue 14: the public resolvers of check's DNS comparison are side evidence with a budget
    /// of their own. Behind a firewall that silently drops DNS to the internet they never
    /// answer; check must neither wait out their timeouts (2 s a try, two tries, at the default
    /// --timeout 8) nor blame the system resolver — it reports them as not answering in time and
    /// gives the verdict the endpoints and fetches support.
    @Suite
    struct CheckWitnessBudgetLabTests {
        struct Document: Decodable {
            struct Endpoint: Decodable {
                struct Part: Decodable { struct Target: Decodable { var host: String }; var target: Target }
                struct Verdict: Decodable {
                    struct Resolver: Decodable { var server: String; var role: String; var rcode: String?; var failure: String? }
                    var resolvers: [Resolver]?
                }
                var endpoint: Part
                var verdict: Verdict
            }
            var status: String
            var durationSeconds: Double
            var endpoints: [Endpoint]
        }

        @Test(LabGate.trait)
        func silentPublicResolversDoNotHoldAHealthyVerdict() async throws {
            try await Lab.with { lab in
                let setup = try await CheckScenarioSetup.start(lab)
                let witness = try await setup.silentPublicResolver()
                let argv = [try DoctorRun.binary, "check", setup.work + "/wd", "--json", "--timeout", "8", "--resolver", witness]
                let result = try await lab.run(in: setup.chain.client, argv, environment: setup.environment, timeout: .seconds(60))
                let document = try JSONDecoder().decode(Document.self, from: Data(result.stdout.utf8))
                #expect(result.termination == .exited(0) && document.status == "healthy", "\(result.stdout.prefix(3000))")
                let proxy = document.endpoints.first { $0.endpoint.target.host == CheckScenarioSetup.proxyName }
                let resolvers = proxy?.verdict.resolvers ?? []
                #expect(resolvers.contains { $0.role == "system" && $0.rcode == "NOERROR" }, "\(resolvers)")
                #expect(resolvers.contains { $0.server == witness && $0.role == "public" && $0.rcode == nil && $0.failure == "timeout" },
                        "the silent witness is reported as not answering in time: \(resolvers)")
                // Not a speed target (those are in bench/): the witness's first try alone would
                // have lasted 2 s, both 4 s; the verdict did not wait for both.
                #expect(document.durationSeconds < 3.5, "check took \(document.durationSeconds) s")
            }
        }
    }
}
