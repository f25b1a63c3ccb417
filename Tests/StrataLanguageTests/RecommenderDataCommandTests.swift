import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// split, recommender popular/random and evaluate end to end on hand-made tables.
@Suite struct RecommenderDataCommandTests {
    static func interpreter() throws -> Interpreter {
        func strings(_ name: String, _ v: [String]) -> Column {
            Column.fromValues(name: name, type: .string, values: v.map { .string($0) })
        }
        var ws = Workspace()
        // Popularity: A 3 users, B 2, C 2, D 1.
        ws.bind("train", table: try Table(columns: [
            strings("user_id", ["u1", "u2", "u3", "u1", "u2", "u3", "u4", "u4"]),
            strings("item_id", ["A", "A", "A", "B", "C", "B", "C", "D"]),
            Column(name: "rating", data: .int([5, 4, 3, 2, 4, 1, 5, 2])),
        ]))
        ws.bind("test", table: try Table(columns: [
            strings("user_id", ["u1", "u4", "u2"]), strings("item_id", ["C", "B", "D"]),
            Column(name: "rating", data: .int([4, 5, 2])), strings("segment", ["x", "y", "x"]),
        ]))
        ws.bind("strangers", table: try Table(columns: [
            strings("user_id", ["z1"]), strings("item_id", ["A"]), Column(name: "rating", data: .int([4])),
        ]))
        ws.bind("bad", table: try Table(columns: [
            strings("user_id", ["u1", "u2"]), strings("item_id", ["A", "B"]),
            Column(name: "rating", data: .int([3, 9])), strings("grade", ["good", "bad"]),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    @discardableResult
    func run(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard case .success(let o) = i.execute(line) else {
            Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
            return ""
        }
        return OutputRenderer.render(o)
    }

    func failure(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .failure(let m) = i.execute(line) { return m }
        Issue.record("expected a failure: \(line)", sourceLocation: sourceLocation)
        return ""
    }

    func number(_ t: Table?, _ column: String, row: Int) -> Double? {
        t?.column(column)?.value(at: row).doubleValue
    }

    @Test func evaluateHandComputed() throws {
        let i = try Self.interpreter()
        run(i, "recommender popular train as pop")
        let out = run(i, "evaluate pop on test k=2 metrics=precision,recall,ndcg,mrr,coverage by=segment")
        // u1 gets C, D (hit C at 1); u2 gets B, D (hit D at 2); u4 gets A, B (hit B at 2)
        let t = i.workspace.table("evaluation")
        #expect(t?.rowCount == 1)                               // popularity is the model: no extra baseline
        #expect(number(t, "precision@2", row: 0) == 0.5)
        #expect(number(t, "recall@2", row: 0) == 1)
        #expect(number(t, "mrr", row: 0) == (1 + 0.5 + 0.5) / 3)
        #expect(number(t, "coverage", row: 0) == 1)
        #expect(out.contains("users: 3 evaluated"))
        #expect(out.contains("split: not made by split (test given directly)"))
        #expect(out.contains("candidates: every training item (4) except the user's own training items"))
        #expect(out.contains("by segment"))
        #expect(i.workspace.table("evaluation.users")?.rowCount == 3)
    }

    @Test func splitBindsTablesAndObject() throws {
        let i = try Self.interpreter()
        let out = run(i, "split train by=user test=0.5 seed=3 as parts")
        #expect(out.contains("parts: per user, floor(0.5·n + 0.5) random pairs, seed 3"))
        #expect(i.workspace.table("parts.train") != nil && i.workspace.table("parts.test") != nil)
        #expect((i.workspace.table("parts.train")?.rowCount ?? 0) + (i.workspace.table("parts.test")?.rowCount ?? 0) == 8)
        run(i, "recommender random parts.train seed=1 as rand")
        let eval = run(i, "evaluate rand on parts.test k=2")
        #expect(eval.contains("split: per user, floor(0.5·n + 0.5) random pairs, seed 3"))
        #expect(eval.contains("paired test over"))              // rand against the popularity baseline
        #expect(i.workspace.table("evaluation")?.rowCount == 2)
        let again = Interpreter(registry: StandardCommands.registry, workspace: try Self.interpreter().workspace)
        run(again, "split train by=user test=0.5 seed=3 as parts")
        #expect(again.workspace.table("parts.test")?.column("item_id")?.value(at: 0)
                == i.workspace.table("parts.test")?.column("item_id")?.value(at: 0))
    }

    @Test func metricAgainstK() throws {
        let i = try Self.interpreter()
        run(i, "recommender popular train as pop")
        let shown = run(i, "evaluate pop on test k=1..3 metrics=hitrate")
        #expect(shown.contains("hitrate against k"), "a line chart of the metric against k follows its table")
        #expect(!run(i, "evaluate pop on test k=1..3 metrics=hitrate chart=no").contains("hitrate against k"))
        let t = i.workspace.table("evaluation")
        #expect(t?.rowCount == 3)
        // hit rate: k=1 only u1 (C first); k=2 all three
        #expect(number(t, "hitrate", row: 0) == 1.0 / 3)
        #expect(number(t, "hitrate", row: 1) == 1)
    }

    @Test func badInput() throws {
        let i = try Self.interpreter()
        run(i, "recommender popular train as pop")
        #expect(failure(i, "evaluate pop on test metrics=precison").contains("unknown metric 'precison'"))
        #expect(failure(i, "evaluate train on test").contains("'train' is a table, not a recommender"))
        #expect(failure(i, "evaluate pop on strangers").contains("no test user with a relevant item appears in the training data"))
        #expect(failure(i, "evaluate pop on test relevant=6").contains("lower relevant="))
        #expect(failure(i, "recommender popular bad scale=1..5 as p2").contains("1 ratings in 'rating' are outside the scale 1–5"))
        #expect(failure(i, "recommender popular bad rating=grade as p2").contains("holds text, not numbers"))
        #expect(failure(i, "recommender popular bad user=item_id item=item_id rating=grade as p2").contains("holds text"))
        #expect(i.workspace["p2"] == nil)
        #expect(failure(i, "split train by=user test=0 as parts").contains("test fraction 0 is not between 0 and 1"))
        #expect(failure(i, "split train by=last as parts").contains("needs a time column"))
        #expect(i.workspace["parts"] == nil && i.workspace["parts.train"] == nil)
        // k larger than the catalogue: lists hold what there is, and the protocol says so
        let big = run(i, "evaluate pop on test k=50 metrics=precision")
        #expect(big.contains("pop 0 empty, 3 shorter than 50"))
    }

    /// The same split and lists as bench_recsys.py's pop-numpy (Fixtures/bench-split/README.md): equal to 1e-9.
    @Test func matchesBenchRecsysPopularity() throws {
        let i = Interpreter(registry: StandardCommands.registry)
        let root = #filePath.components(separatedBy: "/Tests/")[0]
        run(i, "load split \"\(root)/Tests/StrataLanguageTests/Fixtures/bench-split\" as bench")
        run(i, "recommender popular bench.train as pop")
        run(i, "evaluate pop on bench.test k=10 metrics=precision,recall,ndcg,coverage")
        let t = i.workspace.table("evaluation")
        #expect(t?.column("users")?.value(at: 0) == .int(70))
        #expect(abs((number(t, "precision@10", row: 0) ?? 0) - 0.044285714285714296) < 1e-9)
        #expect(abs((number(t, "recall@10", row: 0) ?? 0) - 0.08455557183000793) < 1e-9)
        #expect(abs((number(t, "ndcg@10", row: 0) ?? 0) - 0.07585988612332678) < 1e-9)
        #expect(abs((number(t, "coverage", row: 0) ?? 0) - 0.027576197387518143) < 1e-9)
        run(i, "evaluate pop on bench.test k=10 metrics=recall recall=truncated")
        #expect(abs((number(i.workspace.table("evaluation"), "recall@10", row: 0) ?? 0) - 0.0903684807256236) < 1e-9)
    }
}
