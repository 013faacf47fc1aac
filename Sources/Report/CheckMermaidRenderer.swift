import Doctor
import GoModConfig
import Foundation
import ModuleFetch

/// `check --mermaid`: a Mermaid `flowchart` of the layer chain of every probed endpoint —
/// config → dns → tcp → tls → http → module protocol (or checksum database) — each node
/// classed `ok`, `warning`, `failed` (the root cause), `symptom` or `skipped`. Node ids are
/// generated (`config`, `e1_dns`, …), never hostnames; labels are entity-escaped.
public struct CheckMermaidRenderer: Sendable {
    public var catalog: MessageCatalog

    public init(catalog: MessageCatalog) {
        self.catalog = catalog
    }

    /// The chain drawn per endpoint, in order; icmp and path hang off tcp when they were probed.
    static let chain: [Layer] = [.dns, .tcp, .tls, .http]

    public func render(_ result: CheckRun.Result) -> String {
        var lines = ["flowchart LR",
                     "    classDef ok fill:#d4edda,stroke:#28a745,color:#155724",
                     "    classDef warning fill:#fff3cd,stroke:#d39e00,color:#856404",
                     "    classDef failed fill:#f8d7da,stroke:#dc3545,stroke-width:3px,color:#721c24",
                     "    classDef symptom fill:#fde2c8,stroke:#e8833a,stroke-dasharray:4 2,color:#7a3e00",
                     "    classDef skipped fill:#eeeeee,stroke:#aaaaaa,color:#777777"]
        lines.append("    config[\"\(Self.label(catalog.text("ui.check.mermaid.config"), configDetail(result)))\"]:::\(configClass(result))")
        let modules = result.fetch.modules + (result.fetch.toolchain?.download.map { [$0] } ?? [])
        for (index, endpointResult) in result.endpoints.enumerated() {
            let id = "e\(index + 1)"
            let endpoint = endpointResult.endpoint
            let title = endpoint.key + " (" + endpoint.roles.map(\.rawValue).joined(separator: ", ") + ")"
            lines.append("    subgraph \(id)[\"\(Self.escape(title))\"]")
            lines.append("        direction LR")
            var previous = "config"
            var links: [String] = []
            for layer in Self.chain {
                guard let check = endpointResult.verdict.layers.first(where: { $0.layer == layer }) else { continue }
                let node = "\(id)_\(layer.rawValue)"
                lines.append("        \(node)[\"\(Self.label(layer.rawValue, check.detail))\"]:::\(check.status.rawValue)")
                links.append("    \(previous) --> \(node)")
                previous = node
            }
            for side in [Layer.icmp, .path] {
                guard let check = endpointResult.verdict.layers.first(where: { $0.layer == side }), check.status != .skipped else { continue }
                let node = "\(id)_\(side.rawValue)"
                lines.append("        \(node)[\"\(Self.label(side.rawValue, check.detail))\"]:::\(check.status.rawValue)")
                links.append("    \(id)_tcp -.- \(node)")
            }
            let last = "\(id)_module"
            let (status, detail) = moduleStatus(endpointResult, modules: modules, moduleEndpoints: result.diagnosis.moduleEndpoints,
                                          fetched: result.selectedChecks.contains(.modules))
            let name = endpoint.roles == [.checksumDatabase] ? "ui.check.mermaid.sumdb" : "ui.check.mermaid.module-protocol"
            lines.append("        \(last)[\"\(Self.label(catalog.text(name), detail))\"]:::\(status.rawValue)")
            links.append("    \(previous) --> \(last)")
            lines.append("    end")
            lines += links
        }
        if result.endpoints.isEmpty, result.selectedChecks.contains(.modules) {
            // No endpoint probed (--only modules): the module protocol hangs off config alone.
            let fetched = modules.filter { $0.status != .skipped }
            let failing = fetched.filter { $0.status == .fails }.count
            let status: EndpointLayerCheck.Status = fetched.isEmpty ? .skipped : (failing == 0 ? .ok : .failed)
            let detail = fetched.isEmpty ? "" : "\(fetched.count - failing)/\(fetched.count) ok"
            lines.append("    modules[\"\(Self.label(catalog.text("ui.check.mermaid.module-protocol"), detail))\"]:::\(status.rawValue)")
            lines.append("    config --> modules")
        }
        return lines.joined(separator: "\n") + "\n"
    }

    func configClass(_ result: CheckRun.Result) -> String {
        let worst = result.diagnosis.findings.filter { $0.layer == .config && $0.id != "check.fetch-failed" }.map(\.severity).max()
        switch worst {
        case .failure: return "failed"
        case .warning: return "warning"
        case .info, nil: return "ok"
        }
    }

    func configDetail(_ result: CheckRun.Result) -> String {
        let ids = result.config.findings.filter { $0.severity != .info }.map(\.id)
        return ids.prefix(3).joined(separator: ", ") + (ids.count > 3 ? ", …" : "")
    }

    /// The module-protocol node of one endpoint: skipped when nothing was fetched through it,
    /// a symptom when a lower layer broke, failed when a module failed on this host, else ok.
    func moduleStatus(_ endpoint: CheckDiagnosis.EndpointResult, modules: [ModuleFetchOutcome], moduleEndpoints: [String: String],
                      fetched: Bool) -> (EndpointLayerCheck.Status, String) {
        let mine = modules.filter { endpoint.endpoint.modules.contains("\($0.path)@\($0.version)") && $0.status != .skipped }
        guard fetched, !mine.isEmpty else { return (.skipped, "") }
        let failing = mine.filter { $0.status == .fails }
        let summary = "\(mine.count - failing.count)/\(mine.count) ok"
        if failing.isEmpty { return (.ok, summary) }
        if endpoint.rootLayer != nil { return (.symptom, summary) }
        // Failed here when the diagnosis tied a failing module to this endpoint (by the request's URL).
        let here = failing.contains { moduleEndpoints["\($0.path)@\($0.version)"] == endpoint.endpoint.key }
        return here ? (.failed, summary) : (.symptom, summary)
    }

    /// A node label: the layer name, then a short detail on the next line.
    static func label(_ name: String, _ detail: String) -> String {
        let short = detail.count > 60 ? String(detail.prefix(59)) + "…" : detail
        return short.isEmpty ? escape(name) : escape(name) + "<br/>" + escape(short)
    }

    /// Mermaid entity codes for everything that could end a quoted label or be read as markup.
    static func escape(_ text: String) -> String {
        var output = ""
        for character in SecretRedactor.redact(text) {
            switch character {
            case "#": output += "#35;"
            case "\"": output += "#quot;"
            case "<": output += "#lt;"
            case ">": output += "#gt;"
            case "&": output += "#amp;"
            case "`": output += "#96;"
            case "\n", "\r": output += " "
            default: output.append(character)
            }
        }
        return output
    }
}
