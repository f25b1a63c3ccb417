import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct ExprParserTests {
    @Test func multiplicationBindsTighterThanAddition() throws {
        let e = try ExprFixtures.parse("1 + 2 * 3")
        guard case .binary(.add, let l, let r, _) = e.node else {
            Issue.record("expected +, got \(e)")
            return
        }
        #expect(l.node == .literal(.int(1)))
        guard case .binary(.multiply, _, _, _) = r.node else {
            Issue.record("expected * on the right")
            return
        }
        #expect(e.description == "1 + 2 * 3")
        #expect(try ExprFixtures.parse("(1 + 2) * 3").description == "(1 + 2) * 3")
    }

    @Test func notBindsTighterThanAnd() throws {
        let e = try ExprFixtures.parse("not a and b")
        guard case .binary(.and, let l, _, _) = e.node, case .unary(.not, _, _) = l.node else {
            Issue.record("expected (not a) and b, got \(e)")
            return
        }
        #expect(e.description == "not a and b")
        #expect(try ExprFixtures.parse("not (a and b)").description == "not (a and b)")
        #expect(try ExprFixtures.parse("NOT x > 3 OR y").description == "not x > 3 or y")
    }

    @Test func andBindsTighterThanOr() throws {
        let e = try ExprFixtures.parse("a or b and c")
        guard case .binary(.or, _, let r, _) = e.node, case .binary(.and, _, _, _) = r.node else {
            Issue.record("expected a or (b and c)")
            return
        }
    }

    @Test func inListAndIsMissing() throws {
        let e = try ExprFixtures.parse("a in (1,2)")
        guard case .inList(let x, let items, let negated, _) = e.node else {
            Issue.record("expected in-list")
            return
        }
        #expect(!negated)
        #expect(x.description == "a")
        #expect(items.map(\.node) == [.literal(.int(1)), .literal(.int(2))])
        #expect(e.description == "a in (1, 2)")

        let m = try ExprFixtures.parse("x is not missing")
        guard case .isMissing(_, let neg, _) = m.node else {
            Issue.record("expected is missing")
            return
        }
        #expect(neg)
        #expect(try ExprFixtures.parse("country NOT IN ('UK', \"FR\")").description == "country not in (\"UK\", \"FR\")")
        #expect(try ExprFixtures.parse("x Is Missing").description == "x is missing")
    }

    @Test func comparisonOperatorsAndSpellings() throws {
        #expect(try ExprFixtures.parse("a = 1").description == "a == 1")
        #expect(try ExprFixtures.parse("a == 1").description == "a == 1")
        #expect(try ExprFixtures.parse("a <> 1").description == "a != 1")
        #expect(try ExprFixtures.parse("a != 1 and b <= 2 and c >= 3").description == "a != 1 and b <= 2 and c >= 3")
        #expect(try ExprFixtures.parse("x between 1 and 5 and y").description == "x between 1 and 5 and y")
        #expect(try ExprFixtures.parse("x not between -1 and 2 + 3").description == "x not between -1 and 2 + 3")
    }

    @Test func literals() throws {
        #expect(try ExprFixtures.parse("2011-12-09").node == .literal(ExprFixtures.day(2011, 12, 9)))
        #expect(try ExprFixtures.parse("2011-12-09T10:00").node == .literal(ExprFixtures.time(2011, 12, 9, 10, 0)))
        #expect(try ExprFixtures.parse("yes").node == .literal(.bool(true)))
        #expect(try ExprFixtures.parse("FALSE").node == .literal(.bool(false)))
        #expect(try ExprFixtures.parse("missing").node == .literal(.missing))
        #expect(try ExprFixtures.parse("'it\\'s'").node == .literal(.string("it's")))
        #expect(try ExprFixtures.parse("2.5e3").node == .literal(.float(2500)))
        #expect(try ExprFixtures.parse("-9223372036854775808").node == .literal(.int(Int64.min)))
        #expect(try ExprFixtures.parse("-x").description == "-x")
        #expect(try ExprFixtures.parse("a - -5").description == "a - -5")
        #expect(try ExprFixtures.parse("-(a * b)").description == "-(a * b)")
    }

    @Test func columnsQualifiedAndQuoted() throws {
        let e = try ExprFixtures.parse("tx.amount + col(\"Call  Failure\")")
        #expect(e.referencedColumns.map(\.name) == ["amount", "Call  Failure"])
        #expect(e.referencedColumns.map(\.table) == ["tx", nil])
        // Canonical text writes a name that is not a plain word in backquotes.
        #expect(e.description == "tx.amount + `Call  Failure`")
        #expect(try ExprFixtures.parse("col(\"yes\")").description == "`yes`")
    }

    @Test func referencedColumnsAreUniqueAndOrdered() throws {
        let e = try ExprFixtures.parse("if(b > 0, a / b, a) + c")
        #expect(e.referencedColumns.map(\.name) == ["b", "a", "c"])
    }

    @Test func descriptionRoundTrips() throws {
        let samples = [
            "a + b * c - d / e % f", "(a + b) * (c - d)", "a - (b - c)", "a - b - c", "not (a or b) and c",
            "x in (1, 2.5, -3)", "d >= 2011-12-09 and t < 2011-12-09T10:00:00", "round(x, 2) + log1p(y)",
            "if(a > 1, \"big\\\"q\", 'small')", "-(-x)", "(a < b) == c", "x is missing or y is not missing",
            "coalesce(a, b, 0) * -1", "year(d) between 2000 and 2010",
        ]
        for s in samples {
            let once = try ExprFixtures.parse(s).description
            let twice = try ExprFixtures.parse(once).description
            #expect(once == twice, "\(s) → \(once) → \(twice)")
        }
    }

    @Test func stopsBeforeAsBinding() throws {
        let tokens = try Lexer.tokenize("derive t a = x + 1, b = y as t2")
        var parser = ExpressionParser(tokens: tokens, position: 2)
        let assignments = try parser.parseAssignments()
        #expect(assignments.map(\.name) == ["a", "b"])
        #expect(assignments.map(\.expression.description) == ["x + 1", "y"])
        #expect(tokens[parser.position].isWord("as"))
        #expect(tokens[parser.position + 1].word == "t2")
    }

    @Test func stopsAtTopLevelCommaOnlyWhenAsked() throws {
        let tokens = try Lexer.tokenize("max(a, b) + 1, rest")
        var parser = ExpressionParser(tokens: tokens, position: 0)
        let e = try parser.parseExpression(stopAtComma: true)
        #expect(e.description == "max(a, b) + 1")
        #expect(tokens[parser.position].isSymbol(","))
    }

    @Test func stopsAtCallerStopWords() throws {
        let tokens = try Lexer.tokenize("amount > 0 by country")
        var parser = ExpressionParser(tokens: tokens, position: 0, stopWords: ["by"])
        let e = try parser.parseExpression(stopAtComma: false)
        #expect(e.description == "amount > 0")
        #expect(tokens[parser.position].isWord("by"))
    }

    @Test func asInsideTheLineIsNotABinding() throws {
        let tokens = try Lexer.tokenize("x + 1 as t2 extra")
        var parser = ExpressionParser(tokens: tokens, position: 0)
        #expect(throws: SyntaxError.self) { try parser.parseExpression(stopAtComma: false) }
    }

    @Test func aggregationsWithAndWithoutNames() throws {
        let tokens = try Lexer.tokenize("group tx by customer_id agg n=count(), total=sum(amount), mean(price * qty), count(*), AVG(x) as g")
        guard let agg = tokens.firstIndex(where: { $0.isWord("agg") }) else {
            Issue.record("no agg")
            return
        }
        var parser = ExpressionParser(tokens: tokens, position: agg + 1)
        let calls = try parser.parseAggregations()
        #expect(calls.map(\.outputName) == ["n", "total", "mean_price_qty", "count", "mean_x"])
        #expect(calls.map(\.function) == [.count, .sum, .mean, .count, .mean])
        #expect(calls[0].argument == nil)
        #expect(calls[1].argument?.description == "amount")
        #expect(calls[3].argument == nil)
        #expect(tokens[parser.position].isWord("as"))
        let line = "group tx by customer_id agg n=count(), total=sum(amount), mean(price * qty), count(*), AVG(x) as g"
        #expect(calls[1].span == ExprFixtures.span(of: "total=sum(amount)", in: line))
    }

    @Test func defaultAggregateNames() throws {
        #expect(AggregateCall.defaultName(function: .sum, argument: try ExprFixtures.parse("amount")) == "sum_amount")
        #expect(AggregateCall.defaultName(function: .count, argument: nil) == "count")
        #expect(AggregateCall.defaultName(function: .count, argument: try ExprFixtures.parse("x")) == "count_x")
        #expect(AggregateCall.defaultName(function: .max, argument: try ExprFixtures.parse("col(\"Call  Failure\")"))
            == "max_Call_Failure")
        #expect(AggregateCall.defaultName(function: .sum, argument: try ExprFixtures.parse("tx.amount")) == "sum_amount")
    }
}

