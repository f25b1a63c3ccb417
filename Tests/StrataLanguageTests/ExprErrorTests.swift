import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Every error names the problem and points at the token that caused it.
@Suite struct ExprErrorTests {
    func check(_ line: String, after: String? = "where", at target: String, occurrence: Int = 1,
               message: String, suggestion: String? = nil, sourceLocation: SourceLocation = #_sourceLocation) {
        guard let e = ExprFixtures.error(in: line, after: after) else {
            Issue.record("no error for \(line)", sourceLocation: sourceLocation)
            return
        }
        #expect(e.message == message, sourceLocation: sourceLocation)
        #expect(e.span == ExprFixtures.span(of: target, in: line, occurrence: occurrence),
                "span \(e.span) in \(e.rendered(line: line))", sourceLocation: sourceLocation)
        if let suggestion { #expect(e.suggestion == suggestion, sourceLocation: sourceLocation) }
    }

    @Test func unknownColumnWithSuggestion() {
        check("filter tx where amout > 0", at: "amout", message: "unknown column 'amout' in table tx",
              suggestion: "did you mean 'amount'?")
        check("filter tx where Country = \"UK\"", at: "Country", message: "unknown column 'Country' in table tx",
              suggestion: "did you mean 'country'?")
    }

    @Test func unknownColumnWithoutCloseMatchListsColumns() {
        let e = ExprFixtures.error(in: "zzzzzz > 1")
        #expect(e?.suggestion?.hasPrefix("tx has columns: amount, quantity") == true)
    }

    @Test func columnOfAnotherTable() {
        check("filter tx where customers.age > 30", at: "customers.age",
              message: "'customers.age' is a column of a different table; this command works on tx")
        let e = ExprFixtures.error(in: "customers.age > 30")
        #expect(e?.suggestion?.contains("join") == true)
        #expect(ExprFixtures.error(in: "tx.amount > 0") == nil)
    }

    @Test func unknownFunctionWithSuggestion() {
        check("derive tx y = sqr(amount)", after: "=", at: "sqr", message: "unknown function 'sqr'",
              suggestion: "did you mean 'sqrt'?")
        check("derive tx y = weekdy(invoice_date)", after: "=", at: "weekdy", message: "unknown function 'weekdy'",
              suggestion: "did you mean 'weekday'?")
    }

    @Test func typeMismatchAtOperator() {
        check("filter tx where amount > \"x\"", at: ">", message: "can't compare float with string")
        check("derive tx y = \"a\" + 1", after: "=", at: "+", message: "'+' can't combine string and int")
        check("filter tx where invoice_date > \"2011-01-01\"", at: ">", message: "can't compare date with string",
              suggestion: "write dates without quotes: 2011-01-01")
        check("filter tx where amount > 0 and quantity", at: "and",
              message: "'and' needs true/false values on both sides, got int on the right")
        check("filter tx where flag < true", at: "<", message: "true/false values can only be compared with = or !=")
        check("derive tx y = -country", after: "=", at: "-", message: "'-' needs a number, got string")
        check("filter tx where not amount", at: "not", message: "'not' needs a true/false value, got float")
    }

    @Test func typeMismatchAtArgument() {
        check("derive tx y = year(amount)", after: "=", at: "amount", message: "year needs a date or timestamp, got float")
        check("derive tx y = contains(country, 5)", after: "=", at: "5",
              message: "contains needs text as argument 2, got int")
        check("derive tx y = if(flag, 1, \"x\")", after: "=", at: "\"x\"",
              message: "both branches of if must have one type, got int and string")
        check("derive tx y = round(amount, 1, 2)", after: "=", at: "round", message: "round takes 1 or 2 arguments, got 3")
    }

    @Test func comparingWithMissing() {
        check("filter tx where amount = missing", at: "=", message: "comparing with missing always gives missing",
              suggestion: "write `amount is missing`")
    }

    @Test func inListMismatch() {
        check("filter tx where country in (\"UK\", 3)", at: "3", message: "can't look for int 3 among string values")
        check("filter tx where quantity in (1, missing)", at: "missing", message: "'missing' can't be matched with 'in (…)'")
        check("filter tx where quantity in (amount)", at: "amount",
              message: "'in (…)' takes literal values like 1, \"UK\" or 2011-12-09")
    }

    @Test func aggregateOutsideAgg() {
        check("derive tx y = sum(amount)", after: "=", at: "sum",
              message: "'sum' is an aggregate function; it is only valid in `group … agg`")
        check("filter tx where max(amount) > 1", at: "max",
              message: "max(x) with one argument is an aggregate; it is only valid in `group … agg`")
        check("derive tx y = count()", after: "=", at: "count",
              message: "'count' is an aggregate function; it is only valid in `group … agg`")
    }

