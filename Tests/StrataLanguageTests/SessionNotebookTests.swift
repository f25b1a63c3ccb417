import Foundation
import Testing
@testable import StrataSession

/// `strata export notebook FILE OUT`: a saved session's commands, each its own cell with the
/// output recorded under it, comments as prose; nothing runs unless replayed.
@Suite struct SessionNotebookTests {
    /// A saved session whose data file does not exist: exporting the recorded output must not read it.
    static let saved = """
        # strata session 1
        # strata: 0.2
        # seed: 42
        # file: "/nowhere/sales.csv" sha256=00 rows=2

        # Load the sales.
        load "/nowhere/sales.csv" as sales
        #> sales: 2 rows × 1 columns from /nowhere/sales.csv

        # Two lines of prose,
        #
        # in two paragraphs.
        show sales
        #> ┌───┐
        #> │ x │
        #> └───┘
        set seed 7

        # The end.
        """

    @Test func markdownIsGolden() {
        let document = SessionDocument(text: Self.saved)
        let md = Notebook.render(SessionNotebook.recorded(document), format: .markdown, title: "s",
                                 trailing: document.trailingComments)
        #expect(md == """
            # s

            Load the sales.

            ```strata
            load "/nowhere/sales.csv" as sales
            ```
            ```text
            sales: 2 rows × 1 columns from /nowhere/sales.csv
            ```

            Two lines of prose,

            in two paragraphs.

            ```strata
            show sales
            ```
            ```text
            ┌───┐
            │ x │
            └───┘
            ```

            ```strata
            set seed 7
            ```

            The end.

            """)
    }

    @Test func jupyterIsNbformat4WithACellPerCommand() throws {
        let document = SessionDocument(text: Self.saved)
        let text = Notebook.render(SessionNotebook.recorded(document), format: .jupyter, title: "s",
                                   trailing: document.trailingComments)
        let json = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(json["nbformat"] as? Int == 4)
        #expect(json["nbformat_minor"] as? Int == 4)
        let cells = try #require(json["cells"] as? [[String: Any]])
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "markdown", "code", "markdown", "code", "code", "markdown"])
        #expect(cells.map { $0["source"] as? [String] ?? [] } == [
            ["# s"], ["Load the sales."], ["load \"/nowhere/sales.csv\" as sales"],
            ["Two lines of prose,\n", "\n", "in two paragraphs."], ["show sales"], ["set seed 7"], ["The end."],
        ])
        let code = cells.filter { $0["cell_type"] as? String == "code" }
        #expect(code.map { $0["execution_count"] as? Int } == [1, 2, 3])
        let outputs = code.map { ($0["outputs"] as? [[String: Any]]) ?? [] }
        #expect(outputs[0].first?["output_type"] as? String == "stream")
        #expect(outputs[0].first?["text"] as? [String] == ["sales: 2 rows × 1 columns from /nowhere/sales.csv"])
        #expect(outputs[1].first?["text"] as? [String] == ["┌───┐\n", "│ x │\n", "└───┘"])
        #expect(outputs[2].isEmpty)
        #expect(cells.allSatisfy { $0["metadata"] is [String: Any] })
    }

    @Test func replayingUsesTheOutputPrintedNow() throws {
        let folder = try ScratchDirectory.forTheRun("notebook")
        try "x\n1\n2\n3\n".write(toFile: folder + "/t.csv", atomically: true, encoding: .utf8)
        let document = SessionDocument(text: """
            # Stale output below: the replay replaces it.
            load "\(folder)/t.csv" as t
            #> t: 99 rows
            """)
        let entries = try SessionNotebook.replayed(document, path: folder + "/s.strata", registry: StandardCommands.registry)
        #expect(entries.count == 1)
        #expect(entries[0].comments == ["# Stale output below: the replay replaces it."])
        #expect(entries[0].outputLines.first?.hasPrefix("t: 3 rows × 1 columns") == true, "\(entries[0].outputLines)")
    }

    @Test func aFailingReplayNamesTheLineAndGivesNoCells() {
        let document = SessionDocument(text: "load \"/nowhere/missing.csv\" as t\n")
        do {
            _ = try SessionNotebook.replayed(document, path: "s.strata", registry: StandardCommands.registry)
            Issue.record("a failed replay gave a notebook")
        } catch {
            #expect(error.messages.count == 1)
            #expect(error.messages.first?.contains("s.strata:1") == true, "\(error.messages)")
        }
    }
}
