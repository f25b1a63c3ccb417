import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Cells, the session file format, replay and check, parameters, the plan of a file, notebooks
/// and the journal, on a small hand-made table (no files needed except where a file is the point).
@Suite struct SessionTests {
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("t", table: try Table(columns: [
            Column(name: "id", data: .int([1, 2, 3, 4])),
            Column(name: "x", data: .float([0.5, 1.5, 2.5, 3.5])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    static func temporaryDirectory() throws -> String {
        try ScratchDirectory.forTheRun("session-tests")
    }

    @Test func everyCommandIsANumberedCellAndFailuresAreNotSaved() throws {
        let i = try Self.interpreter()
        _ = i.execute("filter t where x > 1 as big")
        _ = i.execute("filter t where nope > 1")
        _ = i.execute("   ")
        _ = i.execute("history")
        #expect(i.cells.map(\.number) == [1, 2, 3])
        #expect(i.cells.map(\.succeeded) == [true, false, true])
        #expect(i.cells.map(\.isSaved) == [true, false, false])
        let text = SessionDocument.render(cells: i.cells, header: SessionHeader())
        #expect(text == "# strata session 1\n\nfilter t where x > 1 as big\n#> big: kept 3 of 4 rows (75.0%)\n")
    }

    @Test func historyAndShowCellListAndRepeatCells() throws {
        let i = try Self.interpreter()
        _ = i.execute("filter t where x > 1 as big")
        _ = i.execute("bogus")
        guard case .success(let h) = i.execute("history") else { Issue.record("history failed"); return }
        let shown = OutputRenderer.render(h, style: .batch)
        #expect(shown == "[1] ✓  filter t where x > 1 as big\n[2] ✗  bogus\n1 of 2 cells would be saved (· or ✗ are not)",
                "durations only at the prompt")
        guard case .success(let c) = i.execute("show cell 1") else { Issue.record("show cell failed"); return }
        #expect(OutputRenderer.render(c, style: .batch) == "[1]> filter t where x > 1 as big\nbig: kept 3 of 4 rows (75.0%)")
        guard case .failure(let m) = i.execute("show cell 9") else { Issue.record("show cell 9 should fail"); return }
        #expect(m.contains("no cell 9") && m.contains("cells are numbered 1…4"))
    }

    @Test func documentReadsHeaderCommandsOutputsAndComments() {
        let text = """
        # strata session 1
        # strata: 0.2
        # saved: 2026-11-23
        # seed: 7
        # file: "data/a \\"b\\".csv" sha256=abc123 rows=12

        # first paragraph

        # second paragraph
        derive t y = x * 2, \\
            z = 1
        #> t: y (float), z (int)
        #>
        #> second line
        show t
        # the end
        """
        let d = SessionDocument(text: text)
        #expect(d.header.seed == 7)
        #expect(d.header.strataVersion == "0.2")
        #expect(d.header.files == [FileRecord(path: "data/a \"b\".csv", sha256: "abc123", rows: 12)])
        #expect(d.entries.count == 2)
        #expect(d.entries[0].source == "derive t y = x * 2, z = 1")
        #expect(d.entries[0].line == 10)
        #expect(d.entries[0].comments == ["# first paragraph", "", "# second paragraph"])
        #expect(d.entries[0].recorded == ["t: y (float), z (int)", "", "second line"])
        #expect(d.entries[1].recorded == [])
        #expect(d.trailingComments == ["# the end"])
    }

    @Test func savedSessionRoundTripsAndChecks() throws {
        let i = try Self.interpreter()
        _ = i.execute("derive t y = x * 2", comments: ["# doubled"])
        _ = i.execute("show t")
        var header = SessionHeader()
        header.seed = 42
        let text = SessionDocument.render(cells: i.cells, header: header, trailingComments: ["# bye"])
        let document = SessionDocument(text: text)
        #expect(document.entries.map(\.source) == ["derive t y = x * 2", "show t"])
        #expect(document.entries[0].comments == ["# doubled"])
        #expect(document.entries[1].recorded == i.cells[1].outputLines)
        #expect(SessionDocument.render(cells: i.cells, header: header, trailingComments: document.trailingComments) == text)
    }

    /// A check replays in a fresh workspace, so the table comes from a file here.
    @Test func checkPassesThenNamesTheCellWhoseRecordedOutputWasEdited() throws {
        let dir = try Self.temporaryDirectory()
        let csv = dir + "/t.csv"
        try "id,x\n1,0.5\n2,1.5\n3,2.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let i = Interpreter(registry: StandardCommands.registry)
        _ = i.execute("load \"\(csv)\" as t")
        _ = i.execute("filter t where x > 1 as big")
        _ = i.execute("show big")
        let text = SessionDocument.render(cells: i.cells, header: .forSaving(seed: 42, inputs: i.workspace.inputs))
        #expect(text.contains("# file: \"\(csv)\" sha256="))
        #expect(text.contains(" rows=3"))
        let ok = SessionCheck.run(SessionDocument(text: text), path: "s.strata", registry: StandardCommands.registry)
        #expect(ok.passed)
        #expect(ok.report() == "s.strata: all 3 cells match")

        let edited = text.replacingOccurrences(of: "kept 2 of 3 rows", with: "kept 3 of 3 rows")
        let bad = SessionCheck.run(SessionDocument(text: edited), path: "s.strata", registry: StandardCommands.registry)
        #expect(bad.mismatches.map(\.cellNumber) == [2])
        let report = bad.report()
        #expect(report.contains("s.strata:"))
        #expect(report.contains("cell 2 output differs: filter t where x > 1 as big"))
        #expect(report.contains("-big: kept 3 of 3 rows (66.7%)\n+big: kept 2 of 3 rows (66.7%)"))
        // The header's length follows the file's path, so the cell's line is counted, not fixed.
        let line = 1 + (text.split(separator: "\n", omittingEmptySubsequences: false).firstIndex { $0 == "filter t where x > 1 as big" } ?? -2)
        #expect(report.hasSuffix("s.strata: 1 of 3 cells differ; the first is cell 2 (line \(line))"))

        // The data changed: the replay says so before the load, and the outputs differ.
        try "id,x\n1,0.5\n2,1.5\n3,2.5\n4,9\n".write(toFile: csv, atomically: true, encoding: .utf8)
        let changed = SessionCheck.run(SessionDocument(text: text), path: "s.strata", registry: StandardCommands.registry)
        #expect(changed.warnings.count == 1)
        #expect(changed.warnings.first?.contains("has changed since the session was saved") == true)
        #expect(!changed.passed)
    }

    @Test func aTruncatedOrMangledFileNeverCrashesTheReplay() throws {
        let i = try Self.interpreter()
        _ = i.execute("derive t y = x * 2")
        _ = i.execute("show t")
        let text = SessionDocument.render(cells: i.cells, header: SessionHeader())
        let characters = Array(text)
        for cut in stride(from: 0, to: characters.count, by: 7) {
            let document = SessionDocument(text: String(characters[..<cut]))
            let result = SessionCheck.run(document, path: "cut.strata", registry: StandardCommands.registry)
            #expect(result.cellCount <= 2)
        }
        let mangled = "#> stray output\n# seed: notanumber\n\\\n#>\nderive t \\\n"
        _ = SessionCheck.run(SessionDocument(text: mangled), path: "m.strata", registry: StandardCommands.registry).report()
    }

    @Test func parametersSubstituteAndCanBeOverridden() throws {
        let i = try Self.interpreter()
        #expect(i.execute("param cut = 2").isSuccess)
        #expect(i.execute("filter t where x > $cut as big").isSuccess)
        #expect(i.workspace.table("big")?.rowCount == 2)
        #expect(i.cells[1].source == "filter t where x > $cut as big", "the cell keeps $cut as typed")
        guard case .failure(let m) = i.execute("filter t where x > $cutt") else { Issue.record("should fail"); return }
        #expect(m.contains("unknown parameter $cutt") && m.contains("did you mean '$cut'?"))

        var ws = i.workspace
        ws.parameterOverrides = ["cut": "0"]
        let j = Interpreter(registry: StandardCommands.registry, workspace: ws)
        guard case .success(let o) = j.execute("param cut = 2") else { Issue.record("param failed"); return }
        #expect(OutputRenderer.render(o, style: .batch) == "$cut = 0  (from --set; the default is 2)")
        #expect(j.execute("filter t where x > $cut as all").isSuccess)
        #expect(j.workspace.table("all")?.rowCount == 4)

        // Substitution is one pass: an override naming another parameter is refused at `param`.
        ws.parameterOverrides = ["cut": "$other"]
        let k = Interpreter(registry: StandardCommands.registry, workspace: ws)
        guard case .failure(let g) = k.execute("param cut = 2") else { Issue.record("should fail"); return }
        #expect(g.contains("--set cut=$other: a parameter's value cannot use another parameter"))

        guard case .failure(let e) = i.execute("param 3 = 4") else { Issue.record("should fail"); return }
        #expect(e.contains("param needs a name"))
        guard case .failure(let f) = i.execute("param k 4") else { Issue.record("should fail"); return }
        #expect(f.contains("expected '=' after the name"))
    }

    @Test func planFindsErrorsAndFilesWithoutRunningAnything() {
        let text = """
        load "data/in.csv" as t
        export t "out/t.csv"
        save session "q3"
        filtr t where x > 1
        show t head $n
        param n = 3
        """
        let plan = SessionPlan(SessionDocument(text: text), path: "p.strata", registry: StandardCommands.registry)
        #expect(plan.files.map(\.path) == ["data/in.csv", "out/t.csv", "sessions/q3.strata"])
        #expect(plan.errors.count == 2)
        #expect(plan.errors[0].contains("p.strata:4") && plan.errors[0].contains("unknown command 'filtr'")
                && plan.errors[0].contains("did you mean 'filter'?"))
        #expect(plan.errors[1].contains("p.strata:5") && plan.errors[1].contains("$n is used before it is declared"))
        #expect(plan.describe() == """
            reads:
              data/in.csv  (p.strata:1)
            writes:
              out/t.csv  (p.strata:2)
              sessions/q3.strata  (p.strata:3)
            """)
        #expect(SessionPlan(SessionDocument(text: text), path: "p.strata", overrides: ["n": "2"], registry: StandardCommands.registry).errors.count == 1)
    }

    @Test func unifiedDiffMatchesDiffU() {
        let old = ["a", "b", "c", "d", "e", "f", "g", "h", "i", "j"]
        var new = old
        new[1] = "B"
        new.insert("x", at: 9)
        let diff = UnifiedDiff.render(old: old, new: new, oldLabel: "recorded", newLabel: "replayed")
        // `diff -u` of the same two files gives these hunks.
        #expect(diff == """
            --- recorded
            +++ replayed
            @@ -1,5 +1,5 @@
             a
            -b
            +B
             c
             d
             e
            @@ -7,4 +7,5 @@
             g
             h
             i
            +x
             j
            """)
    }

    @Test func notebooksHoldEachSavedCellWithItsOutput() throws {
        let i = try Self.interpreter()
        _ = i.execute("derive t y = x * 2", comments: ["# Double it", "", "# then look"])
        _ = i.execute("nonsense")
        _ = i.execute("show t head 1")
        let md = Notebook.render(i.cells, format: .markdown, title: "demo")
        #expect(md.hasPrefix("# demo\n\nDouble it\n\nthen look\n\n```strata\nderive t y = x * 2\n```\n```text\nt: y (float)\n```\n"))
        #expect(!md.contains("nonsense"))

        let json = Notebook.render(i.cells, format: .jupyter, title: "demo")
        let object = try JSONSerialization.jsonObject(with: Data(json.utf8)) as? [String: Any]
        #expect(object?["nbformat"] as? Int == 4)
        let cells = object?["cells"] as? [[String: Any]] ?? []
        #expect(cells.map { $0["cell_type"] as? String } == ["markdown", "markdown", "code", "code"])
        #expect(cells[2]["source"] as? [String] == ["derive t y = x * 2"])
        let outputs = cells[2]["outputs"] as? [[String: Any]] ?? []
        #expect(outputs.first?["output_type"] as? String == "stream")
        #expect(outputs.first?["text"] as? [String] == ["t: y (float)"])
        #expect(Notebook.Format(path: "x.txt") == nil)
    }

    @Test func journalOfADeadProcessIsOfferedAndRecovered() throws {
        let dir = try Self.temporaryDirectory()
        let csv = dir + "/t.csv"
        try "id,x\n1,0.5\n2,1.5\n3,2.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        guard let journal = Journal(directory: dir, seed: 42) else { Issue.record("no journal"); return }
        let first = Interpreter(registry: StandardCommands.registry)
        first.onCell = { journal.record($0) }
        _ = first.execute("load \"\(csv)\" as t")
        _ = first.execute("bogus")
        _ = first.execute("filter t where x > 1 as big")
        // What a killed process leaves: its journal under a pid that no longer runs.
        let orphan = dir + "/journal-2147483000.strata"
        try FileManager.default.copyItem(atPath: journal.path, toPath: orphan)
        let abandoned = Journal.abandoned(in: dir)
        #expect(abandoned.map(\.path) == [orphan])
        #expect(abandoned.first?.unsavedCells == 2)

        let second = Interpreter(registry: StandardCommands.registry)
        second.recoverableJournal = orphan
        guard case .success(let o) = second.execute("recover") else { Issue.record("recover failed"); return }
        #expect(OutputRenderer.render(o, style: .batch).replacingOccurrences(of: "\n", with: " ") == "recovered 2 cells from \(orphan)")
        #expect(second.workspace.table("big")?.rowCount == 2)
        #expect(second.cells.map(\.source) == ["load \"\(csv)\" as t", "filter t where x > 1 as big", "recover"])
        #expect(second.cells.map(\.isSaved) == [true, true, false], "the recovered cells are saved, not the recover command")
        #expect(!FileManager.default.fileExists(atPath: orphan))
        #expect(second.execute("recover").isSuccess, "nothing left to recover is not an error")

        journal.markSaved(to: "sessions/x.strata")
        try FileManager.default.copyItem(atPath: journal.path, toPath: orphan)
        #expect(Journal.abandoned(in: dir).isEmpty, "a journal saved since its last command is not offered")
    }
}

extension Execution {
    var isSuccess: Bool { if case .success = self { return true } else { return false } }
}
