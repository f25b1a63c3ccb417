import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The session layer apart from the command API: which names a command reads and binds, which
/// cells depend on which, session effects that take place only when a command succeeds, and the
/// run chain that stops a script from running itself.
@Suite struct SessionLayerTests {
    static func workspace() throws -> Workspace {
        var ws = Workspace()
        ws.bind("t", table: try Table(columns: [
            Column(name: "id", data: .int([1, 2, 3, 4])),
            Column(name: "x", data: .float([0.5, 1.5, 2.5, 3.5])),
        ]))
        ws.bind("u", table: try Table(columns: [
            Column(name: "id", data: .int([1, 2])),
            Column(name: "name", data: .string(codes: [0, 1], dictionary: ["a", "b"])),
        ]))
        return ws
    }

    static func parse(_ line: String) throws -> ParsedCommand {
        try #require(try CommandParser(registry: StandardCommands.registry, workspace: workspace()).parse(line))
    }

    static func temporaryDirectory() throws -> String {
        try ScratchDirectory.forTheRun("session-layer")
    }

    // MARK: reads and binds, from the declaration

    @Test func readsAndBindsFollowTheDeclaration() throws {
        let cases: [(line: String, reads: Set<String>, binds: Set<String>)] = [
            // .table slot and `as NAME`
            ("filter t where x > 1 as big", ["t"], ["big"]),
            // replacesSubject: reads and binds the subject
            ("filter t where x > 1", ["t"], ["t"]),
            ("derive t y = x * 2", ["t"], ["t"]),
            // two table slots, a named default result
            ("join t u on=id", ["t", "u"], ["t_u"]),
            ("join t u on=id as both", ["t", "u"], ["both"]),
            // a .tables slot reads each name; binding .none stores nothing
            ("drop table t, u", ["t", "u"], []),
            // TABLE.COLUMN reads the table
            ("chart hist t.x", ["t"], []),
            // a file in, a name out
            ("load \"data/orders.csv\" as o", [], ["o"]),
            // nothing read, nothing bound
            ("tables", [], []),
            ("history", [], []),
        ]
        for c in cases {
            let parsed = try Self.parse(c.line)
            #expect(parsed.reads == c.reads, "reads of \(c.line)")
            #expect(parsed.binds == c.binds, "binds of \(c.line)")
        }
    }

    @Test func cellsRecordWhatTheyReadAndBound() throws {
        let i = Interpreter(registry: StandardCommands.registry, workspace: try Self.workspace())
        _ = i.execute("filter t where x > 1 as big")
        _ = i.execute("filter nope where x > 1 as other")
        _ = i.execute("derive big y = nope * 2")
        #expect(i.cells[0].reads == ["t"] && i.cells[0].binds == ["big"])
        #expect(i.cells[1].reads.isEmpty && i.cells[1].binds.isEmpty, "a line that does not parse reads nothing")
        #expect(i.cells[2].reads == ["big"] && i.cells[2].binds.isEmpty, "a failed command binds nothing")
    }

    // MARK: dependencies between cells

    @Test func cellDependenciesFollowTheLastBinderOfEachName() throws {
        let i = Interpreter(registry: StandardCommands.registry, workspace: try Self.workspace())
        _ = i.execute("filter t where x > 1 as big")        // 1: t (initial) → big
        _ = i.execute("derive big y = x * 2")               // 2: big → big
        _ = i.execute("filter u where id > 1 as few")       // 3: u → few
        _ = i.execute("join big few on=id as both")         // 4: big (2), few (3) → both
        _ = i.execute("filter big where y > 100")           // 5: big (2) → big
        _ = i.execute("show both")                          // 6: both (4)
        _ = i.execute("filter nope where x > 1 as big")     // 7: fails, binds nothing
        _ = i.execute("show big")                           // 8: big (5)
        let graph = CellDependencies(i.cells)
        #expect(graph.dependsOn == [2: [1], 4: [2, 3], 5: [2], 6: [4], 8: [5]])
        #expect(graph.downstream(of: 1) == [2, 4, 5, 6, 8])
        #expect(graph.downstream(of: 3) == [4, 6])
        #expect(graph.downstream(of: 6) == [])
    }

    @Test func aNameInsideASplitDependsOnTheSplit() throws {
        let cells = [
            Cell(number: 1, source: "split r as parts", status: .succeeded, output: .empty, settings: Settings(),
                 duration: .zero, isRecorded: true, reads: ["r"], binds: ["parts"]),
            Cell(number: 2, source: "show parts.train", status: .succeeded, output: .empty, settings: Settings(),
                 duration: .zero, isRecorded: true, reads: ["parts.train"], binds: []),
        ]
        #expect(CellDependencies(cells).dependsOn == [2: [1]])
    }

    // MARK: session effects

    static func registry(with extra: CommandSpec) -> CommandRegistry {
        var registry = StandardCommands.registry
        registry.register(extra)
        return registry
    }

