import Testing
@testable import StrataEngine

private typealias S = CSVTestSupport

@Suite("CSV structure")
struct CSVReaderStructureTests {
    @Test func quotedFieldsWithDelimitersQuotesAndNewlines() throws {
        let text = "id,text\n1,\"a, b\"\n2,\"say \"\"hi\"\"\"\n3,\"two\nlines\"\n4,plain\n"
        let table = try S.load(text).table
        #expect(table.rowCount == 4)
        #expect(S.values(table, "text") == [.string("a, b"), .string("say \"hi\""), .string("two\nlines"), .string("plain")])
        #expect(S.values(table, "id") == [.int(1), .int(2), .int(3), .int(4)])
    }

    @Test func lineNumbersStayRightAfterQuotedNewlines() {
        let text = "a,b\n1,\"x\ny\nz\"\n2,3,4\n"
        let error = S.loadError(text)
        #expect(error?.line == 5)
        #expect(error?.message == "data.csv:5: expected 2 fields, found 3")
    }

    @Test func crlfAndLfAndNoTrailingNewline() throws {
        let crlf = try S.load("a,b\r\n1,x\r\n2,\"y\r\nz\"\r\n3,w").table
        #expect(crlf.rowCount == 3)
        #expect(S.values(crlf, "b") == [.string("x"), .string("y\r\nz"), .string("w")])
        #expect(S.values(crlf, "a") == [.int(1), .int(2), .int(3)])
        let lf = try S.load("a,b\n1,x\n2,y\n3,w").table
        #expect(S.values(lf, "b") == [.string("x"), .string("y"), .string("w")])
    }

    @Test func blankLinesAreNotRecords() throws {
        let table = try S.load("a,b\n1,2\n\n3,4\n\n\r\n\n").table
        #expect(table.rowCount == 2)
        #expect(S.values(table, "b") == [.int(2), .int(4)])
    }

    @Test func byteOrderMarkIsSkipped() throws {
        let table = try S.loadBytes([0xEF, 0xBB, 0xBF] + Array("name,n\nx,1\n".utf8)).table
        #expect(table.columnNames == ["name", "n"])
    }

    @Test func trailingEmptyFieldAtEndOfFile() throws {
        let table = try S.load("a,b,c\n1,2,").table
        #expect(table.rowCount == 1)
        #expect(S.values(table, "c") == [.missing])
    }

    @Test func noHeaderNamesColumns() throws {
        var options = CSVOptions()
        options.hasHeader = false
        let table = try S.load("1,x\n2,y\n", options: options).table
        #expect(table.columnNames == ["column1", "column2"])
        #expect(table.rowCount == 2)
        #expect(S.values(table, "column1") == [.int(1), .int(2)])
    }

    @Test func duplicateHeaderIsAnErrorNamingBothPositions() {
        let error = S.loadError("id,name,id\n1,a,2\n")
        #expect(error?.message == "data.csv:1: duplicate column name 'id' in the header (columns 1 and 3)")
        #expect(error?.suggestion?.contains("header=false") == true)
        #expect(error?.columnIndex == 2)
    }

    @Test func emptyHeaderCellIsNamedWithANote() throws {
        let result = try S.load("a,,column2\n1,2,3\n")
        #expect(result.table.columnNames == ["a", "column2_2", "column2"])
        #expect(result.notes.contains { $0.contains("column 2 has no name") })
    }

    @Test func headerOnlyGivesEmptyStringColumns() throws {
        let table = try S.load("a,b,c\n").table
        #expect(table.rowCount == 0)
        #expect(table.columnNames == ["a", "b", "c"])
        #expect(table.columns.allSatisfy { $0.type == .string })
    }

    @Test func emptyInputIsAClearError() {
        #expect(S.loadError("")?.message == "data.csv: file is empty")
        #expect(S.loadError("\n\n")?.message.contains("file is empty") == true)
    }

    @Test func raggedRowsFailWithLineAndSuggestion() {
        let error = S.loadError("a,b\n1,2\n3\n")
        #expect(error?.message == "data.csv:3: expected 2 fields, found 1")
        #expect(error?.suggestion?.contains("onerror=skip") == true)
        #expect(error?.rowsReadBefore == 1)
    }

    @Test func raggedRowsAreSkippedAndCountedUnderSkip() throws {
        var options = CSVOptions()
        options.onError = .skip
        let lines = ["a,b", "1,2", "3", "4,5", "6,7,8"] + (0..<10).map { _ in "9" } + ["10,11"]
        let result = try S.load(lines.joined(separator: "\n"), options: options)
        #expect(result.table.rowCount == 3)
        #expect(S.values(result.table, "a") == [.int(1), .int(4), .int(10)])
        #expect(result.skippedRows == 12)
        #expect(result.skippedExamples.count == 5)
        #expect(result.skippedExamples.first == CSVIssue(line: 3, reason: "expected 2 fields, found 1"))
        #expect(result.skippedExamples[1] == CSVIssue(line: 5, reason: "expected 2 fields, found 3"))
    }

    @Test func unclosedQuoteNamesTheLineWhereItOpened() {
        let error = S.loadError("a,b\n1,2\n3,\"oops\n4,5\n6,7\n")
        #expect(error?.line == 3)
        #expect(error?.message.contains("never closed") == true)
    }

    @Test func textAfterClosingQuoteIsABadRow() throws {
        let error = S.loadError("a,b\n1,\"x\"y\n")
        #expect(error?.line == 2)
        #expect(error?.reason == "unexpected text after a closing quote")
        var options = CSVOptions()
        options.onError = .skip
        let result = try S.load("a,b\n1,\"x\"y\n2,z\n", options: options)
        #expect(result.table.rowCount == 1)
        #expect(result.skippedRows == 1)
    }

