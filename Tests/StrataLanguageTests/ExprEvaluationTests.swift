import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct ExprEvaluationTests {
    let m = Value.missing

    @Test func arithmeticWithMissing() throws {
        #expect(try ExprFixtures.values("quantity + 1") == [.int(2), .int(3), m, .int(5), .int(6)])
        #expect(try ExprFixtures.values("quantity * amount") == [.float(10.5), .float(-6), m, .float(0), .float(35)])
        #expect(try ExprFixtures.values("quantity / 2") == [.float(0.5), .float(1), m, .float(2), .float(2.5)])
        #expect(try ExprFixtures.values("quantity % 3") == [.int(1), .int(2), m, .int(1), .int(2)])
        #expect(try ExprFixtures.values("-quantity") == [.int(-1), .int(-2), m, .int(-4), .int(-5)])
        #expect(try ExprFixtures.eval("quantity + 1").column.type == .int)
        #expect(try ExprFixtures.eval("quantity / 1").column.type == .float)
    }

    @Test func divisionByZeroGivesMissingAndWarning() throws {
        let r = try ExprFixtures.eval("quantity / amount")
        let expected: [Value] = [.float(1.0 / 10.5), .float(-2.0 / 3.0), m, m, .float(5.0 / 7.0)]
        #expect((0..<5).map { r.column.value(at: $0) } == expected)
        #expect(r.warnings == ["division by zero in 1 row gave missing values (in `quantity / amount`)"])
        let all = try ExprFixtures.eval("quantity % 0")
        #expect(all.warnings == ["division by zero in 4 rows gave missing values (in `quantity % 0`)"])
        #expect(all.column.missing.missingCount() == 5)
    }

    @Test func integerOverflowGivesMissingAndWarning() throws {
        let t = Table(uncheckedColumns: [
            Column.fromValues(name: "big", type: .int, values: [.int(Int64.max), .int(1), .int(Int64.min), .missing]),
        ], rowCount: 4)
        let r = try ExprFixtures.eval("big + 1", on: t)
        #expect((0..<4).map { r.column.value(at: $0) } == [m, .int(2), .int(Int64.min + 1), m])
        #expect(r.warnings == ["integer overflow in 1 row gave missing values (in `big + 1`)"])
        #expect(try ExprFixtures.values("big * 2", on: t) == [m, .int(2), m, m])
        #expect(try ExprFixtures.values("-big", on: t) == [.int(-Int64.max), .int(-1), m, m])
        #expect(try ExprFixtures.values("abs(big)", on: t) == [.int(Int64.max), .int(1), m, m])
        #expect(try ExprFixtures.values("big % -1", on: t) == [.int(0), .int(0), .int(0), m])
        #expect(try ExprFixtures.values("big / 2", on: t)[0] == .float(Double(Int64.max) / 2))
    }

    @Test func threeValuedLogicTruthTable() throws {
        let t: Value = .bool(true)
        let f: Value = .bool(false)
        let left: [Value] = [t, t, t, f, f, f, m, m, m]
        let right: [Value] = [t, f, m, t, f, m, t, f, m]
        let table = Table(uncheckedColumns: [
            Column.fromValues(name: "p", type: .bool, values: left),
            Column.fromValues(name: "q", type: .bool, values: right),
        ], rowCount: 9)
        #expect(try ExprFixtures.values("p and q", on: table) == [t, f, m, f, f, f, m, f, m])
        #expect(try ExprFixtures.values("p or q", on: table) == [t, t, t, t, f, m, t, m, m])
        #expect(try ExprFixtures.values("not p", on: table) == [f, f, f, t, t, t, m, m, m])
        #expect(try ExprFixtures.values("p and missing", on: table) == [m, m, m, f, f, f, m, m, m])
        #expect(try ExprFixtures.values("p or true", on: table) == [t, t, t, t, t, t, t, t, t])
        #expect(try ExprFixtures.values("p is missing", on: table) == [f, f, f, f, f, f, t, t, t])
        #expect(try ExprFixtures.values("(p = q) is not missing", on: table) == [t, t, f, t, t, f, f, f, f])
        let mask = try ExpressionEvaluator(table: table, tableName: "tx").filterMask(try ExprFixtures.parse("p or q"))
        #expect(mask.keep == [true, true, true, true, false, false, true, false, false])
        #expect(mask.keptCount == 5)
    }

    @Test func comparisonsPropagateMissingAndFilterDropsIt() throws {
        #expect(try ExprFixtures.values("amount > 0") == [.bool(true), .bool(false), m, .bool(false), .bool(true)])
        #expect(try ExprFixtures.values("quantity >= 2.5") == [.bool(false), .bool(false), m, .bool(true), .bool(true)])
        #expect(try ExprFixtures.values("quantity = amount") == [.bool(false), .bool(false), m, .bool(false), .bool(false)])
        let mask = try ExpressionEvaluator(table: ExprFixtures.tx, tableName: "tx")
            .filterMask(try ExprFixtures.parse("amount > 0 and country in (\"UK\", \"FR\")"))
        #expect(mask.keep == [true, false, false, false, false])
    }

    @Test func stringEqualityAcrossDictionaries() throws {
        // Same strings, different dictionary order and an unused entry.
        let a = Column(name: "a", data: .string(codes: [0, 1, 2, -1], dictionary: ["UK", "FR", "DE"]),
                       missing: MissingMask(flags: [false, false, false, true]))
        let b = Column(name: "b", data: .string(codes: [2, 0, 3, 0], dictionary: ["FR", "XX", "UK", "DE"]))
        let t = Table(uncheckedColumns: [a, b], rowCount: 4)
        #expect(try ExprFixtures.values("a = b", on: t) == [.bool(true), .bool(true), .bool(true), m])
        #expect(try ExprFixtures.values("a != b", on: t) == [.bool(false), .bool(false), .bool(false), m])
        #expect(try ExprFixtures.values("a < b", on: t) == [.bool(false), .bool(false), .bool(false), m])
        #expect(try ExprFixtures.values("a = \"FR\"", on: t) == [.bool(false), .bool(true), .bool(false), m])
        #expect(try ExprFixtures.values("\"FR\" < a", on: t) == [.bool(true), .bool(false), .bool(false), m])
        #expect(try ExprFixtures.values("a = \"nowhere\"", on: t) == [.bool(false), .bool(false), .bool(false), m])
        #expect(try ExprFixtures.values("a not in ('UK', 'DE')", on: t) == [.bool(false), .bool(true), .bool(false), m])
    }

    @Test func stringOrderIsByUnicodeScalars() throws {
        #expect(try ExprFixtures.values("\"Z\" < \"a\"")[0] == .bool(true))
        #expect(try ExprFixtures.values("\"é\" > \"z\"")[0] == .bool(true))
    }

    @Test func inListOnNumbersDatesAndBools() throws {
        #expect(try ExprFixtures.values("quantity in (1, 4)") == [.bool(true), .bool(false), m, .bool(true), .bool(false)])
        #expect(try ExprFixtures.values("quantity in (1.0, 4.5)") == [.bool(true), .bool(false), m, .bool(false), .bool(false)])
        #expect(try ExprFixtures.values("amount not in (0, 7)") == [.bool(true), .bool(true), m, .bool(false), .bool(false)])
        #expect(try ExprFixtures.values("invoice_date in (2024-02-29, 2000-01-01)")
            == [.bool(true), .bool(false), .bool(false), m, .bool(true)])
        #expect(try ExprFixtures.values("flag in (true)") == [.bool(true), .bool(false), m, .bool(true), .bool(false)])
        let many = "(" + (10...30).map(String.init).joined(separator: ", ") + ", 2)"
        #expect(try ExprFixtures.values("quantity in \(many)") == [.bool(false), .bool(true), m, .bool(false), .bool(false)])
    }

    @Test func betweenIsInclusive() throws {
        #expect(try ExprFixtures.values("quantity between 2 and 4") == [.bool(false), .bool(true), m, .bool(true), .bool(false)])
        #expect(try ExprFixtures.values("quantity not between 2 and 4") == [.bool(true), .bool(false), m, .bool(false), .bool(true)])
    }

    @Test func temporalComparisonAndArithmetic() throws {
        // A date literal against a timestamp column means midnight of that day.
        #expect(try ExprFixtures.values("ts >= 2024-02-29") == [.bool(false), .bool(false), m, .bool(true), .bool(false)])
        #expect(try ExprFixtures.values("ts < 2011-12-09T10:30:16") == [.bool(true), .bool(true), m, .bool(false), .bool(true)])
        #expect(try ExprFixtures.values("invoice_date + 1")
            == [ExprFixtures.day(2024, 3, 1), ExprFixtures.day(1969, 7, 21), ExprFixtures.day(2011, 12, 10), m, ExprFixtures.day(2000, 1, 2)])
        #expect(try ExprFixtures.values("7 + invoice_date")[0] == ExprFixtures.day(2024, 3, 7))
        #expect(try ExprFixtures.values("invoice_date - 2000-01-01") == [.int(8825), .int(-11122), .int(4360), m, .int(0)])
        #expect(try ExprFixtures.eval("invoice_date - 1").column.type == .date)
    }

    @Test func constantsBroadcast() throws {
        #expect(try ExprFixtures.values("1 + 2 * 3") == [Value](repeating: .int(7), count: 5))
        #expect(try ExprFixtures.values("\"a\" + \"b\"") == [Value](repeating: .string("ab"), count: 5))
        let r = try ExprFixtures.eval("missing")
        #expect(r.column.type == .float)
        #expect(r.column.missing.missingCount() == 5)
        let z = try ExprFixtures.eval("1 / 0")
        #expect(z.warnings == ["division by zero in 5 rows gave missing values (in `1 / 0`)"])
    }

    @Test func stringConcatenation() throws {
        #expect(try ExprFixtures.values("country + \"-x\"")
            == [.string("UK-x"), .string("FR-x"), .string("UK-x"), m, .string("DE-x")])
        #expect(try ExprFixtures.values("country + country")[1] == .string("FRFR"))
    }

    @Test func outputColumnsFollowEngineConventions() throws {
        let c = try ExprFixtures.eval("quantity + 1", name: "q1").column
        #expect(c.name == "q1")
        guard case .int(let v) = c.data else {
            Issue.record("expected ints")
            return
        }
        #expect(v[2] == 0)
        #expect(c.isMissing(2))
        let s = try ExprFixtures.eval("lower(country)").column
        guard case .string(let codes, let dict) = s.data else {
            Issue.record("expected strings")
            return
        }
        #expect(codes[3] == -1)
        #expect(Set(dict) == ["uk", "fr", "de"])
        #expect(try ExprFixtures.eval("amount").column.name == "out")
        #expect(try ExpressionEvaluator(table: ExprFixtures.tx, tableName: "tx").evaluate(try ExprFixtures.parse("amount*2")).column.name
            == "amount * 2")
    }

    @Test func floatColumnsWithUnflaggedNaNCountAsMissing() throws {
        let t = Table(uncheckedColumns: [Column(name: "x", data: .float([1, .nan, 3]))], rowCount: 3)
        #expect(try ExprFixtures.values("x > 0", on: t) == [.bool(true), m, .bool(true)])
        #expect(try ExprFixtures.values("x is missing", on: t) == [.bool(false), .bool(true), .bool(false)])
    }

    @Test func sequentialDerive() throws {
        let tokens = try Lexer.tokenize("derive tx total = quantity * amount, big = total > 10, yr = year(invoice_date)")
        var parser = ExpressionParser(tokens: tokens, position: 2)
        let assignments = try parser.parseAssignments()
        let (out, warnings) = try ExpressionEvaluator.derive(assignments, on: ExprFixtures.tx, tableName: "tx")
        #expect(warnings.isEmpty)
        #expect(out.columnNames.suffix(3) == ["total", "big", "yr"])
        #expect(out.column("big").map { c in (0..<5).map { c.value(at: $0) } } == [.bool(true), .bool(false), m, .bool(false), .bool(true)])
        let types = try ExpressionChecker(schema: ExprSchema(table: ExprFixtures.tx, name: "tx")).checkAssignments(assignments)
        #expect(types == [.float, .bool, .int])
    }

    @Test func deriveChecksEverythingBeforeComputing() throws {
        let tokens = try Lexer.tokenize("derive tx a = quantity + 1, b = nope")
        var parser = ExpressionParser(tokens: tokens, position: 2)
        let assignments = try parser.parseAssignments()
        #expect(throws: SyntaxError.self) { try ExpressionEvaluator.derive(assignments, on: ExprFixtures.tx, tableName: "tx") }
    }

    @Test func aggregateResultTypes() throws {
        let tokens = try Lexer.tokenize("n = count(), s = sum(quantity), f = sum(amount), a = mean(quantity), mx = max(invoice_date), d = distinct(country), p = mean(flag)")
        var parser = ExpressionParser(tokens: tokens, position: 0)
        let calls = try parser.parseAggregations()
        let types = try ExpressionChecker(schema: ExprSchema(table: ExprFixtures.tx, name: "tx")).checkAggregations(calls)
        #expect(types == [.int, .int, .float, .float, .date, .int, .float])
    }

    @Test func cancellationStopsEvaluation() throws {
        var evaluator = ExpressionEvaluator(table: ExprFixtures.tx, tableName: "tx")
        evaluator.context = RunContext(cancellation: Cancellation { true })
        #expect(throws: CancelledError.self) { try evaluator.evaluate(try ExprFixtures.parse("quantity + 1")) }
    }
}