    @Test func effectsOfAFailedCommandDoNotTakePlace() throws {
        let quitsThenFails = CommandSpec("boom", group: .session, summary: "asks to quit, then fails", examples: ["boom"]) { _, ctx in
            try ctx.session().request(.quit)
            throw EngineError("boom failed")
        }
        let i = Interpreter(registry: Self.registry(with: quitsThenFails))
        guard case .failure(let message) = i.execute("boom") else { Issue.record("boom should fail"); return }
        #expect(message == "error: boom failed")
        guard case .quit = i.execute("quit") else { Issue.record("quit should quit"); return }
    }

    @Test func aSavedSessionIsNotedOnlyWhenTheSaveSucceeds() throws {
        let dir = try Self.temporaryDirectory()
        let i = Interpreter(registry: StandardCommands.registry, workspace: try Self.workspace())
        var saved: [String] = []
        i.onSessionSaved = { saved.append($0) }
        _ = i.execute("filter t where x > 1 as big")
        #expect(i.execute("save session \"\(dir)/s.strata\"").isSuccess)
        #expect(i.execute("save session \"\(dir)/missing/s.strata\"").isSuccess == false)
        #expect(saved == ["\(dir)/s.strata"])
    }

    @Test func aSessionCommandWithoutASessionSaysSo() throws {
        var ctx = CommandContext(workspace: Workspace(), run: .quiet, registry: StandardCommands.registry)
        let parsed = try Self.parse("history")
        #expect(throws: EngineError.self) { _ = try parsed.spec.run(parsed, &ctx) }
    }

    // MARK: the run chain

    @Test func theRunChainRefusesACycleAndNamesIt() throws {
        let chain = try RunChain().entering("a.strata").entering("b.strata")
        #expect(chain.paths == ["a.strata", "b.strata"])
        #expect(throws: RunChainError.self) { try chain.entering("./a.strata") }
        do throws(RunChainError) {
            _ = try chain.entering("a.strata")
            Issue.record("a cycle should fail")
        } catch {
            #expect(error.message == "run cycle: a.strata → b.strata → a.strata")
        }
        var deep = RunChain()
        for n in 0..<RunChain.maximumDepth { deep = try deep.entering("f\(n).strata") }
        do throws(RunChainError) {
            _ = try deep.entering("one-more.strata")
            Issue.record("nesting deeper than the limit should fail")
        } catch {
            #expect(error.message.hasPrefix("run nested too deeply: f0.strata → f1.strata"))
        }
    }

    @Test func aScriptThatRunsItselfStopsWithTheChain() throws {
        let dir = try Self.temporaryDirectory()
        let loop = dir + "/loop.strata", a = dir + "/a.strata", b = dir + "/b.strata"
        try "run \"\(loop)\"\n".write(toFile: loop, atomically: true, encoding: .utf8)
        try "run \"\(b)\"\n".write(toFile: a, atomically: true, encoding: .utf8)
        try "run \"\(a)\"\n".write(toFile: b, atomically: true, encoding: .utf8)

        let plan = SessionPlan(try SessionSource.read(loop), path: loop, registry: StandardCommands.registry)
        #expect(plan.errors.count == 1)
        #expect(plan.errors.first?.contains("run cycle: \(loop) → \(loop)") == true)

        let i = Interpreter(registry: StandardCommands.registry)
        guard case .failure(let m) = i.execute("run \"\(a)\"") else { Issue.record("the run should fail"); return }
        #expect(m.contains("\(a) was not run: it has an error"))
        #expect(m.contains("run cycle: \(a) → \(b) → \(a)"))
        #expect(i.cells.count == 1)
    }

    @Test func aCycleThePlanCannotSeeIsCaughtWhileRunning() throws {
        let dir = try Self.temporaryDirectory()
        let file = dir + "/dyn.strata"
        try "param f = \"\(file)\"\nrun $f\n".write(toFile: file, atomically: true, encoding: .utf8)
        let document = try SessionSource.read(file)
        let i = Interpreter(registry: StandardCommands.registry)
        var failures: [String] = []
        let outcome = try Replay.run(document, path: file, in: i, stopsAtFailure: true) { step in
            if case .failure(let m) = step.execution { failures.append(m) }
        }
        guard case .stopped = outcome else { Issue.record("the replay should stop at the failure"); return }
        #expect(failures.count == 1)
        #expect(failures.first?.contains("\(file):2: run cycle: \(file) → \(file)") == true)
        #expect(i.runChain.isEmpty, "the chain is left as it was after the replay")
    }

    @Test func nestedRunsStillWork() throws {
        let dir = try Self.temporaryDirectory()
        let csv = dir + "/t.csv", inner = dir + "/inner.strata", outer = dir + "/outer.strata"
        try "id,x\n1,0.5\n2,1.5\n".write(toFile: csv, atomically: true, encoding: .utf8)
        try "load \"\(csv)\" as t\n".write(toFile: inner, atomically: true, encoding: .utf8)
        try "run \"\(inner)\"\nrun \"\(inner)\"\nfilter t where x > 1 as big\n".write(toFile: outer, atomically: true, encoding: .utf8)
        let i = Interpreter(registry: StandardCommands.registry)
        guard case .success = i.execute("run \"\(outer)\"") else { Issue.record("the run should succeed"); return }
        #expect(i.workspace.table("big")?.rowCount == 1)
    }
}