    @Test func quoteInsideUnquotedFieldIsLiteral() throws {
        let table = try S.load("item,size\nrecord,12\" vinyl\n").table
        #expect(S.values(table, "size") == [.string("12\" vinyl")])
    }

    @Test func invalidUTF8IsReplacedAndNoted() throws {
        let bytes = Array("name,n\nok,1\n".utf8) + [0x62, 0xFF, 0x64] + Array(",2\n".utf8) + [0x62, 0xFF, 0x64] + Array(",3\n".utf8)
        let result = try S.loadBytes(bytes)
        #expect(S.values(result.table, "name") == [.string("ok"), .string("b\u{FFFD}d"), .string("b\u{FFFD}d")])
        #expect(result.notes.contains { $0 == "column name: 2 values are not valid UTF-8 (first on line 3); bad bytes replaced with U+FFFD" })
    }

    @Test func delimiterFromExtensionAndFromFirstLine() throws {
        let tsv = try S.load("a\tb\n1\t2\n", name: "x.tsv")
        #expect(tsv.table.columnNames == ["a", "b"])
        let semicolons = try S.load("\"age\";\"job\"\n58;\"management\"\n", name: "bank.csv")
        #expect(semicolons.table.columnNames == ["age", "job"])
        #expect(S.values(semicolons.table, "age") == [.int(58)])
        #expect(semicolons.notes.contains { $0.contains("delimiter ';'") })
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: "|")
        let pipes = try S.load("a|b\n1|x,y\n", options: options)
        #expect(S.values(pipes.table, "b") == [.string("x,y")])
    }

    @Test func missingTokensAreConfigurable() throws {
        let table = try S.load("a,b\n1,NA\n2,\n-999,x\n").table
        #expect(S.values(table, "b") == [.missing, .missing, .string("x")])
        var options = CSVOptions()
        options.missingTokens = ["-999"]
        let custom = try S.load("a,b\n1,NA\n2,\n-999,x\n", options: options).table
        #expect(S.values(custom, "a") == [.int(1), .int(2), .missing])
        #expect(S.values(custom, "b") == [.string("NA"), .string(""), .string("x")])
    }
}

@Suite("CSV errors")
struct CSVErrorTests {
    @Test func delimiterMustNotBeAQuoteOrLineBreak() {
        var options = CSVOptions()
        options.delimiter = UInt8(ascii: "\"")
        #expect(S.loadError("a\n1\n", options: options)?.reason == "the delimiter cannot be a quote or a line break")
    }

    @Test func largeLoadsSayHowManyRowsWereRead() {
        let small = CSVError(file: "f.csv", line: 9, reason: "expected 2 fields, found 3", rowsReadBefore: 7)
        #expect(small.message == "f.csv:9: expected 2 fields, found 3")
        let large = CSVError(file: "f.csv", line: 12_000_001, reason: "expected 2 fields, found 3", rowsReadBefore: 12_000_000)
        #expect(large.message == "f.csv:12000001: expected 2 fields, found 3 (after 12000000 rows read)")
    }

    @Test func invalidUTF8InTheHeaderIsNoted() throws {
        let result = try S.loadBytes([0x61, 0xC3] + Array(",b\n1,2\n".utf8))
        #expect(result.table.columnNames == ["a\u{FFFD}", "b"])
        #expect(result.notes.contains { $0.hasPrefix("header: the name of column 1 is not valid UTF-8") })
    }
}

/// Shared helpers for the CSV tests.
enum CSVTestSupport {
    static func load(
        _ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions(),
        bufferSize: Int = CSVChunkStream.defaultBufferSize, parallel: Bool? = nil
    ) throws -> CSVLoadResult {
        try loadBytes(Array(text.utf8), name: name, options: options, bufferSize: bufferSize, parallel: parallel)
    }

    static func loadBytes(
        _ bytes: [UInt8], name: String = "data.csv", options: CSVOptions = CSVOptions(),
        bufferSize: Int = CSVChunkStream.defaultBufferSize, parallel: Bool? = nil
    ) throws -> CSVLoadResult {
        try CSVReader.load(
            CSVMemorySource(displayName: name, bytes: bytes), extensionHint: name, options: options,
            context: .quiet, bufferSize: bufferSize, parallel: parallel)
    }

    /// The error a load throws, or nil (which fails the calling expectation).
    static func loadError(_ text: String, name: String = "data.csv", options: CSVOptions = CSVOptions()) -> CSVError? {
        loadErrorBytes(Array(text.utf8), name: name, options: options)
    }

    static func loadErrorBytes(_ bytes: [UInt8], name: String = "data.csv", options: CSVOptions = CSVOptions()) -> CSVError? {
        do {
            _ = try loadBytes(bytes, name: name, options: options)
            return nil
        } catch let error as CSVError {
            return error
        } catch {
            return nil
        }
    }

    static func values(_ table: Table, _ name: String) -> [Value] {
        guard let column = table.column(name) else { return [] }
        return (0..<column.count).map { column.value(at: $0) }
    }

    static func type(_ table: Table, _ name: String) -> DataType? { table.column(name)?.type }

    /// Same names, types and cells (floats compared bit for bit apart from NaN).
    static func sameTable(_ a: Table, _ b: Table) -> Bool {
        guard a.columnNames == b.columnNames, a.rowCount == b.rowCount else { return false }
        for (x, y) in zip(a.columns, b.columns) {
            guard x.type == y.type else { return false }
            for row in 0..<a.rowCount where x.value(at: row) != y.value(at: row) { return false }
        }
        return true
    }

    static func day(_ y: Int, _ m: Int, _ d: Int) -> Int64 { CivilCalendar.days(year: y, month: m, day: d) }
}
