import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The `chart` commands end to end on a small hand-made workspace.
@Suite struct ChartCommandTests {
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("c", table: try Table(columns: [
            Column(name: "segment", data: .string(codes: [0, 0, 1, 1, 2, 0], dictionary: ["gold", "silver", "bronze"])),
            Column(name: "spend", data: .float([10, 20, 5, .nan, 2, 40])),
            Column(name: "orders", data: .int([1, 2, 1, 3, 1, 4])),
            Column(name: "cluster", data: .int([0, 0, 1, 1, 2, 0])),
        ]))
        ws.bind("empty", table: try Table(columns: [Column(name: "x", data: .float([]))]))
        ws.bind("parts.train", table: try Table(columns: [Column(name: "x", data: .float([1, 2, 3]))]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    func render(_ i: Interpreter, _ line: String) -> String? {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o, style: .batch) }
        Issue.record("failed: \(line): \(i.execute(line))")
        return nil
    }

    func failure(_ i: Interpreter, _ line: String) -> String {
        if case .failure(let m) = i.execute(line) { return m }
        Issue.record("expected a failure: \(line)")
        return ""
    }

    @Test func barCountsCategories() throws {
        let i = try Self.interpreter()
        #expect(render(i, "chart bar c x=segment width=40") == """
        rows by segment
        segment rows
        gold    █████████████████████████████ 3
        silver  ███████████████████▍ 2
        bronze  █████████▋ 1
        """)
    }

    @Test func histogramSkipsMissingAndSaysSo() throws {
        let i = try Self.interpreter()
        let text = try #require(render(i, "chart hist c.spend bins=3 height=4 width=40"))
        #expect(text.contains("1 missing values skipped"))
        #expect(text.contains("5 values in 3 bins (fixed count)"))
        // A table whose name holds a dot.
        #expect(render(i, "chart spark parts.train.x") == "parts.train.x\n▁▅█  min 1  max 3")
    }

    @Test func everyKindRuns() throws {
        let i = try Self.interpreter()
        for line in ["chart hist c.orders bins=fd", "chart hist c.spend bins=sturges scale=log counts=log",
                     "chart bar c x=segment y=spend orient=vertical sort=label", "chart line c x=orders y=spend,cluster points=yes",
                     "chart scatter c x=orders y=spend color=segment", "chart box c y=spend by=segment",
                     "chart heatmap c rows=segment cols=cluster", "chart heatmap c rows=segment cols=cluster value=spend agg=sum",
                     "chart heatmap c scale=row values=no", "chart spark c.spend width=30"] {
            let text = try #require(render(i, line))
            for row in text.split(separator: "\n") { #expect(DisplayWidth.of(String(row)) <= 100, "\(line): \(row)") }
        }
    }

    @Test func sameCommandSameBytes() throws {
        let a = try Self.interpreter(), b = try Self.interpreter()
        let line = "chart scatter c x=orders y=spend color=segment"
        #expect(render(a, line) == render(b, line))
    }

    @Test func badInputGetsClearMessages() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "chart hist c.segment").contains("column 'segment' holds text; chart hist needs numbers"))
        #expect(failure(i, "chart hist c.nope").contains("no column 'nope' in table c"))
        #expect(failure(i, "chart hist c").contains("name a column of c: c.COLUMN"))
        #expect(failure(i, "chart hist nothing.x").contains("no table named 'nothing'"))
        #expect(failure(i, "chart hist empty.x").contains("has no rows"))
        #expect(failure(i, "chart hist c.spend bins=0").contains("bins must be a number from 1"))
        #expect(failure(i, "chart hist c.spend bins=many").contains("sturges or fd"))
        #expect(failure(i, "chart bar c").contains("chart bar needs x=COLUMN"))
        #expect(failure(i, "chart bar c x=segment y=segment").contains("holds text"))
        #expect(failure(i, "chart line c x=orders").contains("needs x=COLUMN and y=COLUMN"))
        #expect(failure(i, "chart scatter c x=spend y=segment").contains("holds text"))
        #expect(failure(i, "chart heatmap c rows=segment").contains("give both rows= and cols="))
        #expect(failure(i, "chart heatmap c rows=segment cols=cluster agg=sum").contains("agg=sum needs value=COLUMN"))
        #expect(failure(i, "chart pie c").contains("'pie' is not a kind of chart; kinds: hist, bar"))
        #expect(render(i, "chart")?.contains("│ chart hist       │ Histogram of a numeric column.") == true)
        #expect(failure(i, "chart hist c.spend width=5").contains("between 20 and 1000"))
    }

    @Test func tooManyCategoriesAreCappedAndSaid() throws {
        var ws = Workspace()
        let labels = (0..<60).map { "g\($0)" }
        ws.bind("many", table: try Table(columns: [
            Column(name: "g", data: .string(codes: (0..<60).map(Int32.init), dictionary: labels)),
            Column(name: "v", data: .float((0..<60).map(Double.init))),
            Column(name: "w", data: .float((0..<60).map { Double($0 % 7) })),
        ]))
        let i = Interpreter(registry: StandardCommands.registry, workspace: ws)
        let bars = try #require(render(i, "chart bar many x=g y=v top=5"))
        #expect(bars.contains("55 more categories not shown (together 1760); raise top= up to 40"))
        let scatter = try #require(render(i, "chart scatter many x=v y=w color=g"))
        #expect(scatter.contains("60 values of g are too many to tell apart: the 7 largest are shown"))
        #expect(scatter.contains("● g=g0") && scatter.contains("◇ g=other"))
    }
}