    @Test func unclosedParenthesis() {
        check("filter tx where (amount > 0 and quantity < 3", at: "(", message: "unclosed '(': this parenthesis is never closed",
              suggestion: "add a closing )")
        check("derive tx y = round(amount, 2", after: "=", at: "(",
              message: "unclosed '(': the call to round is never closed")
        check("filter tx where amount > 0)", at: ")", message: "unmatched ')'")
        check("derive tx y = log(", after: "=", at: "(", message: "unclosed '(': this parenthesis is never closed")
    }

    @Test func trailingOperator() {
        check("filter tx where amount >", at: ">", message: "expected a value after '>'")
        check("derive tx y = quantity *", after: "=", at: "*", message: "expected a value after '*'")
        check("filter tx where amount > 0 and", at: "and", message: "expected a value after 'and'")
    }

    @Test func leftoverTokens() {
        check("filter tx where amount > 0 adn quantity > 1", at: "adn", message: "unexpected 'adn' after the expression",
              suggestion: "did you mean 'and'?")
        check("filter tx where a < b < c", at: "<", occurrence: 2, message: "comparisons can't be chained")
        check("filter tx where x is null", at: "null", message: "expected 'missing' after 'is'",
              suggestion: "missing values are written `is missing`")
    }

    @Test func badLiterals() {
        check("filter tx where invoice_date > 2011-02-30", at: "2011-02-30", message: "'2011-02-30' is not a valid date")
        check("filter tx where quantity > 99999999999999999999", at: "99999999999999999999",
              message: "the number 99999999999999999999 is too large for an integer")
    }

    @Test func filterNeedsCondition() throws {
        let line = "filter tx where amount * 2"
        let tokens = try Lexer.tokenize(line)
        var parser = ExpressionParser(tokens: tokens, position: 3)
        let e = try parser.parseExpression(stopAtComma: false)
        do {
            _ = try ExpressionEvaluator(table: ExprFixtures.tx, tableName: "tx").filterMask(e)
            Issue.record("expected an error")
        } catch let error as SyntaxError {
            #expect(error.message == "filter needs a true/false condition, got float")
            #expect(error.span == ExprFixtures.span(of: "amount * 2", in: line))
        }
    }

    @Test func aggregationErrors() throws {
        func aggError(_ line: String) -> SyntaxError? {
            do {
                let tokens = try Lexer.tokenize(line)
                let agg = (tokens.firstIndex { $0.isWord("agg") } ?? 0) + 1
                var parser = ExpressionParser(tokens: tokens, position: agg)
                let calls = try parser.parseAggregations()
                _ = try ExpressionChecker(schema: ExprSchema(table: ExprFixtures.tx, name: "tx")).checkAggregations(calls)
                return nil
            } catch let e as SyntaxError {
                return e
            } catch {
                return nil
            }
        }
        let l1 = "group tx by country agg total = summ(amount)"
        #expect(aggError(l1)?.message == "unknown aggregate function 'summ'")
        #expect(aggError(l1)?.suggestion == "did you mean 'sum'?")
        #expect(aggError(l1)?.span == ExprFixtures.span(of: "summ", in: l1))
        let l2 = "group tx by country agg s = sum(country)"
        #expect(aggError(l2)?.message == "sum needs a number or true/false, got string")
        #expect(aggError(l2)?.span == ExprFixtures.span(of: "country", in: l2, occurrence: 2))
        let l3 = "group tx by country agg r = sum(amount) / count()"
        #expect(aggError(l3)?.message == "an aggregation is a single call like sum(amount), not an expression of calls")
        let l4 = "group tx by country agg sum(amount), sum(amount)"
        #expect(aggError(l4)?.message == "two aggregations are both named 'sum_amount'")
        let l5 = "group tx by country agg m = sum(sum(amount))"
        #expect(aggError(l5)?.message == "'sum' is an aggregate function; it is only valid in `group … agg`")
        #expect(aggError(l5)?.span == ExprFixtures.span(of: "sum", in: l5, occurrence: 2))
        let l6 = "group tx by country agg n = count() total = sum(amount)"
        #expect(aggError(l6)?.message == "expected ',' between aggregations, found total")
        #expect(aggError("group tx by country agg x = lower(country)")?.message == "'lower' is a row-wise function, not an aggregate")
    }

    @Test func renderedErrorHasCaret() {
        let line = "filter tx where amout > 0"
        let rendered = ExprFixtures.error(in: line, after: "where")?.rendered(line: line)
        #expect(rendered == """
        error: unknown column 'amout' in table tx
          filter tx where amout > 0
                          ^^^^^
        did you mean 'amount'?
        """)
    }
}
