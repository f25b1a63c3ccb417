import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct LexerTests {
    func kinds(_ s: String) throws -> [TokenKind] { try Lexer.tokenize(s).map(\.kind) }

    @Test func wordsNumbersStringsAndSymbols() throws {
        #expect(try kinds(#"load "data/a b.csv" as tx"#) == [.word("load"), .string("data/a b.csv"), .word("as"), .word("tx"), .end])
        #expect(try kinds("k=2..10 x>=3.5") == [.word("k"), .symbol("="), .number("2"), .symbol(".."), .number("10"),
                                                 .word("x"), .symbol(">="), .number("3.5"), .end])
        #expect(try kinds("a=1e-3 # comment") == [.word("a"), .symbol("="), .number("1e-3"), .end])
        #expect(try kinds("asof=2011-12-09 t=2011-12-09T10:30") == [.word("asof"), .symbol("="), .date("2011-12-09"),
                                                                       .word("t"), .symbol("="), .date("2011-12-09T10:30"), .end])
        #expect(try kinds("$k rfm.monetary") == [.variable("k"), .word("rfm"), .symbol("."), .word("monetary"), .end])
    }

    @Test func escapesInStrings() throws {
        #expect(try kinds(#""say \"hi\"\n""#) == [.string("say \"hi\"\n"), .end])
    }

    @Test func unclosedStringPointsAtTheQuote() {
        #expect(throws: SyntaxError.self) { try Lexer.tokenize(#"load "abc"#) }
        do { _ = try Lexer.tokenize(#"load "abc"#) } catch let e as SyntaxError {
            #expect(e.span.start == 5)
        } catch { Issue.record("wrong error") }
    }

    @Test func spansAreCharacterOffsets() throws {
        let t = try Lexer.tokenize("filter é where x")
        #expect(t[1].span == SourceSpan(start: 7, end: 8))
        #expect(t[3].span == SourceSpan(start: 15, end: 16))
    }

    @Test func caretRendering() {
        let e = SyntaxError("unknown column 'amout'", at: SourceSpan(start: 16, end: 21), suggestion: "did you mean 'amount'?")
        #expect(e.rendered(line: "filter tx where amout > 0") == """
        error: unknown column 'amout'
          filter tx where amout > 0
                          ^^^^^
        did you mean 'amount'?
        """)
    }

    @Test func suggestions() {
        #expect(Suggestions.closest(to: "amout", among: ["amount", "country"]) == "amount")
        #expect(Suggestions.closest(to: "fliter", among: ["filter", "load"]) == "filter")
        #expect(Suggestions.closest(to: "zzz", among: ["filter", "load"]) == nil)
    }
}
