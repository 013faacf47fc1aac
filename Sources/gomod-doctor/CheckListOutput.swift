import Doctor
import Foundation
import Report

/// `check --list`: every named check with its one-line description, as text or JSON
/// (`{"schema": "gomod-doctor.check-list/1", "checks": [{"name", "description"}]}`).
enum CheckListOutput {
    struct Document: Encodable {
        struct Entry: Encodable {
            var name: String
            var description: String
        }
        var schema = "gomod-doctor.check-list/1"
        var schemaVersion = 1
        var checks: [Entry]
    }

    static func text(catalog: MessageCatalog) -> String {
        let width = CheckName.allCases.map(\.rawValue.count).max() ?? 0
        let lines = CheckName.allCases.map { "  " + $0.rawValue.padding(toLength: width + 2, withPad: " ", startingAt: 0) + catalog.text($0.descriptionKey) }
        return ([catalog.text("ui.check.list.title")] + lines).joined(separator: "\n") + "\n"
    }

    static func json(catalog: MessageCatalog) throws -> String {
        try CommandFormatting.json(Document(checks: CheckName.allCases.map { Document.Entry(name: $0.rawValue, description: catalog.text($0.descriptionKey)) }))
    }
}
