import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct ExprFunctionTests {
    let m = Value.missing

    @Test func datePartsIncludingLeapDayAndPre1970() throws {
        #expect(try ExprFixtures.values("year(invoice_date)") == [.int(2024), .int(1969), .int(2011), m, .int(2000)])
        #expect(try ExprFixtures.values("month(invoice_date)") == [.int(2), .int(7), .int(12), m, .int(1)])
        #expect(try ExprFixtures.values("day(invoice_date)") == [.int(29), .int(20), .int(9), m, .int(1)])
        // 2024-02-29 was a Thursday, 1969-07-20 a Sunday, 2011-12-09 a Friday, 2000-01-01 a Saturday.
        #expect(try ExprFixtures.values("weekday(invoice_date)") == [.int(4), .int(7), .int(5), m, .int(6)])
        #expect(try ExprFixtures.values("quarter(invoice_date)") == [.int(1), .int(3), .int(4), m, .int(1)])
    }

    @Test func timestampParts() throws {
        #expect(try ExprFixtures.values("hour(ts)") == [.int(10), .int(23), m, .int(0), .int(12)])
        #expect(try ExprFixtures.values("minute(ts)") == [.int(30), .int(59), m, .int(0), .int(0)])
        #expect(try ExprFixtures.values("second(ts)") == [.int(15), .int(59), m, .int(0), .int(0)])
        #expect(try ExprFixtures.values("year(ts)") == [.int(2011), .int(1969), m, .int(2024), .int(2000)])
        #expect(try ExprFixtures.values("weekday(ts)") == [.int(5), .int(3), m, .int(4), .int(6)])
        #expect(try ExprFixtures.values("date(ts)")
            == [ExprFixtures.day(2011, 12, 9), ExprFixtures.day(1969, 12, 31), m, ExprFixtures.day(2024, 2, 29), ExprFixtures.day(2000, 1, 1)])
    }

    @Test func daysBetween() throws {
        #expect(try ExprFixtures.values("days_between(invoice_date, 2024-03-01)") == [.int(1), .int(19948), .int(4466), m, .int(8826)])
        #expect(try ExprFixtures.values("days_between(2000-01-01, invoice_date)") == [.int(8825), .int(-11122), .int(4360), m, .int(0)])
        // Timestamps count by calendar date: 23:59:59 on Dec 31 to midnight Jan 1 is one day.
        #expect(try ExprFixtures.values("days_between(ts, 1970-01-01)")[1] == .int(1))
        #expect(try ExprFixtures.values("days_between(ts, invoice_date)") == [.int(4465), .int(-164), m, m, .int(0)])
    }

    @Test func ifAndCoalesce() throws {
        #expect(try ExprFixtures.values("if(amount > 5, \"big\", \"small\")")
            == [.string("big"), .string("small"), m, .string("small"), .string("big")])
        #expect(try ExprFixtures.values("if(flag, quantity, amount)") == [.float(1), .float(-3), m, .float(4), .float(7)])
        #expect(try ExprFixtures.values("if(flag, 1, missing)") == [.int(1), m, m, .int(1), m])
        #expect(try ExprFixtures.values("coalesce(amount, quantity, -1)") == [.float(10.5), .float(-3), .float(-1), .float(0), .float(7)])
        #expect(try ExprFixtures.values("coalesce(country, \"??\")")
            == [.string("UK"), .string("FR"), .string("UK"), .string("??"), .string("DE")])
        #expect(try ExprFixtures.values("coalesce(invoice_date, 1999-01-01)")[3] == ExprFixtures.day(1999, 1, 1))
        #expect(try ExprFixtures.values("coalesce(flag, false)") == [.bool(true), .bool(false), .bool(false), .bool(true), .bool(false)])
        #expect(try ExprFixtures.eval("coalesce(quantity, 0)").column.type == .int)
    }

    @Test func rowWiseMinMax() throws {
        #expect(try ExprFixtures.values("max(quantity, 3)") == [.int(3), .int(3), m, .int(4), .int(5)])
        #expect(try ExprFixtures.values("min(amount, quantity, 2)") == [.float(1), .float(-3), m, .float(0), .float(2)])
        #expect(try ExprFixtures.values("max(country, \"E\")") == [.string("UK"), .string("FR"), .string("UK"), m, .string("E")])
        #expect(try ExprFixtures.values("min(invoice_date, 2010-01-01)")[0] == ExprFixtures.day(2010, 1, 1))
    }

    @Test func mathFunctionsAndWarnings() throws {
        let r = try ExprFixtures.eval("log(amount)")
        guard case .float(let v) = r.column.data else {
            Issue.record("expected floats")
            return
        }
        #expect(abs(v[0] - 2.3513752571634776) < 1e-12)
        #expect(r.column.isMissing(1) && r.column.isMissing(2) && r.column.isMissing(3))
        #expect(r.warnings == ["log of zero or a negative number in 2 rows gave missing values (in `log(amount)`)"])
        let s = try ExprFixtures.eval("sqrt(amount)")
        #expect(s.warnings == ["square root of a negative number in 1 row gave missing values (in `sqrt(amount)`)"])
        #expect(s.column.value(at: 3) == .float(0))
        #expect(try ExprFixtures.values("log10(100)")[0] == .float(2))
        #expect(try ExprFixtures.values("exp(0)")[0] == .float(1))
        #expect(try ExprFixtures.values("log1p(0)")[0] == .float(0))
        let big = try ExprFixtures.eval("exp(1000)")
        #expect(big.column.missing.missingCount() == 5)
        #expect(big.warnings.count == 1)
        #expect(try ExprFixtures.values("abs(amount)") == [.float(10.5), .float(3), m, .float(0), .float(7)])
        #expect(try ExprFixtures.values("floor(amount / 4)") == [.float(2), .float(-1), m, .float(0), .float(1)])
        #expect(try ExprFixtures.values("ceil(amount / 4)") == [.float(3), .float(-0.0), m, .float(0), .float(2)])
    }

    @Test func roundingIsHalfAwayFromZero() throws {
        let t = Table(uncheckedColumns: [
            Column.fromValues(name: "x", type: .float, values: [.float(2.5), .float(-2.5), .float(0.125), .float(1234.5678), .missing]),
            Column.fromValues(name: "n", type: .int, values: [.int(1250), .int(-1250), .int(1249), .int(Int64.max), .missing]),
        ], rowCount: 5)
        #expect(try ExprFixtures.values("round(x)", on: t) == [.float(3), .float(-3), .float(0), .float(1235), m])
        #expect(try ExprFixtures.values("round(x, 2)", on: t) == [.float(2.5), .float(-2.5), .float(0.13), .float(1234.57), m])
        #expect(try ExprFixtures.values("round(x, -2)", on: t) == [.float(0), .float(-0.0), .float(0), .float(1200), m])
        #expect(try ExprFixtures.values("round(n, -2)", on: t)
            == [.int(1300), .int(-1300), .int(1200), .int(9_223_372_036_854_775_800), m])
        #expect(try ExprFixtures.values("round(n, -1)", on: t) == [.int(1250), .int(-1250), .int(1250), m, m])
        #expect(try ExprFixtures.values("round(n)", on: t) == [.int(1250), .int(-1250), .int(1249), .int(Int64.max), m])
        #expect(try ExprFixtures.eval("round(n, -1)", on: t).warnings.count == 1)
    }

    @Test func textFunctions() throws {
        #expect(try ExprFixtures.values("lower(country)") == [.string("uk"), .string("fr"), .string("uk"), m, .string("de")])
        #expect(try ExprFixtures.values("upper(\"ab\") + lower(\"CD\")")[0] == .string("ABcd"))
        #expect(try ExprFixtures.values("length(country)") == [.int(2), .int(2), .int(2), m, .int(2)])
        #expect(try ExprFixtures.values("contains(country, \"K\")") == [.bool(true), .bool(false), .bool(true), m, .bool(false)])
        #expect(try ExprFixtures.values("starts_with(country, \"F\")") == [.bool(false), .bool(true), .bool(false), m, .bool(false)])
        #expect(try ExprFixtures.values("ends_with(country, \"E\")") == [.bool(false), .bool(false), .bool(false), m, .bool(true)])
        #expect(try ExprFixtures.values("contains(\"UKFR\", country)") == [.bool(true), .bool(true), .bool(true), m, .bool(false)])
        #expect(try ExprFixtures.values("contains(country, country)") == [.bool(true), .bool(true), .bool(true), m, .bool(true)])
        #expect(try ExprFixtures.values("trim(\"  a b \")")[0] == .string("a b"))
        #expect(try ExprFixtures.values("length(\"naïve\")")[0] == .int(5))
        // Case changes can merge dictionary entries.
        let t = Table(uncheckedColumns: [
            Column.fromValues(name: "s", type: .string, values: [.string("UK"), .string("uk"), .string("Uk")]),
        ], rowCount: 3)
        let lowered = try ExprFixtures.eval("lower(s)", on: t).column
        guard case .string(let codes, let dict) = lowered.data else {
            Issue.record("expected strings")
            return
        }
        #expect(dict == ["uk"])
        #expect(codes == [0, 0, 0])
    }

    @Test func conversions() throws {
        #expect(try ExprFixtures.values("int(amount)") == [.int(10), .int(-3), m, .int(0), .int(7)])
        #expect(try ExprFixtures.values("int(flag)") == [.int(1), .int(0), m, .int(1), .int(0)])
        #expect(try ExprFixtures.values("float(quantity)") == [.float(1), .float(2), m, .float(4), .float(5)])
        #expect(try ExprFixtures.values("string(quantity)") == [.string("1"), .string("2"), m, .string("4"), .string("5")])
        #expect(try ExprFixtures.values("string(invoice_date)")[1] == .string("1969-07-20"))
        #expect(try ExprFixtures.values("string(ts)")[0] == .string("2011-12-09 10:30:15"))
        #expect(try ExprFixtures.values("string(amount)")[0] == .string("10.5"))
        #expect(try ExprFixtures.values("string(flag)")[0] == .string("true"))
        let t = Table(uncheckedColumns: [
            Column.fromValues(name: "s", type: .string, values: [.string(" 42 "), .string("x"), .string("2011-12-09"), .missing]),
        ], rowCount: 4)
        let r = try ExprFixtures.eval("int(s)", on: t)
        #expect((0..<4).map { r.column.value(at: $0) } == [.int(42), m, m, m])
        #expect(r.warnings == ["text that is not a whole number in 2 rows gave missing values (in `int(s)`)"])
        #expect(try ExprFixtures.values("float(s)", on: t) == [.float(42), m, m, m])
        #expect(try ExprFixtures.values("date(s)", on: t) == [m, m, ExprFixtures.day(2011, 12, 9), m])
        let huge = try ExprFixtures.eval("int(1e300)")
        #expect(huge.column.missing.missingCount() == 5)
        #expect(huge.warnings == ["a value too large for an integer in 5 rows gave missing values (in `int(1e+300)`)"])
    }

    @Test func quotedColumnNames() throws {
        #expect(try ExprFixtures.values("col(\"Call  Failure\") + 1") == [.int(1), .int(2), .int(1), .int(3), m])
    }

    @Test func everyFunctionHasADocumentedSignature() {
        for f in ScalarFunction.allCases {
            let sig = f.signature
            #expect(sig.usage.hasPrefix(f.name + "("), "\(f.name)")
            #expect(!sig.summary.isEmpty)
            #expect(sig.minArity >= 1)
        }
        #expect(FunctionRegistry.scalarNames.contains("days_between"))
    }
}
