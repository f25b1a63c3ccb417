import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// What a failed command must leave exactly as it was: every name in order, each table's row
/// count, column names and types, and the settings.
struct WorkspaceShape: Equatable, CustomStringConvertible {
    struct TableShape: Equatable {
        var rows: Int
        var columns: [String]
        var types: [DataType]
    }

    var names: [String]
    var tables: [String: TableShape]
    var settings: Settings

    init(_ ws: Workspace) {
        names = ws.names
        settings = ws.settings
        var t: [String: TableShape] = [:]
        for n in ws.tableNames {
            guard let table = ws.table(n) else { continue }
            t[n] = TableShape(rows: table.rowCount, columns: table.columnNames, types: table.columns.map(\.type))
        }
        tables = t
    }

    var description: String {
        names.map { n in tables[n].map { "\(n) \($0.rows)×\($0.columns.count)" } ?? n }.joined(separator: ", ")
    }
}

/// Bad files and bad command lines, through `Interpreter.execute`: each one fails with a message that
/// says what was wrong and where (file:line, or a caret under the token) and leaves the workspace
/// as it was; the few that are only odd succeed and say what they did about it.
@Suite struct BadInputTests {
    /// A small workspace: `tx` (6 rows) and `customers` (3 rows).
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("tx", table: try Table(columns: [
            Column(name: "invoice", data: .string(codes: [0, 0, 1, 2, 2, 3], dictionary: ["A1", "A2", "A3", "C4"])),
            Column(name: "customer_id", data: .int([7, 7, 8, 9, 9, 0]),
                   missing: MissingMask(flags: [false, false, false, false, false, true])),
            Column(name: "quantity", data: .int([2, -1, 5, 1, 1, 4])),
            Column(name: "unit_price", data: .float([1.5, 1.5, 2, 10, 0, 3])),
            Column(name: "country", data: .string(codes: [0, 0, 1, 0, 2, 1], dictionary: ["GB", "NL", "FR"])),
        ]))
        ws.bind("customers", table: try Table(columns: [
            Column(name: "customer_id", data: .int([7, 8, 9])),
            Column(name: "age", data: .int([41, 29, 35])),
            Column(name: "country", data: .string(codes: [0, 1, 0], dictionary: ["GB", "NL"])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    // MARK: helpers

    /// Runs a line that must fail; checks the message holds every one of `parts` and that the
    /// workspace is unchanged. Returns the message.
    @discardableResult
    func expectFailure(_ i: Interpreter, _ line: String, _ parts: [String] = [],
                       sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = WorkspaceShape(i.workspace)
        let result = i.execute(line)
        let after = WorkspaceShape(i.workspace)
        #expect(after == before, "workspace changed: \(before) → \(after)", sourceLocation: sourceLocation)
        guard case .failure(let message) = result else {
            Issue.record("expected a failure from \(line.prefix(120)), got \(result)", sourceLocation: sourceLocation)
            return ""
        }
        for part in parts {
            #expect(message.contains(part), "'\(part)' not in:\n\(message.prefix(2_000))", sourceLocation: sourceLocation)
        }
        return message
    }

    /// Runs a line that must succeed; returns its notes, warnings and text, one block a line, then
    /// the rendered output.
    @discardableResult
    func expectSuccess(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let result = i.execute(line)
        guard case .success(let output) = result else {
            Issue.record("expected success from \(line.prefix(120)), got \(result)", sourceLocation: sourceLocation)
            return ""
        }
        var lines: [String] = []
        for block in output.blocks {
            switch block {
            case .note(let s), .warning(let s), .text(let s): lines.append(s)
            default: break
            }
        }
        return lines.joined(separator: "\n") + "\n" + OutputRenderer.render(output)
    }

    /// The echoed line and the caret line under it, as they appear in a rendered syntax error.
    func caret(_ message: String) -> (echo: String, carets: String)? {
        let lines = message.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
        guard let k = lines.firstIndex(where: { !$0.isEmpty && $0.allSatisfy { $0 == " " || $0 == "^" } && $0.contains("^") }),
              k > 0 else { return nil }
        return (lines[k - 1], lines[k])
    }

    /// Checks that the caret line underlines exactly `token` (its first occurrence after `after`)
    /// in `line`; ASCII lines only.
    func expectCaret(_ message: String, under token: String, in line: String, after: String = "",
                     sourceLocation: SourceLocation = #_sourceLocation) {
        guard let (echo, carets) = caret(message) else {
            Issue.record("no caret line in:\n\(message)", sourceLocation: sourceLocation)
            return
        }
        #expect(echo == "  " + line, sourceLocation: sourceLocation)
        let searchFrom = line.range(of: after)?.upperBound ?? line.startIndex
        guard let r = line.range(of: token, range: searchFrom..<line.endIndex) else {
            Issue.record("'\(token)' not in \(line)", sourceLocation: sourceLocation)
            return
        }
        let offset = line.distance(from: line.startIndex, to: r.lowerBound)
        let expected = "  " + String(repeating: " ", count: offset) + String(repeating: "^", count: token.count)
        #expect(carets == expected, "caret:\n\(echo)\n\(carets)\nexpected:\n\(expected)", sourceLocation: sourceLocation)
    }

    // MARK: CSV files

    @Test func raggedRowWithTooManyFieldsNamesTheLineAndSuggestsSkip() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("many.csv", "a,b,c\n1,2,3\n4,5,6,7\n8,9,10\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" as tx", ["many.csv:3", "expected 3 fields, found 4", "onerror=skip"])
    }

    @Test func raggedRowWithTooFewFieldsNamesTheLineAndSuggestsSkip() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("few.csv", "a,b,c\n1,2,3\n4,5,6\n7,8\n9,10,11\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\"", ["few.csv:4", "expected 3 fields, found 2", "onerror=skip"])
    }

    @Test func raggedRowsAreSkippedAndReportedWithOnErrorSkip() throws {
        let dir = try ScratchDirectory("badinput")
        // Bad rows on lines 3, 5, 6, 7, 8, 10 and 11: seven of them, more than the examples shown.
        let rows = ["a,b,c", "1,2,3", "x", "4,5,6", "1,2", "1,2,3,4", "1", "1,2,3,4,5", "7,8,9", ",", "1,2,,", "10,11,12"]
        let path = try dir.write("ragged.csv", rows.joined(separator: "\n") + "\n")
        let i = try Self.interpreter()
        let out = expectSuccess(i, "load \"\(path)\" onerror=skip as r")
        #expect(out.contains("skipped 7 bad rows"))
        for line in [3, 5, 6, 7, 8] { #expect(out.contains("line \(line): expected 3 fields"), "line \(line) in \(out)") }
        #expect(!out.contains("line 10:"), "only the first few are shown")
        let t = try #require(i.workspace.table("r"))
        #expect(t.rowCount == 4)
        #expect(t.column("a")?.value(at: 3) == .int(10))
    }

    @Test func unclosedQuoteNamesTheLineWhereItOpened() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("quote.csv", "a,b\n1,x\n2,\"never closed\n3,y\n4,z\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" as tx", ["quote.csv:3", "never closed", "closing quote"])
    }

    @Test func invalidUTF8IsReplacedWithANote() throws {
        let dir = try ScratchDirectory("badinput")
        var bytes = Array("id,name\n1,ok\n2,caf".utf8)
        bytes += [0xE9, 0xFF]
        bytes += Array("\n3,fine\n".utf8)
        let path = try dir.write("latin1.csv", bytes: bytes)
        let i = try Self.interpreter()
        let out = expectSuccess(i, "load \"\(path)\" as names")
        #expect(out.contains("column name: 1 value is not valid UTF-8 (first on line 3); bad bytes replaced with U+FFFD"))
        let t = try #require(i.workspace.table("names"))
        guard case .string(let s)? = t.column("name")?.value(at: 1) else {
            Issue.record("expected text, got \(String(describing: t.column("name")?.value(at: 1)))")
            return
        }
        #expect(s.hasPrefix("caf") && s.contains("\u{FFFD}"))
    }

    @Test func emptyFileFails() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("empty.csv", "")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" as tx", ["empty.csv: file is empty", "header line"])
        // Blank lines only: there is no header either.
        let blank = try dir.write("blank.csv", "\n\n\n")
        expectFailure(i, "load \"\(blank)\" as tx", ["blank.csv", "empty"])
    }

    @Test func headerOnlyFileGivesAnEmptyTable() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("header.csv", "a,b,c\n")
        let i = try Self.interpreter()
        let out = expectSuccess(i, "load \"\(path)\" as h")
        #expect(out.contains("h: 0 rows × 3 columns"))
        let t = try #require(i.workspace.table("h"))
        #expect(t.rowCount == 0 && t.columnNames == ["a", "b", "c"])
        // The empty table works with the other commands.
        expectSuccess(i, "show h")
        expectSuccess(i, "describe h")
        expectSuccess(i, "group h by a agg n = count()")
    }

    @Test func duplicateColumnNamesFail() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("dup.csv", "id,amount,id\n1,2,3\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" as tx", ["dup.csv:1", "duplicate column name 'id'", "columns 1 and 3", "header=false"])
    }

    @Test func missingFileFails() throws {
        let dir = try ScratchDirectory("badinput")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(dir.path)/nope.csv\" as tx", ["nope.csv: no such file", "check the path"])
    }

