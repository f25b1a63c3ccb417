import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// A robustness sweep: every `help` example plus some lines of our own, mutated a few thousand
/// times with a fixed seed (truncated, tokens deleted, duplicated, swapped or replaced, odd
/// characters inserted), each run against a small workspace. Whatever a line does, the process
/// must not crash, a failure must leave the workspace as it was, and a success must leave only
/// well-formed tables behind.
@Suite struct BadInputFuzzTests {
    /// Mutated lines per seed line.
    static let mutationsPerSeed = 80
    /// One earlier cell, so `show cell 1` and `history` have something to show.
    static let earlierCells = [Cell(number: 1, source: "tables", status: .succeeded, output: .note("earlier"),
                                    settings: Settings(), duration: .zero, isRecorded: true)]

    /// Lines beyond the examples, reaching functions, options and forms the examples do not.
    static let ownLines = [
        "filter tx where unit_price between 1 and 10 or country not in (\"GB\") as mid",
        "derive tx r = quantity / (unit_price - unit_price), s = log(unit_price), t = if(quantity > 2, \"big\", \"small\")",
        "derive tx d = days_between(invoice_date, invoice_date), u = upper(country), l = length(channel)",
        "filter tx where starts_with(country, \"G\") and not (quantity < 0) and customer_id is missing as g",
        "group sales by country agg n = count(*), m = median(unit_price), s = std(quantity), f = first(invoice), l = last(invoice)",
        "sort customers by age desc, spend as oldest",
        "select customers customer_id, age, spend as c3",
        "rename customers columns=age:years,spend:total as renamed",
        "describe tx cols=quantity,unit_price,invoice_date",
        "show customers tail 3 cols=age,country",
        "join small customers on=customer_id how=inner as sc",
        "filter customers where signup_date >= 2020-01-01 and age is missing as unknown_age",
        "derive customers ratio = spend / orders, flag = coalesce(age, 0) > 40, r2 = round(spend, -1)",
        "sample ratings fraction=0.5 seed=3 as half",
        "load \"datasets/ratings.csv\" types=rating:float onerror=skip as r2",
        "filter tx where col(\"country\") = \"GB\" and -quantity < -1 as neg",
        "group ratings by item_id agg mean_rating = mean(rating), users = distinct(user_id) as per_item",
    ]

    static let pool: [String] = [
        "\"", "'", "\\", "=", "==", ",", "..", "(", ")", "$", "$k", "#", "0", "1", "7", "42", "3.5",
        "99999999999999999999", "9223372036854775807", "-9223372036854775808", "1e309", "-0", "nan", "inf",
        "é", "表格", "🙂", "e\u{301}", "\u{200B}", "\t", " ", "-", "*", "/", "%", ":", ".", "[", "]", "!", ";", "<>",
        "as", "by", "where", "agg", "not", "missing", "and", "or", "in", "is", "between", "head", "tail",
        "2011-02-30", "2011-12-09T25:00", "col(", "sum(", "count()", "tx", "customers", "quantity", "n=", "on=",
    ]

    // MARK: the workspace

    static func column(_ name: String, _ g: inout SeededGenerator, _ n: Int, strings pool: [String]) -> Column {
        Column(name: name, data: .string(codes: (0..<n).map { _ in Int32(g.nextInt(below: pool.count)) }, dictionary: pool))
    }

    static func ints(_ name: String, _ g: inout SeededGenerator, _ n: Int, _ range: Range<Int>, missingEvery: Int = 0) -> Column {
        let values = (0..<n).map { _ in Int64(range.lowerBound + g.nextInt(below: range.count)) }
        guard missingEvery > 0 else { return Column(name: name, data: .int(values)) }
        return Column(name: name, data: .int(values), missing: MissingMask(flags: (0..<n).map { $0 % missingEvery == 3 }))
    }

    static func floats(_ name: String, _ g: inout SeededGenerator, _ n: Int, scale: Double) -> Column {
        Column(name: name, data: .float((0..<n).map { _ in (g.nextDouble() * scale * 100).rounded() / 100 }))
    }

