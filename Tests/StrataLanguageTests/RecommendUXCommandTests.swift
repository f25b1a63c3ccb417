import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Titles in lists and reasons, fallback=popular for cold users, and diversity in evaluate.
@Suite struct RecommendUXCommandTests {
    let helpers = RecommendCommandTests()

    /// The tiny ratings of RecommendCommandTests, with titles for a, b and c only ("z" is not an item).
    static func interpreter() throws -> Interpreter {
        adding(try RecommendCommandTests.interpreter(), "names", try Table(columns: [
            Column(name: "item_id", data: .string(codes: [0, 1, 2, 3], dictionary: ["a", "b", "c", "z"])),
            Column(name: "title", data: .string(codes: [0, 1, 2, 3], dictionary: ["Alpha", "Beta", "Gamma", "Zeta"])),
        ]))
    }

    /// The interpreter's workspace with one more table.
    static func adding(_ i: Interpreter, _ name: String, _ table: Table) -> Interpreter {
        var ws = i.workspace
        ws.bind(name, table: table)
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    func text(_ o: CommandOutput?) -> String { OutputRenderer.render(o ?? .empty, style: .batch) }

    @Test func titlesNameItemsInTablesAndReasons() throws {
        let i = try Self.interpreter()
        _ = helpers.run(i, "recommender itemknn r neighbors=2 as iknn")
        let output = helpers.run(i, "recommend user u1 using iknn top=2 titles=names:title")
        let top = try #require(helpers.table(output))
        #expect(top.columnNames == ["rank", "item", "title", "score"])
        #expect(top.column("item")?.value(at: 0) == .string("c") && top.column("title")?.value(at: 0) == .string("Gamma"))
        // d has no title: its id stands in, and a note says so.
        #expect(top.column("title")?.value(at: 1) == .string("d"))
        let rendered = text(output)
        #expect(rendered.contains("1. Gamma: similar to Beta (0.5) rated 4; similar to Alpha (0.408) rated 5"))
        #expect(rendered.contains("1 listed item has no title; shown by id"))
        // Without titles= the reasons name ids, as before.
        #expect(text(helpers.run(i, "recommend user u1 using iknn top=1")).contains("1. c: similar to b (0.5) rated 4"))

        let similar = try #require(helpers.table(helpers.run(i, "similar item a using iknn top=2 titles=names:title")))
        #expect(similar.columnNames == ["rank", "item", "title", "similarity"])
        _ = helpers.run(i, "recommend all using iknn top=2 titles=names:title as recs")
        let recs = try #require(i.workspace.table("recs"))
        #expect(recs.columnNames == ["user", "rank", "item", "title", "score"] && recs.rowCount == 7)

        // The table titles= names is what the cell reads (with the model), so the session re-runs it when that table changes.
        #expect(i.cells.last?.reads == ["iknn", "names"])
        #expect(helpers.failure(i, "recommend user u1 using iknn titles=names")?.contains("titles= takes TABLE:COLUMN") == true)
        #expect(helpers.failure(i, "recommend user u1 using iknn titles=names:name")?.contains("no column 'name' in names") == true)
        #expect(helpers.failure(i, "recommend user u1 using iknn titles=nope:title")?.contains("no table 'nope'") == true)
    }

    @Test func fallbackServesColdUsersAndSaysSo() throws {
        var i = try Self.interpreter()
        _ = helpers.run(i, "recommender itemknn r neighbors=2 as iknn")
        let refused = try #require(helpers.failure(i, "recommend user nobody using iknn"))
        #expect(refused.contains("user 'nobody' is not in the training data of iknn") && refused.contains("fallback=popular"))
        let output = helpers.run(i, "recommend user nobody using iknn top=2 fallback=popular")
        let top = try #require(helpers.table(output))
        // Popularity in r: a (3 users), then b, c, d (2 each; lower index first).
        #expect(top.column("item")?.value(at: 0) == .string("a") && top.column("item")?.value(at: 1) == .string("b"))
        let rendered = text(output)
        #expect(rendered.contains("user nobody is not in the training data of iknn; showing the 2 most popular items (fallback=popular)"))
        #expect(rendered.contains("1. a: 3 of 4 training users interacted with it (popularity rank 1)"))
        // A known user is still served by the model itself.
        #expect(text(helpers.run(i, "recommend user u1 using iknn top=1 fallback=popular")).contains("1. c: similar to b"))
        // mf keeps its own rule, and says whose it is.
        _ = helpers.run(i, "recommender mf r factors=2 epochs=5 seed=3 as mf")
        let mf = text(helpers.run(i, "recommend user nobody using mf top=2 fallback=popular")).replacingOccurrences(of: "\n", with: " ")
        #expect(mf.contains("showing the items with the highest item bias (μ + b_i) (mf's cold-start rule)"))

        // recommend all for the users of a table: cold users left out and counted, or served.
        i = Self.adding(i, "who", try Table(columns: [
            Column(name: "user_id", data: .string(codes: [0, 1, 0], dictionary: ["u2", "ghost"])),
        ]))
        let without = text(helpers.run(i, "recommend all using iknn top=1 users=who as a1"))
        #expect(i.workspace.table("a1")?.rowCount == 1 && without.contains("1 users are not in the training data of iknn and were left out"))
        let with = text(helpers.run(i, "recommend all using iknn top=1 users=who fallback=popular as a2"))
        let a2 = try #require(i.workspace.table("a2"))
        #expect(a2.rowCount == 2 && a2.column("user")?.value(at: 1) == .string("ghost") && a2.column("item")?.value(at: 1) == .string("a"))
        #expect(with.contains("1 users are not in the training data of iknn; they got the 1 most popular items (fallback=popular)"))
    }

    @Test func evaluateFallbackKeepsColdTestUsers() throws {
        var i = try Self.interpreter()
        _ = helpers.run(i, "recommender itemknn r neighbors=2 as iknn")
        // A test table with a known user and a stranger who liked a, the most popular item.
        i = Self.adding(i, "t", try Table(columns: [
            Column(name: "user_id", data: .string(codes: [0, 1], dictionary: ["u1", "stranger"])),
            Column(name: "item_id", data: .string(codes: [0, 1], dictionary: ["d", "a"])),
            Column(name: "rating", data: .int([5, 5])),
        ]))
        let skipped = try #require(helpers.table(helpers.run(i, "evaluate iknn on t k=1 metrics=hitrate baseline=no")))
        #expect(skipped.column("users")?.value(at: 0) == .int(1))
        let output = helpers.run(i, "evaluate iknn on t k=1 metrics=hitrate baseline=no fallback=popular")
        let served = try #require(helpers.table(output))
        #expect(served.column("users")?.value(at: 0) == .int(2))
        #expect(text(output).contains("1 absent from training kept and served by each model's cold-start rule or, without one, the most popular items (fallback=popular)"))
        #expect(helpers.failure(i, "evaluate iknn on t fallback=popular cold=skip")?.contains("leave cold= out, or use cold=serve") == true)
    }

    @Test func diversityNeedsFeatures() throws {
        let i = try Self.interpreter()
        _ = helpers.run(i, "recommender itemknn r neighbors=2 as iknn")
        let refused = try #require(helpers.failure(i, "evaluate iknn on r metrics=precision,diversity seen=keep"))
        #expect(refused.contains("diversity needs item features") && refused.contains("features=TABLE:COLUMNS"))
        #expect(helpers.failure(i, "evaluate iknn on r metrics=precision features=meta:genres")?.contains("add diversity to metrics=") == true)
        #expect(helpers.failure(i, "evaluate iknn on r features=iknn")?.contains("TABLE:COLUMNS or a content recommender") == true)
        // features= alone adds diversity to the standard metrics; a content model's vectors serve without features=.
        let standard = try #require(helpers.table(helpers.run(i, "evaluate iknn on r seen=keep features=meta:genres")))
        #expect(standard.columnNames.last == "diversity")
        _ = helpers.run(i, "recommender content r items=meta text=genres as cb")
        let output = helpers.run(i, "evaluate iknn, cb on r metrics=diversity seen=keep")
        #expect(text(output).contains("1 − cosine of item vectors from cb's item vectors (text: genres)"))
    }

    @Test(.enabled(if: HelpExamplesTests.runsFromRoot)) func diversityOnTheBundledData() throws {
        let i = Interpreter(registry: StandardCommands.registry)
        for line in ["load \"datasets/ratings.csv\" as ratings", "load \"datasets/items.csv\" as items",
                     "split ratings by=user test=0.2 seed=7 as parts", "recommender itemknn parts.train as iknn"] {
            _ = helpers.run(i, line)
        }
        let output = helpers.run(i, "evaluate iknn on parts.test metrics=precision,diversity features=items:genres,category,price")
        let t = try #require(helpers.table(output))
        #expect(t.columnNames == ["model", "users", "precision@10", "diversity"])
        for row in 0..<t.rowCount {
            guard case .float(let d)? = t.column("diversity")?.value(at: row) else { Issue.record("no diversity value"); continue }
            #expect(d > 0 && d <= 1)
        }
        let rendered = text(output)
        #expect(rendered.contains("diversity: mean over each list's item pairs of 1 − cosine of item vectors from items "
                                  + "(text: genres; categories: category; numbers: price; joined on item_id); 1,499 of 1,499 items have a vector"))
        let top = try #require(helpers.table(helpers.run(i, "recommend user 10003 using iknn top=3 titles=items:title")))
        #expect(top.column("title")?.value(at: 0) == .string("Stoneware Utensil Pot"))
    }
}
