import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `docs/commands.md` is generated from the registry; this keeps the committed copy current.
@Suite struct DocsTests {
    static let docsPath = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("docs/commands.md").path

    @Test func commandReferenceIsCurrent() throws {
        let generated = HelpFormatter.markdownReference(StandardCommands.registry)
        if ProcessInfo.processInfo.environment["STRATA_UPDATE_DOCS"] == "1" {
            try generated.write(toFile: Self.docsPath, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: Self.docsPath, encoding: .utf8)
        #expect(committed == generated, "docs/commands.md is stale: run STRATA_UPDATE_DOCS=1 swift test --filter DocsTests")
    }

    @Test func languageReferenceIsCurrent() throws {
        let path = Self.docsPath.replacingOccurrences(of: "commands.md", with: "language.md")
        let generated = HelpFormatter.languageMarkdown()
        if ProcessInfo.processInfo.environment["STRATA_UPDATE_DOCS"] == "1" {
            try generated.write(toFile: path, atomically: true, encoding: .utf8)
        }
        let committed = try String(contentsOfFile: path, encoding: .utf8)
        #expect(committed == generated, "docs/language.md is stale: run STRATA_UPDATE_DOCS=1 swift test --filter DocsTests")
    }

    @Test func everyCommandHasAnExample() {
        for c in StandardCommands.registry.commands {
            #expect(!c.examples.isEmpty, "\(c.name) has no example")
        }
    }
}
