import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The recommender commands end to end on a tiny ratings table.
@Suite struct RecommendCommandTests {
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        // u1: a 5, b 4; u2: a 4, c 5; u3: b 2, c 4, d 5; u4: a 5, d 3.
        ws.bind("r", table: try Table(columns: [
            Column(name: "user_id", data: .string(codes: [0, 0, 1, 1, 2, 2, 2, 3, 3], dictionary: ["u1", "u2", "u3", "u4"])),
            Column(name: "item_id", data: .string(codes: [0, 1, 0, 2, 1, 2, 3, 0, 3], dictionary: ["a", "b", "c", "d"])),
            Column(name: "rating", data: .int([5, 4, 4, 5, 2, 4, 5, 5, 3])),
            Column(name: "device", data: .string(codes: [0, 0, 1, 0, 0, 0, 1, 0, 0], dictionary: ["mobile", "web"])),
        ]))
        ws.bind("meta", table: try Table(columns: [
            Column(name: "item_id", data: .string(codes: [0, 1, 2, 3], dictionary: ["a", "b", "c", "d"])),
            Column(name: "genres", data: .string(codes: [0, 1, 2, 3], dictionary: ["sci-fi|space", "romance", "space|history", "history"])),
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
        Issue.record("expected a failure: \(line)")
        return nil
    }

    func table(_ o: CommandOutput?) -> Table? {
        for b in o?.blocks ?? [] { if case .table(let t, _, _, _, _) = b { return t } }
        return nil
    }

    @Test func trainRecommendExplainAndExport() throws {
        let i = try Self.interpreter()
        _ = run(i, "recommender itemknn r neighbors=2 as iknn")
        // u1 has a and b; c is similar to a (u2) and b (u3), d to a (u4) and b (u3).
        let output = run(i, "recommend user u1 using iknn top=2")
        let top = try #require(table(output))
        #expect(top.rowCount == 2)
        let why = OutputRenderer.render(output ?? .empty, style: .batch)
        #expect(why.contains("why:\n1. c: similar to b (0.5) rated 4; similar to a (0.408) rated 5"), "each item's reason, whole, under the table")
        let seen = try #require(table(run(i, "recommend user u1 using iknn top=4 seen=yes")))
        #expect(seen.rowCount == 4)
        _ = run(i, "recommend all using iknn top=2 as recs")
        #expect(i.workspace.table("recs")?.rowCount == 7)   // u3 has only a left to recommend
        #expect(table(run(i, "similar item a using iknn top=3"))?.rowCount == 3)
        _ = run(i, "recommender mf r factors=2 epochs=5 seed=3 as mf")
        _ = run(i, "predict rating user=u1 item=c using mf")
        // An unknown user: mf has a cold-start rule, item-kNN does not.
        #expect(table(run(i, "recommend user nobody using mf top=2"))?.rowCount == 2)
        #expect(failure(i, "recommend user nobody using iknn")?.contains("not in the training data") == true)
    }

    @Test func contentHybridAndContext() throws {
        let i = try Self.interpreter()
        _ = run(i, "recommender content r items=meta text=genres as cb")
        _ = run(i, "recommender userknn r neighbors=2 as uknn")
        _ = run(i, "recommender hybrid uknn, cb weights=0.5,0.5 as hy")
        #expect(table(run(i, "recommend user u4 using hy top=2"))?.rowCount == 2)
        _ = run(i, "recommender hybrid uknn, cb switch=3 as sw")
        _ = run(i, "recommender als r factors=2 iterations=2 context=device:mobile as mob")
        #expect(failure(i, "similar item a using uknn")?.contains("no notion of item similarity") == true)
    }

    @Test func badInputNamesTheProblem() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "recommender itemknn r epochs=3")?.contains("does not apply to itemknn") == true)
        #expect(failure(i, "recommender als r context=device:tv")?.contains("no row has device = tv") == true)
        #expect(failure(i, "recommender content r text=genres")?.contains("items=") == true)
        #expect(failure(i, "recommend user u1 using nothing")?.contains("no recommender") == true)
        _ = run(i, "recommender itemknn r as iknn")
        #expect(failure(i, "similar item zz using iknn")?.contains("item 'zz'") == true)
        _ = run(i, "predict rating user=u1 item=a using iknn")
        _ = run(i, "recommender als r factors=2 iterations=2 as als")
        #expect(failure(i, "predict rating user=u1 item=a using als")?.contains("does not predict ratings") == true)
        #expect(failure(i, "recommender hybrid iknn, als switch=2 weights=1,1")?.contains("weights") == true)
        #expect(failure(i, "recommender itemknn r neighbors=30 saved=10")?.contains("saved=10") == true)
        #expect(i.workspace["hybrid"] == nil)
    }
}