@Suite struct ExprCommandShapeTests {
    @Test func filterStopsBeforeAsName() throws {
        let line = "filter tx where amount > 0 and country in (\"UK\", \"FR\") as sales"
        let tokens = try Lexer.tokenize(line)
        var parser = ExpressionParser(tokens: tokens, position: 3)
        let e = try parser.parseExpression(stopAtComma: false)
        #expect(e.description == "amount > 0 and country in (\"UK\", \"FR\")")
        #expect(tokens[parser.position].isWord("as"))
        #expect(e.span == ExprFixtures.span(of: "amount > 0 and country in (\"UK\", \"FR\")", in: line))
    }

    @Test func deriveExampleFromTheBrief() throws {
        let tokens = try Lexer.tokenize("derive tx amount2 = quantity * amount, yr = year(invoice_date)")
        var parser = ExpressionParser(tokens: tokens, position: 2)
        let assignments = try parser.parseAssignments()
        #expect(assignments.map(\.name) == ["amount2", "yr"])
        #expect(tokens[parser.position].isEnd)
    }

    @Test func aggregateArgumentsEvaluateToNamedColumns() throws {
        var parser = ExpressionParser(tokens: try Lexer.tokenize("n = count(), total = sum(quantity * 2)"), position: 0)
        let calls = try parser.parseAggregations()
        let evaluator = ExpressionEvaluator(table: ExprFixtures.tx, tableName: "tx")
        let (columns, warnings) = try evaluator.evaluateArguments(of: calls)
        #expect(warnings.isEmpty)
        #expect(columns[0] == nil)
        #expect(columns[1]?.name == "total")
        #expect(columns[1].map { c in (0..<5).map { c.value(at: $0) } } == [.int(2), .int(4), .missing, .int(8), .int(10)])
    }

    @Test func helpListsEveryFunction() {
        let text = ExpressionHelp.reference
        for f in ScalarFunction.allCases { #expect(text.contains(f.signature.usage)) }
        for a in AggregateFunction.allCases { #expect(text.contains(a.rawValue + "(")) }
    }
}
