import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

@Suite struct RenderKeyValueTests {
    @Test func numericValuesAlignRight() {
        let text = KeyValueRenderer.render(
            pairs: [("trees", "200"), ("accuracy", "0.8123"), ("AUC", "0.91"), ("log loss", "-1.2e-05")],
            title: "churn", style: .batch)
        let expected = """
            churn
            ┌──────────┬──────────┐
            │ trees    │      200 │
            │ accuracy │   0.8123 │
            │ AUC      │     0.91 │
            │ log loss │ -1.2e-05 │
            └──────────┴──────────┘
            """
        #expect(text == expected)
    }

    @Test func textValuesAlignLeftAndGiveWayToTheWidth() {
        let style = RenderStyle(width: 30, ascii: true, color: false)
        let text = KeyValueRenderer.render(
            pairs: [("model", "random forest"), ("features", "tenure, orders, spend, support_calls"), ("seed", "1")],
            style: style)
        let expected = """
            +----------+-----------------+
            | model    | random forest   |
            | features | tenure, orde... |
            | seed     | 1               |
            +----------+-----------------+
            """
        #expect(text == expected)
        #expect(KeyValueRenderer.render(pairs: [("note", "two\nlines")], style: .batch).contains("│ two↵lines │"))
    }

    @Test func emptyPairs() {
        #expect(KeyValueRenderer.render(pairs: [], style: .batch) == "")
        #expect(KeyValueRenderer.render(pairs: [], title: "nothing", style: .batch) == "nothing")
    }

    @Test func numericDetection() {
        for text in ["0", "-1,234.5", "1.2e+08", "3e-07", "12%", "inf", "NA"] {
            #expect(KeyValueRenderer.looksNumeric(text), "\(text)")
        }
        for text in ["", "-", "2011-12-09", "k=4", "1 2", "e", "abc"] {
            #expect(!KeyValueRenderer.looksNumeric(text), "\(text)")
        }
    }

    @Test func colourBoldsNothingButTheTitle() {
        let text = KeyValueRenderer.render(pairs: [("k", "v")], title: "t", style: RenderStyle(width: 80, ascii: false, color: true))
        #expect(text.hasPrefix("\u{1B}[1mt\u{1B}[22m\n"))
        #expect(RenderFixtures.stripANSI(text) == KeyValueRenderer.render(pairs: [("k", "v")], title: "t", style: .batch))
    }

    @Test func messagesWrapAtSpaces() {
        let style = RenderStyle(width: 30, ascii: false, color: false)
        let text = MessageRenderer.render(
            "loaded 1,000 rows from a very long file name that goes on and on\n  indented continuation line that wraps around\n\nshort",
            style: style)
        let expected = """
            loaded 1,000 rows from a very
            long file name that goes on
            and on
              indented continuation line
              that wraps around

            short
            """
        #expect(text == expected)
    }

    @Test func messagesBreakOverlongWordsAndStayInTheWidth() {
        let style = RenderStyle(width: 10, ascii: false, color: false)
        let text = MessageRenderer.render("see datasets/transactions_2011.csv now 東京タワーの夜景 \u{1B}x", style: style)
        let lines = RenderFixtures.lines(text)
        #expect(lines == ["see", "datasets/t", "ransaction", "s_2011.csv", "now", "東京タワー", "の夜景 ␛x"])
        #expect(lines.allSatisfy { DisplayWidth.of($0) <= 10 })
    }
}
