import Testing
@testable import StrataEngine

private typealias S = CSVTestSupport

@Suite("CSV type inference")
struct CSVInferenceTests {
    @Test func basicTypesAreInferred() throws {
        let text = """
            i,f,s,b,d,t,u
            1,1.5,x,true,2024-01-31,2024-01-31 08:26:00,3/7/2024
            -2,2,y,No,2024-02-29,2024-02-29T23:59:59,12/31/1999
            """
        let table = try S.load(text).table
        #expect(S.type(table, "i") == .int)
        #expect(S.type(table, "f") == .float)
        #expect(S.type(table, "s") == .string)
        #expect(S.type(table, "b") == .bool)
        #expect(S.type(table, "d") == .date)
        #expect(S.type(table, "t") == .timestamp)
        #expect(S.type(table, "u") == .date)
        #expect(S.values(table, "f") == [.float(1.5), .float(2)])
        #expect(S.values(table, "b") == [.bool(true), .bool(false)])
        #expect(S.values(table, "d") == [.date(S.day(2024, 1, 31)), .date(S.day(2024, 2, 29))])
        #expect(S.values(table, "t") == [
            .timestamp(S.day(2024, 1, 31) * 86_400 + 8 * 3600 + 26 * 60),
            .timestamp(S.day(2024, 2, 29) * 86_400 + 86_399),
        ])
        #expect(S.values(table, "u") == [.date(S.day(2024, 3, 7)), .date(S.day(1999, 12, 31))])
        #expect(table.column("s")?.data.type == .string)
    }

    @Test func inferenceLooksAtEveryRow() throws {
        var lines = ["n"]
        lines += (0..<50_000).map { String($0) }
        lines.append("oops")
        let result = try S.load(lines.joined(separator: "\n"))
        #expect(S.type(result.table, "n") == .string)
        #expect(result.notes.contains("column n: mixed int and text values (first text value 'oops' on line 50002); read as string"))
        #expect(S.values(result.table, "n").first == .string("0"))
    }

    @Test func intAndFloatMakeFloat() throws {
        let table = try S.load("x\n1\n2.5\n-3\n1e3\n").table
        #expect(S.type(table, "x") == .float)
        #expect(S.values(table, "x") == [.float(1), .float(2.5), .float(-3), .float(1000)])
    }

    @Test func zeroOneIsIntNotBool() throws {
        let table = try S.load("flag,word\n0,yes\n1,NO\n1,True\n").table
        #expect(S.type(table, "flag") == .int)
        #expect(S.type(table, "word") == .bool)
        #expect(S.values(table, "word") == [.bool(true), .bool(false), .bool(true)])
    }

    @Test func dateAndTimestampMixMakeTimestamp() throws {
        let table = try S.load("t\n2024-01-01\n2024-01-01 12:30\n").table
        #expect(S.type(table, "t") == .timestamp)
        #expect(S.values(table, "t") == [.timestamp(S.day(2024, 1, 1) * 86_400), .timestamp(S.day(2024, 1, 1) * 86_400 + 45_000)])
    }

    @Test func usTimestampsAreRecognised() throws {
        let table = try S.load("t\n12/1/2010 8:26\n12/1/2010 16:05:09\n").table
        #expect(S.type(table, "t") == .timestamp)
        #expect(S.values(table, "t") == [
            .timestamp(S.day(2010, 12, 1) * 86_400 + 8 * 3600 + 26 * 60),
            .timestamp(S.day(2010, 12, 1) * 86_400 + 16 * 3600 + 5 * 60 + 9),
        ])
    }

    @Test func invalidDatesAndMixedDateFormsAreText() throws {
        let result = try S.load("a,b\n2023-02-29,2024-01-01\n2023-03-01,1/2/2024\n")
        #expect(S.type(result.table, "a") == .string)
        #expect(S.type(result.table, "b") == .string)
        #expect(result.notes.contains { $0.hasPrefix("column b: values in different date forms") })
    }

    @Test func thousandsSeparatorsParseWhenTheWholeColumnFits() throws {
        let result = try S.load("price,count,bad\n\"1,234.50\",\"1,000\",\"1,234\"\n999.00,12,\"12,34\"\n\"-2,000,000.25\",\"2,500\",x\n")
        #expect(S.type(result.table, "price") == .float)
        #expect(S.values(result.table, "price") == [.float(1234.5), .float(999), .float(-2_000_000.25)])
        #expect(S.type(result.table, "count") == .int)
        #expect(S.values(result.table, "count") == [.int(1000), .int(12), .int(2500)])
        #expect(S.type(result.table, "bad") == .string)
        #expect(result.notes.contains("column price: 2 values with thousands separators parsed"))
        #expect(result.notes.contains("column count: 2 values with thousands separators parsed"))
    }

    @Test func missingValuesDoNotDecideTheType() throws {
        let table = try S.load("a,b,c\n1,NA,\nNULL,2.5,\n3,null,\n").table
        #expect(S.type(table, "a") == .int)
        #expect(S.values(table, "a") == [.int(1), .missing, .int(3)])
        #expect(S.type(table, "b") == .float)
        #expect(S.values(table, "b") == [.missing, .float(2.5), .missing])
        #expect(S.type(table, "c") == .string)
        #expect(S.values(table, "c") == [.missing, .missing, .missing])
    }

    @Test func integerLimits() throws {
        let table = try S.load("a,b\n9223372036854775807,9223372036854775808\n-9223372036854775808,1\n").table
        #expect(S.values(table, "a") == [.int(Int64.max), .int(Int64.min)])
        #expect(S.type(table, "b") == .float)
    }

    @Test func paddedNumbersStillParse() throws {
        let table = try S.load("a,b\n 1 , 2.5\n2,3\n").table
        #expect(S.values(table, "a") == [.int(1), .int(2)])
        #expect(S.values(table, "b") == [.float(2.5), .float(3)])
    }

    @Test func stringsKeepSpacesAndAreDictionaryEncoded() throws {
        let table = try S.load("s\n a \nb\n a \nb\n").table
        guard case .string(let codes, let dictionary)? = table.column("s")?.data else {
            Issue.record("not a string column")
            return
        }
        #expect(dictionary == [" a ", "b"])
        #expect(codes == [0, 1, 0, 1])
    }

    @Test func forcedTypesOverrideInference() throws {
        var options = CSVOptions()
        options.typeOverrides = ["zip": .string, "n": .float, "flag": .bool, "when": .timestamp, "amount": .int]
        let table = try S.load("zip,n,flag,when,amount\n00501,1,1,2024-01-01,\"1,200\"\n90210,2,0,2024-01-02 10:00,7\n", options: options).table
        #expect(S.values(table, "zip") == [.string("00501"), .string("90210")])
        #expect(S.values(table, "n") == [.float(1), .float(2)])
        #expect(S.values(table, "flag") == [.bool(true), .bool(false)])
        #expect(S.values(table, "when") == [.timestamp(S.day(2024, 1, 1) * 86_400), .timestamp(S.day(2024, 1, 2) * 86_400 + 36_000)])
        #expect(S.values(table, "amount") == [.int(1200), .int(7)])
    }

    @Test func aValueThatDoesNotFitAForcedTypeIsAnErrorWithLineAndValue() {
        var options = CSVOptions()
        options.typeOverrides = ["d": .date]
        let error = S.loadError("id,d\n1,2024-01-01\n2,soon\n3,2024-01-03\n", options: options)
        #expect(error?.message == "data.csv:3: column 'd': cannot read 'soon' as a date")
        #expect(error?.columnName == "d")
        #expect(error?.suggestion?.contains("onerror=skip") == true)
    }

    @Test func aValueThatDoesNotFitAForcedTypeIsSkippedUnderSkip() throws {
        var options = CSVOptions()
        options.typeOverrides = ["d": .date]
        options.onError = .skip
        let result = try S.load("id,d\n1,2024-01-01\n2,soon\n3,2024-01-03\n4,\n", options: options)
        #expect(S.values(result.table, "id") == [.int(1), .int(3), .int(4)])
        #expect(S.values(result.table, "d") == [.date(S.day(2024, 1, 1)), .date(S.day(2024, 1, 3)), .missing])
        #expect(result.skippedRows == 1)
        #expect(result.skippedExamples == [CSVIssue(line: 3, reason: "column 'd': cannot read 'soon' as a date")])
    }

    @Test func forcingAnUnknownColumnIsAnError() {
        var options = CSVOptions()
        options.typeOverrides = ["nope": .int]
        let error = S.loadError("a,b\n1,2\n", options: options)
        #expect(error?.reason.contains("'nope'") == true)
        #expect(error?.suggestion == "the columns are: a, b")
    }

    @Test func dateFormatReadsDayFirstDates() throws {
        var options = CSVOptions()
        options.dateFormat = "%d/%m/%Y"
        let table = try S.load("d,iso\n31/12/2023,2024-01-01\n1/2/2024,2024-01-02\n", options: options).table
        #expect(S.values(table, "d") == [.date(S.day(2023, 12, 31)), .date(S.day(2024, 2, 1))])
        #expect(S.type(table, "iso") == .date)
    }

    @Test func dateFormatWithTimeMakesTimestamps() throws {
        var options = CSVOptions()
        options.dateFormat = "%m/%d/%Y %H:%M"
        let table = try S.load("t\n12/01/2010 08:26\n1/2/2011 9:05\n", options: options).table
        #expect(S.values(table, "t") == [
            .timestamp(S.day(2010, 12, 1) * 86_400 + 8 * 3600 + 26 * 60),
            .timestamp(S.day(2011, 1, 2) * 86_400 + 9 * 3600 + 5 * 60),
        ])
        options.dateFormat = "%d-%b-%y"
        let named = try S.load("d\n05-Mar-24\n31-dec-99\n", options: options).table
        #expect(S.values(named, "d") == [.date(S.day(2024, 3, 5)), .date(S.day(1999, 12, 31))])
    }

    @Test func badDateFormatIsAnError() {
        var options = CSVOptions()
        options.dateFormat = "%Y-%q"
        #expect(S.loadError("a\n1\n", options: options)?.reason == "dateformat '%Y-%q' unknown directive %q")
    }

    @Test func onlineRetailStyleRows() throws {
        let text = """
            InvoiceNo,StockCode,Description,Quantity,InvoiceDate,UnitPrice,CustomerID,Country
            536365,85123A,WHITE HANGING HEART T-LIGHT HOLDER,6,2010-12-01 08:26:00,2.55,17850,United Kingdom
            536365,71053,"SET 2 TEA TOWELS I LOVE LONDON, MUG",6,2010-12-01 08:26:00,3.39,,United Kingdom
            C536379,D,Discount,-1,2010-12-01 09:41:00,27.5,14527,France
            """
        let result = try S.load(text)
        let table = result.table
        #expect(table.columns.map(\.type) == [.string, .string, .string, .int, .timestamp, .float, .int, .string])
        #expect(S.values(table, "Description")[1] == .string("SET 2 TEA TOWELS I LOVE LONDON, MUG"))
        #expect(S.values(table, "CustomerID") == [.int(17850), .missing, .int(14527)])
        #expect(result.notes == ["column InvoiceNo: mixed int and text values (first text value 'C536379' on line 4); read as string"])
    }
}