@Suite struct ExprEdgeCaseTests {
    @Test func emptyTable() throws {
        let t = Table(uncheckedColumns: [
            Column(name: "x", data: .float([])), Column(name: "s", data: .string(codes: [], dictionary: [])),
        ], rowCount: 0)
        for text in ["x > 0 and s = \"a\"", "1 + 1", "coalesce(x, 1)", "if(x > 0, s, \"b\")", "lower(s) + \"!\"", "x / 0"] {
            let r = try ExprFixtures.eval(text, on: t)
            #expect(r.column.count == 0, "\(text)")
            #expect(r.warnings.isEmpty, "\(text)")
        }
        let mask = try ExpressionEvaluator(table: t, tableName: "tx").filterMask(try ExprFixtures.parse("x > 0"))
        #expect(mask.keep.isEmpty)
    }

    @Test func notInWithMissingRowsIsMissing() throws {
        let m = Value.missing
        #expect(try ExprFixtures.values("country not in (\"UK\")") == [.bool(false), .bool(true), .bool(false), m, .bool(true)])
    }

    @Test func columnThatDisagreesWithRowCountIsAnErrorNotATrap() {
        let t = Table(uncheckedColumns: [Column(name: "x", data: .int([1, 2]))], rowCount: 3)
        #expect(throws: EngineError.self) { try ExprFixtures.eval("x + 1", on: t) }
    }

    @Test func hugeDatesAreMissingNotATrap() throws {
        let t = Table(uncheckedColumns: [Column(name: "d", data: .date([Int64.max, 0]))], rowCount: 2)
        let r = try ExprFixtures.eval("year(d)", on: t)
        #expect(r.column.value(at: 0) == .missing)
        #expect(r.column.value(at: 1) == .int(1970))
        #expect(r.warnings.count == 1)
        #expect(try ExprFixtures.values("d + 1", on: t) == [.missing, ExprFixtures.day(1970, 1, 2)])
        #expect(try ExprFixtures.values("d > 2000-01-01T00:00", on: t) == [.bool(true), .bool(false)])
    }
}
