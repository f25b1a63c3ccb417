import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Shared fixtures for the expression tests.
enum ExprFixtures {
    static func day(_ y: Int, _ m: Int, _ d: Int) -> Value { .date(CivilCalendar.days(year: y, month: m, day: d)) }

    static func time(_ y: Int, _ m: Int, _ d: Int, _ hh: Int, _ mm: Int, _ ss: Int = 0) -> Value {
        .timestamp(CivilCalendar.days(year: y, month: m, day: d) * 86_400 + Int64(hh * 3600 + mm * 60 + ss))
    }

    /// Five rows with a missing value in most columns.
    static var tx: Table {
        let columns = [
            Column.fromValues(name: "amount", type: .float, values: [.float(10.5), .float(-3), .missing, .float(0), .float(7)]),
            Column.fromValues(name: "quantity", type: .int, values: [.int(1), .int(2), .missing, .int(4), .int(5)]),
            Column.fromValues(name: "country", type: .string,
                              values: [.string("UK"), .string("FR"), .string("UK"), .missing, .string("DE")]),
            Column.fromValues(name: "invoice_date", type: .date,
                              values: [day(2024, 2, 29), day(1969, 7, 20), day(2011, 12, 9), .missing, day(2000, 1, 1)]),
            Column.fromValues(name: "ts", type: .timestamp,
                              values: [time(2011, 12, 9, 10, 30, 15), time(1969, 12, 31, 23, 59, 59), .missing,
                                       time(2024, 2, 29, 0, 0), time(2000, 1, 1, 12, 0)]),
            Column.fromValues(name: "flag", type: .bool, values: [.bool(true), .bool(false), .missing, .bool(true), .bool(false)]),
            Column.fromValues(name: "Call  Failure", type: .int, values: [.int(0), .int(1), .int(0), .int(2), .missing]),
        ]
        return Table(uncheckedColumns: columns, rowCount: 5)
    }

    static func parse(_ text: String) throws -> Expr { try ExpressionParser.parse(text) }

    static func eval(_ text: String, on table: Table = tx, name: String = "out") throws -> EvaluationResult {
        try ExpressionEvaluator(table: table, tableName: "tx").evaluate(try parse(text), name: name)
    }

    static func values(_ text: String, on table: Table = tx) throws -> [Value] {
        let c = try eval(text, on: table).column
        return (0..<c.count).map { c.value(at: $0) }
    }

    /// The error thrown while parsing and checking `line` from just after `after`, e.g. after `where`.
    static func error(in line: String, after: String? = nil, table: Table = tx) -> SyntaxError? {
        do {
            let tokens = try Lexer.tokenize(line)
            var start = 0
            if let after, let i = tokens.firstIndex(where: { $0.isWord(after) || $0.isSymbol(after) }) { start = i + 1 }
            var parser = ExpressionParser(tokens: tokens, position: start)
            let e = try parser.parseExpression(stopAtComma: false)
            _ = try ExpressionEvaluator(table: table, tableName: "tx").evaluate(e)
            return nil
        } catch let e as SyntaxError {
            return e
        } catch {
            return nil
        }
    }

    /// The span of the `occurrence`-th match of `text` in `line`, in characters.
    static func span(of text: String, in line: String, occurrence: Int = 1) -> SourceSpan {
        let chars = Array(line)
        let needle = Array(text)
        var seen = 0
        var i = 0
        while i + needle.count <= chars.count {
            if Array(chars[i..<(i + needle.count)]) == needle {
                seen += 1
                if seen == occurrence { return SourceSpan(start: i, end: i + needle.count) }
            }
            i += 1
        }
        return SourceSpan(start: -1, end: -1)
    }
}