    /// The bundled datasets' shapes in miniature (same file, table and column names, a few hundred
    /// rows), written as CSV into `folder`; the examples' own preamble (`HelpExamplesTests.preamble`)
    /// then loads them from there and builds the derived tables.
    static func baseWorkspace(in folder: String) throws -> Workspace {
        var g = SeededGenerator(seed: 20_251_123)
        let countries = ["GB", "NL", "FR", "DE", "ES"], channels = ["web", "store", "app"]
        var ws = Workspace()
        // Customers enough that RFM keeps more than the preamble samples from it (rfm_small).
        let nTx = 1_600, nC = 400
        ws.bind("tx", table: try Table(columns: [
            column("invoice", &g, nTx, strings: (0..<400).map { $0 % 37 == 0 ? "C5\($0)" : "5\($0)" }),
            ints("customer_id", &g, nTx, 1..<(nC + 1), missingEvery: 9),
            ints("item_id", &g, nTx, 1001..<1051),
            // Returns (negative quantities) carry no customer, so that every customer's net spend stays
            // positive: the examples scale RFM's monetary value with log1p.
            Column(name: "quantity", data: .int((0..<nTx).map { Int64($0 % 18 == 3 ? -1 - g.nextInt(below: 2) : 1 + g.nextInt(below: 20)) })),
            floats("unit_price", &g, nTx, scale: 40),
            // The datasets' year, December 2024 on, so that the examples' dates fall inside it.
            Column(name: "invoice_date", data: .timestamp((0..<nTx).map { _ in 1_733_011_200 + Int64(g.nextInt(below: 31_536_000)) })),
            column("country", &g, nTx, strings: countries),
            column("channel", &g, nTx, strings: channels),
        ]))
        ws.bind("customers", table: try Table(columns: [
            Column(name: "customer_id", data: .int((1...Int64(nC)).map { $0 })),
            Column(name: "signup_date", data: .date((0..<nC).map { _ in 17_000 + Int64(g.nextInt(below: 2_000)) })),
            ints("age", &g, nC, 18..<80, missingEvery: 25),
            column("gender", &g, nC, strings: ["f", "m", "x"]),
            column("country", &g, nC, strings: countries),
            column("channel", &g, nC, strings: channels),
            ints("tenure_months", &g, nC, 0..<60),
            ints("orders", &g, nC, 0..<30),
            floats("spend", &g, nC, scale: 2_000),
            ints("support_calls", &g, nC, 0..<8),
            floats("avg_basket", &g, nC, scale: 90),
            Column(name: "last_order_date", data: .date((0..<nC).map { _ in 19_000 + Int64(g.nextInt(below: 400)) })),
            ints("churned", &g, nC, 0..<2),
        ]))
        let nR = 400
        ws.bind("ratings", table: try Table(columns: [
            ints("user_id", &g, nR, 10_000..<10_100),
            ints("item_id", &g, nR, 1001..<1051),
            ints("rating", &g, nR, 1..<6),
            Column(name: "timestamp", data: .timestamp((0..<nR).map { _ in 1_736_000_000 + Int64(g.nextInt(below: 9_000_000)) })),
        ]))
        let nI = 50
        ws.bind("items", table: try Table(columns: [
            Column(name: "item_id", data: .int((1001...Int64(1000 + nI)).map { $0 })),
            column("title", &g, nI, strings: ["Bamboo Shoe Rack", "Linen Throw, \"Sand\"", "Desk Lamp"]),
            column("category", &g, nI, strings: ["Furniture", "Home", "Lighting"]),
            column("genres", &g, nI, strings: ["boho", "modern|minimal", ""]),
            floats("price", &g, nI, scale: 120),
            column("description", &g, nI, strings: ["Hand-finished.", "Soft;\nwarm", "Bright"]),
        ]))
        let nE = 600
        ws.bind("events", table: try Table(columns: [
            ints("user_id", &g, nE, 10_000..<10_100),
            ints("item_id", &g, nE, 1001..<1051),
            column("event", &g, nE, strings: ["view", "view", "cart", "purchase"]),
            column("device", &g, nE, strings: ["mobile", "desktop"]),
            // Ten minutes apart from 2024-12-01, and their hours: sessions and context read them.
            Column(name: "timestamp", data: .timestamp((0..<Int64(nE)).map { 1_733_011_200 + $0 * 600 })),
            Column(name: "hour", data: .int((0..<Int64(nE)).map { ($0 / 6) % 24 })),
        ]))
        ws.bind("segments", table: try Table(columns: [
            Column(name: "customer_id", data: .int((1...Int64(nC)).map { $0 })),
            column("latent_segment", &g, nC, strings: ["loyal", "bargain", "new"]),
        ]))
        let nA = 600
        ws.bind("ab", table: try Table(columns: [
            Column(name: "user_id", data: .int((1...Int64(nA)).map { 100_000 + $0 })),
            column("variant", &g, nA, strings: ["A", "B"]),
            column("device", &g, nA, strings: ["mobile", "desktop"]),
            ints("converted", &g, nA, 0..<2),
            floats("revenue", &g, nA, scale: 80),
            ints("sessions", &g, nA, 1..<6),
            floats("pre_revenue", &g, nA, scale: 60),
            Column(name: "date", data: .date((0..<Int64(nA)).map { 20_367 + $0 % 28 })),
        ]))
        // Weekly KPIs: 30 Mondays × 2 segments, the columns of datasets/kpis.csv.
        let nK = 60
        ws.bind("kpis", table: try Table(columns: [
            Column(name: "week", data: .date((0..<Int64(nK)).map { 20_060 + 7 * ($0 / 2) })),
            Column(name: "segment", data: .string(codes: (0..<nK).map { Int32($0 % 2) }, dictionary: ["a", "b"])),
            ints("visitors", &g, nK, 900..<1100),
            ints("conversions", &g, nK, 30..<70),
            floats("revenue", &g, nK, scale: 2_000),
        ]))
        let nX = 500
        ws.bind("exposures", table: try Table(columns: [
            column("strategy", &g, nX, strings: ["popular", "similar", "personalised"]),
            column("segment", &g, nX, strings: ["loyal", "bargain"]),
            column("device", &g, nX, strings: ["mobile", "desktop", "tablet"]),
            ints("clicked", &g, nX, 0..<2),
            ints("converted", &g, nX, 0..<2),
            floats("revenue", &g, nX, scale: 30),
            Column(name: "propensity", data: .float((0..<nX).map { _ in 0.2 + Double(g.nextInt(below: 5)) / 10 })),
        ]))
        for (table, file) in [("tx", "transactions.csv"), ("customers", "customers.csv"), ("ratings", "ratings.csv"),
                              ("items", "items.csv"), ("events", "events.csv"), ("segments", "segments.csv"),
                              ("ab", "experiment.csv"), ("kpis", "kpis.csv"), ("exposures", "exposures.csv")] {
            try CSVWriter.write(try #require(ws.table(table)), to: folder + "/" + file)
        }
        let interpreter = Interpreter(registry: StandardCommands.registry)
        for line in HelpExamplesTests.preamble.map({ inFolder($0, folder) }) {
            if case .failure(let message) = interpreter.execute(line) { throw EngineError("preamble line failed: \(line)\n\(message)") }
        }
        return interpreter.workspace
    }

    /// `line` with the paths it reads or writes moved into `folder`.
    static func inFolder(_ line: String, _ folder: String) -> String {
        line.replacingOccurrences(of: "\"/tmp/", with: "\"datasets/")
            .replacingOccurrences(of: "\"datasets/", with: "\"\(folder)/")
    }

    // MARK: mutation

    struct Mutator {
        var g: SeededGenerator

        mutating func pick<T>(_ items: [T]) -> T { items[g.nextInt(below: items.count)] }

        mutating func mutate(_ line: String) -> String {
            var s = line
            // Mostly one mutation, so that many lines still get past the parser into the commands.
            for _ in 0..<(g.nextInt(below: 3) == 0 ? 2 : 1) {
                var words = s.split(separator: " ", omittingEmptySubsequences: false).map(String.init)
                var chars = Array(s)
                switch g.nextInt(below: 6) {
                case 0:
                    s = String(chars.prefix(g.nextInt(below: chars.count + 1)))
                case 1 where words.count > 1:
                    words.remove(at: g.nextInt(below: words.count))
                    s = words.joined(separator: " ")
                case 2 where !words.isEmpty:
                    let k = g.nextInt(below: words.count)
                    words.insert(words[k], at: k)
                    s = words.joined(separator: " ")
                case 3 where words.count > 1:
                    words.swapAt(g.nextInt(below: words.count), g.nextInt(below: words.count))
                    s = words.joined(separator: " ")
                case 4:
                    chars.insert(contentsOf: Array(pick(BadInputFuzzTests.pool)), at: g.nextInt(below: chars.count + 1))
                    s = String(chars)
                default:
                    guard !words.isEmpty else { continue }
                    words[g.nextInt(below: words.count)] = pick(BadInputFuzzTests.pool)
                    s = words.joined(separator: " ")
                }
            }
            return s
        }
    }

    /// Every column of every table has the table's row count (a ragged table would trap later).
    static func malformedTable(in ws: Workspace) -> String? {
        for name in ws.tableNames {
            guard let t = ws.table(name) else { continue }
            for c in t.columns where c.count != t.rowCount || (c.missing.flags.map { $0.count != t.rowCount } ?? false) {
                return "\(name).\(c.name) has \(c.count) values for \(t.rowCount) rows"
            }
        }
        return nil
    }

    @Test func mutatedLinesNeverCrashAndFailuresChangeNothing() throws {
        let dir = try ScratchDirectory("fuzz")
        // The datasets the examples load are written small into the scratch folder; exports go there too.
        let base = try Self.baseWorkspace(in: dir.path)
        let seeds = (StandardCommands.registry.commands.flatMap(\.examples) + Self.ownLines).map { Self.inFolder($0, dir.path) }
        #expect(seeds.count > 50)

        let baseShape = WorkspaceShape(base)
        var outcomes = (success: 0, failure: 0, other: 0, skipped: 0)

        func run(_ line: String, mustSucceed: Bool) {
            // Commands that write files (export, save session, export notebook) write only into the scratch folder.
            let writes = SessionPlan(SessionDocument(text: line), path: "fuzz", registry: StandardCommands.registry).files.filter { $0.access == .writes }
            guard writes.allSatisfy({ $0.path.hasPrefix(dir.path + "/") && !$0.path.contains("..") }) else {
                outcomes.skipped += 1
                return
            }
            let i = Interpreter(registry: StandardCommands.registry, workspace: base, cells: Self.earlierCells)
            switch i.execute(line) {
            case .success(let output):
                outcomes.success += 1
                _ = OutputRenderer.render(output)
                if let problem = Self.malformedTable(in: i.workspace) { Issue.record("\(problem) after: \(line)") }
            case .failure(let message):
                outcomes.failure += 1
                if mustSucceed { Issue.record("seed line failed: \(line)\n\(message)") }
                #expect(!message.isEmpty)
                let after = WorkspaceShape(i.workspace)
                if after != baseShape { Issue.record("failed line changed the workspace: \(line)\n\(baseShape)\n→ \(after)") }
            case .empty, .quit:
                outcomes.other += 1
            }
        }

        for seed in seeds { run(seed, mustSucceed: true) }
        var mutator = Mutator(g: SeededGenerator(seed: 7_919))
        for seed in seeds {
            for _ in 0..<Self.mutationsPerSeed { run(mutator.mutate(seed), mustSucceed: false) }
        }
        // The sweep means something only if mutations both fail and succeed in numbers.
        #expect(outcomes.failure > 1_000, "\(outcomes)")
        #expect(outcomes.success > 300, "\(outcomes)")
    }
}
