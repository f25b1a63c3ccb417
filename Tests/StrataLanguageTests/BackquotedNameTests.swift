import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `` `Age Group` `` names a column wherever a column is named, and names are printed that way.
@Suite struct BackquotedNameTests {
    private static func people() throws -> Table {
        try Table(columns: [
            Column(name: "Age Group", data: .string(codes: [0, 1, 0], dictionary: ["18-25", "26-40"])),
            Column(name: "Customer ID", data: .int([7, 8, 9])),
            Column(name: "spend", data: .float([10, 20, 30])),
            Column(name: "true", data: .int([1, 2, 3])),
        ])
    }

    private static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("p", table: try people())
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    private func output(_ i: Interpreter, _ line: String) -> String {
        switch i.execute(line) {
        case .success(let o): return OutputRenderer.render(o, style: .batch)
        case .failure(let m): return "FAILED: " + m
        case .empty, .quit: return "FAILED: no output"
        }
    }

    @Test func lexesAsABackquotedWord() throws {
        let tokens = try Lexer.tokenize("`Age Group` `a``b` where `where`")
        #expect(tokens.map(\.word) == ["Age Group", "a`b", "where", "where", nil])
        #expect(tokens.map(\.isBackquoted) == [true, true, false, true, false])
        #expect(tokens[0].span == SourceSpan(start: 0, end: 11))
        #expect(tokens[3].isWord("where") == false, "a backquoted word is never a keyword")
        #expect(tokens[0].display == "`Age Group`")
        #expect(tokens[1].display == "`a``b`")
    }

    @Test func lexerErrors() {
        #expect(throws: SyntaxError.self) { try Lexer.tokenize("filter t where `Age Group > 1") }
        #expect(throws: SyntaxError.self) { try Lexer.tokenize("select t ``") }
    }

    @Test func namesAColumnInExpressionsOptionsAndSlots() throws {
        let i = try Self.interpreter()
        #expect(!output(i, "filter p where `Age Group` == \"18-25\" as young").hasPrefix("FAILED"))
        #expect(i.workspace.table("young")?.rowCount == 2)
        #expect(!output(i, "derive p `Spend x2` = spend * 2, flag = `true` > 1").hasPrefix("FAILED"))
        #expect(i.workspace.table("p")?.column("Spend x2") != nil)
        #expect(!output(i, "group p by `Age Group` agg n = count(), ids = distinct(`Customer ID`) as g").hasPrefix("FAILED"))
        #expect(i.workspace.table("g")?.columnNames == ["Age Group", "n", "ids"])
        #expect(!output(i, "select p `Customer ID`, spend as picked").hasPrefix("FAILED"))
        #expect(i.workspace.table("picked")?.columnNames == ["Customer ID", "spend"])
        #expect(!output(i, "sort p by `Customer ID` desc").hasPrefix("FAILED"))
        #expect(i.workspace.table("p")?.column("Customer ID")?.value(at: 0) == .int(9))
    }

    @Test func expressionsPrintNamesBackquoted() throws {
        let e = try ExpressionParser.parse("`Age Group` == \"x\" and `true` > 1 and spend > 0")
        #expect(e.description == "`Age Group` == \"x\" and `true` > 1 and spend > 0")
        #expect(try ExpressionParser.parse("col(\"Call  Failure\")").description == "`Call  Failure`")
    }

    @Test func errorsSuggestTheBackquotedName() throws {
        let i = try Self.interpreter()
        let message = output(i, "filter p where `Age Grup` == \"x\"")
        #expect(message.contains("did you mean `Age Group`?"), "\(message)")
        let spaced = output(i, "filter p where AgeGroup == \"x\"")
        #expect(spaced.contains("`Age Group`"), "\(spaced)")
        let slot = output(i, "select p `Custome ID`")
        #expect(slot.contains("did you mean `Customer ID`?"), "\(slot)")
    }

    @Test func tabCompletesBackquotedNames() throws {
        var ws = Workspace()
        ws.bind("p", table: try Self.people())
        let completer = Completer(registry: StandardCommands.registry, workspace: ws)
        func texts(_ line: String) -> [String] { completer.complete(line: line, cursor: line.count).candidates.map(\.text) }
        #expect(texts("filter p where Ag") == ["`Age Group`"])
        #expect(texts("filter p where `Ag") == ["`Age Group`"])
        #expect(texts("filter p where `Cust") == ["`Customer ID`"])
        #expect(texts("select p sp") == ["spend"])
        #expect(texts("filter p where tr").contains("`true`"))
        let whole = completer.complete(line: "filter p where `Ag", cursor: 18)
        #expect(whole.range == 15..<18)
        #expect(whole.replacement == "`Age Group` ")
    }
}