    @Test func directoryInsteadOfFileFails() throws {
        let dir = try ScratchDirectory("badinput")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(dir.path)\" as tx", [dir.path + ": is a directory", "name a CSV file inside it"])
    }

    @Test func quotedNumbersWithThousandsSeparatorsAreFloatsWithANote() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("money.csv", "id,amount\n1,\"1,234.50\"\n2,\"12,000.25\"\n3,17.5\n")
        let i = try Self.interpreter()
        let out = expectSuccess(i, "load \"\(path)\" as money")
        #expect(out.contains("amount (float)"))
        #expect(out.contains("column amount: 2 values with thousands separators parsed"))
        let t = try #require(i.workspace.table("money"))
        #expect(t.column("amount")?.value(at: 0) == .float(1234.5))
        #expect(t.column("amount")?.value(at: 1) == .float(12000.25))
    }

    @Test func columnMixingIntsAndTextIsReadAsTextWithANote() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("mixed.csv", "id,v\n1,10\n2,20\n3,abc\n4,40\n5,xyz\n")
        let i = try Self.interpreter()
        let out = expectSuccess(i, "load \"\(path)\" as mixed")
        #expect(out.contains("v (string)"))
        #expect(out.contains("column v: mixed int and text values (first text value 'abc' on line 4); read as string"))
    }

    @Test func forcedIntTypeOnTextFailsAtTheLineAndSkipWorks() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("mixed.csv", "id,v\n1,10\n2,20\n3,abc\n4,40\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" types=v:int as tx", ["mixed.csv:4", "column 'v'", "'abc'", "int", "onerror=skip"])
        let out = expectSuccess(i, "load \"\(path)\" types=v:int onerror=skip as m")
        #expect(out.contains("skipped 1 bad row (onerror=skip)"))
        #expect(out.contains("line 4: column 'v': cannot read 'abc' as an int"))
        let t = try #require(i.workspace.table("m"))
        #expect(t.rowCount == 3 && t.column("v")?.type == .int)
    }

    @Test func unknownTypeNameInTypes() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("t.csv", "id,v\n1,2\n")
        let i = try Self.interpreter()
        let line = "load \"\(path)\" types=v:flaot as tx"
        let m = expectFailure(i, line, ["unknown type 'flaot' for column v", "did you mean 'float'?"])
        expectCaret(m, under: "v:flaot", in: line)
        expectFailure(i, "load \"\(path)\" types=v:money", ["unknown type 'money'", "int, float, string, bool, date, timestamp"])
    }

    @Test func typesNamingAColumnTheFileLacks() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("t.csv", "id,v\n1,2\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" types=w:int as tx", ["t.csv", "'w'", "does not have", "id, v"])
    }

    @Test func twoCharacterDelimiter() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("t.csv", "id;v\n1;2\n")
        let i = try Self.interpreter()
        let line = "load \"\(path)\" delim=\";;\" as tx"
        let m = expectFailure(i, line, ["delim must be one character, or tab", "e.g. delim=\";\""])
        expectCaret(m, under: "\";;\"", in: line)
    }

    @Test func failedLoadDoesNotReplaceTheTableOfThatName() throws {
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("bad.csv", "quantity\n1\n2\n\"3\n")
        let i = try Self.interpreter()
        expectFailure(i, "load \"\(path)\" as tx", ["bad.csv:4"])
        #expect(i.workspace.table("tx")?.columnNames == ["invoice", "customer_id", "quantity", "unit_price", "country"])
    }

    // MARK: commands

    /// `where x = 1` once read as an option `x=1` of `filter` ("'filter' has no option 'x'").
    @Test func equalityRightAfterWhereIsACondition() throws {
        let i = try Self.interpreter()
        #expect(expectSuccess(i, "filter tx where quantity = 1 as ones").contains("ones: kept 2 of 6 rows"))
        #expect(expectSuccess(i, "filter tx where country = \"GB\" or quantity = 5 as some").contains("some: kept 4 of 6 rows"))
        expectFailure(i, "filter tx where quantiy = 1", ["unknown column 'quantiy'", "did you mean 'quantity'?"])
    }

    /// `select tx a, a` once failed in the engine with "duplicate column name … rename one of them"
    /// and no caret; `describe … cols=a,a` showed the column twice.
    @Test func aColumnListedTwice() throws {
        let i = try Self.interpreter()
        for (line, after) in [("select tx quantity, country, quantity", "country"), ("group tx by country, country", "by country"),
                              ("show tx cols=quantity,quantity", "cols=quantity"), ("describe tx cols=country,country", "cols=country"),
                              ("drop tx country, country as t2", "tx country")] {
            let token = after.contains("quantity") || line.hasPrefix("select") ? "quantity" : "country"
            let m = expectFailure(i, line, ["column '\(token)' is listed twice", "list each column once"])
            expectCaret(m, under: token, in: line, after: after)
        }
    }

    /// Options may come before the table; their columns were then never checked against it.
    @Test func columnOptionBeforeTheTable() throws {
        let i = try Self.interpreter()
        let line = "describe cols=quantiy tx"
        expectCaret(expectFailure(i, line, ["no column 'quantiy' in table tx", "did you mean 'quantity'?"]), under: "quantiy", in: line)
        #expect(expectSuccess(i, "show cols=quantity tx head 1").contains("quantity"))
    }

    @Test func divisionByZeroWarnsAndGivesMissingValues() throws {
        let i = try Self.interpreter()
        let out = expectSuccess(i, "derive tx r = quantity / (unit_price - unit_price), s = quantity / 0")
        #expect(out.contains("division by zero in 6 rows gave missing values"))
        let t = try #require(i.workspace.table("tx"))
        #expect((0..<6).allSatisfy { t.column("r")?.value(at: $0) == .missing })
        #expect(t.column("s")?.value(at: 0) == .missing)
    }

    @Test func unknownFunctionSuggestsTheClosest() throws {
        let i = try Self.interpreter()
        let line = "filter tx where lenght(country) > 1"
        let m = expectFailure(i, line, ["unknown function 'lenght'", "did you mean 'length'?"])
        expectCaret(m, under: "lenght", in: line)
        expectFailure(i, "derive tx x = frobnicate(quantity)", ["unknown function 'frobnicate'"])
    }

    @Test func unknownColumnTypoGetsCaretAndSuggestion() throws {
        let i = try Self.interpreter()
        let line = "filter tx where quantiy > 0 as pos"
        let m = expectFailure(i, line, ["unknown column 'quantiy' in table tx", "did you mean 'quantity'?"])
        expectCaret(m, under: "quantiy", in: line)
        let select = "select tx invoice, cuntry"
        expectCaret(expectFailure(i, select, ["no column 'cuntry' in table tx", "did you mean 'country'?"]),
                    under: "cuntry", in: select)
    }

    @Test func columnOfAnotherTable() throws {
        let i = try Self.interpreter()
        let line = "filter tx where customers.age > 3"
        let m = expectFailure(i, line, ["'customers.age' is a column of a different table", "join the tables first"])
        expectCaret(m, under: "customers.age", in: line)
        let sort = "sort tx by customers.age"
        expectCaret(expectFailure(i, sort, ["'customers.age' is a column of table 'customers', not of 'tx'"]),
                    under: "customers.age", in: sort)
    }

    @Test func joinOnAMissingKey() throws {
        let i = try Self.interpreter()
        let left = "join tx customers on=custid"
        expectCaret(expectFailure(i, left, ["no column 'custid' in table tx", "columns are"]), under: "custid", in: left)
        let right = "join tx customers on=quantity as j"
        expectCaret(expectFailure(i, right, ["no column 'quantity' in table customers", "columns are 'customer_id', 'age', 'country'"]),
                    under: "quantity", in: right)
        let pair = "join tx customers on=customer_id:custmer_id"
        expectCaret(expectFailure(i, pair, ["no column 'custmer_id' in table customers", "did you mean 'customer_id'?"]),
                    under: "customer_id:custmer_id", in: pair)
        expectFailure(i, "join tx customers", ["join needs on=KEY", "customer_id, country"])
    }

    @Test func sampleLargerThanTheTableWithoutReplacement() throws {
        let i = try Self.interpreter()
        expectFailure(i, "sample tx n=7 as s", ["cannot sample 7 distinct rows from a table of 6", "at most 6 rows"])
        let out = expectSuccess(i, "sample tx n=7 replace=yes seed=1 as s")
        #expect(out.contains("s: 7 rows sampled from 6"))
        // With replacement a sample can outgrow its table many times over; two billion rows once
        // went straight to allocating them (tens of GB) and the process was killed.
        expectFailure(i, "sample tx n=2147483647 replace=yes as huge", ["a sample of 2147483647 rows is too large",
                                                                       "at most 40000000 rows of this table", "select fewer columns"])
        expectFailure(i, "sample tx n=2147483647 as huge", ["cannot sample 2147483647 distinct rows from a table of 6"])
    }

    @Test func sortByAMissingColumn() throws {
        let i = try Self.interpreter()
        let line = "sort tx by quantity, price desc"
        expectCaret(expectFailure(i, line, ["no column 'price' in table tx", "columns: invoice, customer_id"]),
                    under: "price", in: line)
    }

    @Test func aggregateOfATextColumn() throws {
        let i = try Self.interpreter()
        let line = "group tx by customer_id agg spend = sum(country)"
        expectCaret(expectFailure(i, line, ["sum needs a number or true/false, got string"]), under: "country", in: line, after: "sum(")
    }

    @Test func exportIntoAFolderThatDoesNotExist() throws {
        let dir = try ScratchDirectory("badinput")
        let i = try Self.interpreter()
        let target = dir.path + "/no/such/folder/tx.csv"
        expectFailure(i, "export tx \"\(target)\"", [target, "its folder does not exist"])
        #expect(!FileManager.default.fileExists(atPath: dir.path + "/no"))
    }

    @Test func showOfAnUnknownTable() throws {
        let i = try Self.interpreter()
        let line = "show tz"
        expectCaret(expectFailure(i, line, ["no table named 'tz'", "did you mean 'tx'?"]), under: "tz", in: line)
        expectFailure(i, "show orders", ["no table named 'orders'", "tables: tx, customers"])
    }

    @Test func setRowsZero() throws {
        let i = try Self.interpreter()
        let line = "set rows 0"
        expectCaret(expectFailure(i, line, ["rows must be a whole number between 1 and 100000"]), under: "0", in: line)
        expectFailure(i, "set rows -5", ["rows must be a whole number"])
        expectFailure(i, "set seed 99999999999999999999999", ["the seed must be a whole number"])
        #expect(i.workspace.settings.maxRows == 20)
    }

    @Test func unclosedString() throws {
        let i = try Self.interpreter()
        let line = "filter tx where country = \"GB"
        let m = expectFailure(i, line, ["unclosed string: this quote is never closed", "add a closing \""])
        expectCaret(m, under: "\"", in: line)
        expectFailure(i, "load \"datasets/customers.csv as c", ["unclosed string"])
    }

    /// `$name` must be declared with `param` first; the hint says how (it once sent users to `set`,
    /// which only knows seed, ascii and rows).
    @Test func unknownParameter() throws {
        let i = try Self.interpreter()
        let line = "filter tx where quantity > $k"
        let m = expectFailure(i, line, ["unknown parameter $k", "declare it first: param k = …"])
        expectCaret(m, under: "$k", in: line)
        #expect(!m.contains("set k"))
        expectFailure(i, "filter tx where quantity > $", ["'$' must be followed by a parameter name"])
    }

    @Test func lineOfOnlySymbols() throws {
        let i = try Self.interpreter()
        expectCaret(expectFailure(i, "@#%^&*", ["unexpected character '@'"]), under: "@", in: "@#%^&*")
        expectCaret(expectFailure(i, ")))(((,,,==", ["unknown command ')'", "help"]), under: ")", in: ")))(((,,,==")
        expectFailure(i, "= = = =", ["unknown command '='"])
        #expect(i.execute("#######") .isEmpty)
    }

    @Test func veryLongLines() throws {
        let i = try Self.interpreter()
        // A 100,000-character chain of additions: too deep to evaluate, refused with a short message.
        let chain = "derive tx x = " + Array(repeating: "quantity", count: 10_000).joined(separator: " + ")
        #expect(chain.count > 100_000)
        let m = expectFailure(i, chain, ["expression nested too deeply (more than 200 levels)"])
        #expect(m.count < 1_000, "the message echoes a window of the line, not all of it")
        #expect(caret(m)?.echo.hasPrefix("  …") == true)
        // A long unknown word far into the line: the caret still lands under it.
        let far = "filter tx where country in (" + Array(repeating: "\"GB\"", count: 20_000).joined(separator: ", ")
            + ") and nope > 1"
        let farMessage = expectFailure(i, far, ["unknown column 'nope'"])
        let (echo, carets) = try #require(caret(farMessage))
        let col = carets.firstIndex(of: "^").map { carets.distance(from: carets.startIndex, to: $0) } ?? -1
        #expect(Array(echo)[col...].starts(with: "nope"))
        #expect(echo.count < 200)
        // A long line that is fine: a 100,000-character `in` list.
        let list = Array(repeating: "\"GB\"", count: 20_000).joined(separator: ", ")
        let out = expectSuccess(i, "filter tx where country in (\(list)) as gb")
        #expect(out.contains("gb: kept 3 of 6 rows"))
        // A long blank or comment line is nothing.
        #expect(i.execute(String(repeating: " ", count: 100_000)).isEmpty)
        #expect(i.execute("# " + String(repeating: "x", count: 100_000)).isEmpty)
        // A 100,000-character column name is allowed.
        let longName = String(repeating: "y", count: 100_000)
        expectSuccess(i, "derive tx \(longName) = 1 as wide")
        #expect(i.workspace.table("wide")?.column(longName) != nil)
        // Shown in a table, the name is cut to the screen.
        let shown = expectSuccess(i, "show wide head 2")
        #expect(shown.count < 10_000)
        expectSuccess(i, "schema wide")
        expectSuccess(i, "describe wide")
        expectSuccess(i, "derive tx long_text = upper(\"\(String(repeating: "é", count: 100_000))\") as texty")
        #expect(expectSuccess(i, "show texty head 1").count < 10_000)
        // A typo in it is still suggested, at once (the edit distance once took minutes here).
        let clock = ContinuousClock()
        let elapsed = clock.measure {
            expectFailure(i, "filter wide where \(longName)z > 0", ["unknown column", "did you mean"])
        }
        #expect(elapsed < .seconds(5))
    }

    @Test func unicodeTableAndColumnNames() throws {
        let i = try Self.interpreter()
        expectSuccess(i, "derive tx é = quantity * 2, 数量 = quantity as 表格")
        let t = try #require(i.workspace.table("表格"))
        #expect(t.column("é")?.value(at: 2) == .int(10))
        expectSuccess(i, "filter 表格 where 数量 > 1 and é < 9 as 小")
        #expect(i.workspace.table("小")?.rowCount == 2)
        let out = expectSuccess(i, "show 表格 head 2 cols=é,数量")
        #expect(out.contains("é") && out.contains("数量"))
        expectSuccess(i, "group 表格 by country agg 合计 = sum(é)")
        #expect(i.workspace.table("表格_by_country")?.column("合计") != nil)
        // The caret counts display columns: each CJK character is two wide.
        let m = expectFailure(i, "filter 表格 where 年龄 > 3", ["unknown column '年龄' in table 表格"])
        #expect(caret(m)?.carets == "  " + String(repeating: " ", count: 18) + "^^^^")
        let typo = expectFailure(i, "show 表")
        #expect(typo.contains("no table named '表'"))
        // Loaded from a file: a unicode header and a unicode table name.
        let dir = try ScratchDirectory("badinput")
        let path = try dir.write("données.csv", "名前,âge\n太郎,30\nZoë,41\n")
        #expect(expectSuccess(i, "load \"\(path)\" as データ").contains("データ: 2 rows × 2 columns"))
        expectSuccess(i, "filter データ where âge > 35 and 名前 = \"Zoë\" as 年長")
        #expect(i.workspace.table("年長")?.rowCount == 1)
        expectSuccess(i, "load \"\(path)\"")
        #expect(i.workspace.table("données") != nil, "named after the file")
    }

    @Test func asWithNoName() throws {
        let i = try Self.interpreter()
        for line in ["filter tx where quantity > 0 as", "select tx invoice as", "sort tx by quantity desc as",
                     "derive tx a = 1 as", "group tx by country agg n = count() as", "join tx customers on=customer_id as",
                     "sample tx n=2 as", "load \"x.csv\" as"] {
            let m = expectFailure(i, line, ["'as' must be followed by a"])
            expectCaret(m, under: "as", in: line, after: String(line.dropLast(3)))
        }
        expectFailure(i, "show tx as", ["unexpected 'as'", "usage: show TABLE"])
        // Not at the end: still about 'as', not about a missing comma.
        for line in ["derive tx a = 1 as as t", "derive tx a = 1 as t t", "group tx by country agg n = count() as b c"] {
            expectFailure(i, line, ["'as' must be followed by one name at the end of the line"])
        }
        expectFailure(i, "filter tx where quantity > 0 as 9lives", ["'as' must be followed by"])
        expectFailure(i, "show tx as t", ["'show' does not produce a value to name", "remove 'as t'"])
    }

    @Test func deeplyNestedExpressionsAreRefusedNotOverflowed() throws {
        let i = try Self.interpreter()
        let deep = "filter tx where " + String(repeating: "(", count: 10_000) + "quantity" + String(repeating: ")", count: 10_000) + " > 0"
        expectFailure(i, deep, ["expression nested too deeply (more than 200 levels)", "split it into steps"])
        let nots = "filter tx where " + String(repeating: "not ", count: 10_000) + "quantity > 0"
        expectFailure(i, nots, ["expression nested too deeply"])
        let minus = "derive tx m = " + String(repeating: "- ", count: 10_000) + "quantity"
        expectFailure(i, minus, ["expression nested too deeply"])
        let calls = "derive tx m = " + String(repeating: "abs(", count: 10_000) + "quantity" + String(repeating: ")", count: 10_000)
        expectFailure(i, calls, ["expression nested too deeply"])
        let ors = "filter tx where " + Array(repeating: "quantity = 1", count: 5_000).joined(separator: " or ")
        expectFailure(i, ors, ["expression nested too deeply", "in (…)"])
        let aggregate = "group tx by country agg s = sum(" + String(repeating: "(", count: 10_000) + "quantity"
            + String(repeating: ")", count: 10_000) + ")"
        expectFailure(i, aggregate, ["expression nested too deeply"])
        // Unclosed: the depth limit is hit before the missing parentheses would be.
        expectFailure(i, "filter tx where " + String(repeating: "(", count: 10_000), ["expression nested too deeply"])
    }

    /// Tab completion walks the same lines; a pasted monster must not crash the session there either.
    @Test func completionSurvivesDeepAndLongLines() throws {
        let i = try Self.interpreter()
        let completer = Completer(registry: StandardCommands.registry, workspace: i.workspace)
        let lines = [
            "filter tx where " + String(repeating: "(", count: 10_000) + "qua",
            "filter tx where " + String(repeating: "not ", count: 10_000) + "qua",
            "derive tx x = " + Array(repeating: "quantity", count: 10_000).joined(separator: " + ") + " + qua",
            "derive tx x = " + String(repeating: "abs(", count: 10_000) + "qua",
            "filter tx where country in (" + Array(repeating: "\"GB\"", count: 20_000).joined(separator: ", ") + ") and qua",
            "show tx cols=" + Array(repeating: "quantity", count: 10_000).joined(separator: ","),
        ]
        for line in lines {
            _ = completer.complete(line: line, cursor: line.count)
            _ = completer.complete(line: line, cursor: line.count / 2)
        }
    }

    @Test func expressionsJustUnderTheDepthLimitStillRun() throws {
        let i = try Self.interpreter()
        // 190 parentheses, then a chain whose tree is 199 levels tall: both evaluate on a test thread.
        let nested = "filter tx where " + String(repeating: "(", count: 190) + "quantity" + String(repeating: ")", count: 190) + " > 0 as pos"
        #expect(expectSuccess(i, nested).contains("pos: kept 5 of 6 rows"))
        let chain = "derive tx total = " + Array(repeating: "quantity", count: 199).joined(separator: " + ")
        expectSuccess(i, chain)
        #expect(i.workspace.table("tx")?.column("total")?.value(at: 0) == .int(398))
        let nots = "derive tx nots = " + String(repeating: "not ", count: 150) + "quantity > 0"
        expectSuccess(i, nots)
        expectFailure(i, "derive tx total2 = " + Array(repeating: "quantity", count: 202).joined(separator: " + "),
                      ["more than 200 levels"])
        // The most stack per level: nested calls, conditionals and ranges, each just under the limit.
        let depth = ExpressionParser.maxDepth - 2
        let ifs = String(repeating: "if(quantity > 0, ", count: depth) + "unit_price" + String(repeating: ", 0.0)", count: depth)
        expectSuccess(i, "derive tx deep_if = " + ifs)
        let coalesced = String(repeating: "coalesce(round(", count: depth / 2) + "unit_price" + String(repeating: ", 1), 0.0)", count: depth / 2)
        expectSuccess(i, "derive tx deep_round = " + coalesced)
        let bound = String(repeating: "abs(", count: depth - 2) + "9" + String(repeating: ")", count: depth - 2)
        expectSuccess(i, "filter tx where quantity between -(\(bound)) and \(bound) as ranged")
        let aggregated = "group tx by country agg s = sum(" + String(repeating: "abs(", count: depth - 1) + "quantity"
            + String(repeating: ")", count: depth - 1) + ")"
        expectSuccess(i, aggregated)
    }
}

extension Execution {
    var isEmpty: Bool { if case .empty = self { return true } else { return false } }
}
