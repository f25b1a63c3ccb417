import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Parser behaviour on a workspace with one small table.
@Suite struct ParserTests {
    static func workspace() throws -> Workspace {
        var ws = Workspace()
        let t = try Table(columns: [
            Column(name: "invoice", data: .int([1, 2, 3])),
            Column(name: "amount", data: .float([1.5, -2, 3])),
            Column(name: "country", data: .string(codes: [0, 1, 0], dictionary: ["UK", "FR"])),
        ])
        ws.bind("tx", table: t)
        return ws
    }

    func parse(_ line: String) throws -> ParsedCommand? {
        try CommandParser(registry: StandardCommands.registry, workspace: Self.workspace()).parse(line)
    }

    func error(_ line: String) -> SyntaxError? {
        do { _ = try parse(line); return nil } catch let e as SyntaxError { return e } catch { return nil }
    }

    @Test func blankAndCommentLinesParseToNothing() throws {
        #expect(try parse("") == nil)
        #expect(try parse("   # just a note") == nil)
    }

    @Test func longestVerbWins() throws {
        #expect(try parse("drop table tx")?.spec.name == "drop table")
        #expect(try parse("drop tx country")?.spec.name == "drop")
    }

    @Test func slotsOptionsAndBinding() throws {
        let p = try #require(try parse("show tx tail 2 cols=amount,country"))
        #expect(p.text("end") == "tail")
        #expect(p.number("count") == 2)
        #expect(p[InspectCommands.showColumns] == ["amount", "country"])
        let s = try #require(try parse("select tx amount, invoice as slim"))
        #expect(s.list("columns") == ["amount", "invoice"])
        #expect(s.binding?.name == "slim")
    }

    @Test func unknownCommandSuggestsClosest() {
        let e = error("shwo tx")
        #expect(e?.message == "unknown command 'shwo'")
        #expect(e?.suggestion == "did you mean 'show'?")
        #expect(e?.span == SourceSpan(start: 0, end: 4))
    }

    @Test func unknownColumnPointsAtIt() {
        let e = error("select tx amout")
        #expect(e?.message == "no column 'amout' in table tx")
        #expect(e?.suggestion == "did you mean 'amount'?")
        #expect(e?.span == SourceSpan(start: 10, end: 15))
    }

    @Test func unknownTableAndOption() {
        #expect(error("show tz")?.suggestion == "did you mean 'tx'?")
        let e = error("show tx colz=amount")
        #expect(e?.message == "'show' has no option 'colz'")
        #expect(e?.suggestion == "did you mean 'cols'?")
        // Not a typo of an option: the words the command takes are shown too.
        #expect(error("show tx rows=5")?.suggestion
                == "did you mean 'cols'?; it is written show TABLE [head|tail [COUNT]] [key=value …], e.g. show tx tail 5")
        #expect(error("select tx cols=amount")?.suggestion
                == "it takes no options; it is written select TABLE COLUMNS [as NAME], e.g. select tx invoice, customer_id, quantity as slim")
    }

    @Test func columnOfAnotherTable() {
        #expect(error("select tx other.amount")?.message == "'other.amount' is a column of table 'other', not of 'tx'")
    }

    @Test func badOptionValues() {
        #expect(error("set ascii maybe") == nil)  // checked when run, not parsed
        #expect(error("show tx head 5 extra")?.message == "unexpected 'extra'")
        #expect(error("drop table nope")?.message == "nothing named 'nope' in the workspace")
    }

    @Test func failedCommandLeavesWorkspaceUnchanged() throws {
        let interp = Interpreter(registry: StandardCommands.registry, workspace: try Self.workspace())
        guard case .failure = interp.execute("rename tx columns=nope:x") else { Issue.record("should fail"); return }
        #expect(interp.workspace.table("tx")?.columnNames == ["invoice", "amount", "country"])
        guard case .success = interp.execute("rename tx columns=amount:amt") else { Issue.record("should work"); return }
        #expect(interp.workspace.table("tx")?.columnNames == ["invoice", "amt", "country"])
    }

    @Test func helpIsDerivedFromDeclarations() throws {
        let interp = Interpreter(registry: StandardCommands.registry)
        guard case .success(let out) = interp.execute("help show"), case .help(let s)? = out.blocks.first else {
            Issue.record("help failed"); return
        }
        #expect(s.hasPrefix("usage: show TABLE [head|tail [COUNT]] [key=value …]"))
        #expect(s.contains("cols=columns"))
        guard case .failure(let m) = interp.execute("help shwo") else { Issue.record("should fail"); return }
        #expect(m.contains("did you mean 'show'?"))
    }
}
