import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The data commands end to end through the interpreter, on a small hand-made table.
@Suite struct TransformCommandTests {
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        ws.bind("tx", table: try Table(columns: [
            Column(name: "invoice", data: .int([1, 1, 2, 3, 3, 3])),
            Column(name: "customer", data: .string(codes: [0, 0, 1, 0, 0, -1], dictionary: ["ann", "bob"]),
                   missing: MissingMask(flags: [false, false, false, false, false, true])),
            Column(name: "quantity", data: .int([2, -1, 5, 1, 1, 4])),
            Column(name: "price", data: .float([1.5, 1.5, 2, 10, 0, 3])),
        ]))
        ws.bind("people", table: try Table(columns: [
            Column(name: "customer", data: .string(codes: [0, 1], dictionary: ["bob", "cat"])),
            Column(name: "age", data: .int([41, 29])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    func run(_ i: Interpreter, _ line: String) -> CommandOutput? {
        if case .success(let o) = i.execute(line) { return o }
        Issue.record("failed: \(line): \(i.execute(line))")
        return nil
    }

    func failure(_ i: Interpreter, _ line: String) -> String? {
        if case .failure(let m) = i.execute(line) { return m }
        return nil
    }

    @Test func deriveThenFilterThenGroup() throws {
        let i = try Self.interpreter()
        _ = run(i, "derive tx amount = quantity * price")
        _ = run(i, "filter tx where amount > 0 as sales")
        #expect(i.workspace.table("sales")?.rowCount == 4)
        #expect(i.workspace.table("tx")?.rowCount == 6)
        _ = run(i, "group sales by customer agg n = count(), spend = sum(amount), orders = distinct(invoice)")
        let g = try #require(i.workspace.table("sales_by_customer"))
        #expect(g.column("customer")?.value(at: 0) == .string("ann"))
        #expect(g.column("spend")?.value(at: 0) == .float(13))
        #expect(g.column("orders")?.value(at: 0) == .int(2))
        #expect(g.column("customer")?.value(at: 2) == .missing)
        #expect(g.column("spend")?.value(at: 2) == .float(12))
    }

    @Test func sortIsStableWithMissingLast() throws {
        let i = try Self.interpreter()
        _ = run(i, "sort tx by customer desc, price as sorted")
        let t = try #require(i.workspace.table("sorted"))
        #expect((0..<6).map { t.column("invoice")?.value(at: $0) } == [.int(2), .int(3), .int(1), .int(1), .int(3), .int(3)])
    }

    @Test func leftJoinKeepsEveryLeftRow() throws {
        let i = try Self.interpreter()
        _ = run(i, "join tx people on=customer how=left as full")
        let t = try #require(i.workspace.table("full"))
        #expect(t.rowCount == 6)
        #expect(t.column("age")?.value(at: 2) == .int(41))
        #expect(t.column("age")?.value(at: 0) == .missing)
        _ = run(i, "join tx people on=customer")
        #expect(i.workspace.table("tx_people")?.rowCount == 1)
    }

    @Test func seededSampleIsReproducible() throws {
        let a = try Self.interpreter(), b = try Self.interpreter()
        _ = run(a, "sample tx n=3 seed=9 as s")
        _ = run(b, "sample tx n=3 seed=9 as s")
        let ta = try #require(a.workspace.table("s")), tb = try #require(b.workspace.table("s"))
        #expect((0..<3).map { ta.column("price")?.value(at: $0) } == (0..<3).map { tb.column("price")?.value(at: $0) })
    }

    @Test func describeShowsStatistics() throws {
        let i = try Self.interpreter()
        let out = try #require(run(i, "describe tx cols=quantity,customer"))
        let text = OutputRenderer.render(out)
        #expect(text.contains("quantity"))
        #expect(text.contains("ann (4)"))
        #expect(text.contains("│ quantity │     2 │ 2.1909 │    -1 │     1 │   1.5 │   3.5 │     5 │"))
    }

    @Test func errorsPointAtTheProblemAndChangeNothing() throws {
        let i = try Self.interpreter()
        let m = try #require(failure(i, "filter tx where quantiy > 0"))
        #expect(m.contains("did you mean 'quantity'?"))
        #expect(m.contains("                ^^^^^^^"))
        #expect(failure(i, "derive tx a = quantity / 0, b = nope + 1")?.contains("unknown column 'nope'") == true)
        #expect(i.workspace.table("tx")?.column("a") == nil)
        #expect(failure(i, "filter tx where frobnicate(price) > 1")?.contains("unknown function") == true)
        #expect(failure(i, "join tx people on=custmer")?.contains("did you mean 'customer'?") == true)
        #expect(failure(i, "sample tx")?.contains("n= or fraction=") == true)
    }

    @Test func divisionByZeroWarnsAndGivesMissing() throws {
        let i = try Self.interpreter()
        let out = try #require(run(i, "derive tx r = quantity / (price - price)"))
        #expect(OutputRenderer.render(out).contains("division by zero"))
        #expect(i.workspace.table("tx")?.column("r")?.value(at: 0) == .missing)
    }
}
