import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `bandit simulate` end to end through the interpreter.
@Suite struct BanditCommandTests: InterpreterTesting {
    /// 40 users × 12 items with deterministic ratings, a segment per user, and a per-context rates table.
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        var users: [Int64] = [], items: [Int64] = [], ratings: [Int64] = [], segments: [Int32] = []
        for u in 0..<40 {
            for i in 0..<12 where (u * 7 + i * 3) % 5 < 3 {
                users.append(Int64(100 + u))
                items.append(Int64(i < 6 && u % 2 == 0 ? i : (i + u) % 12))
                ratings.append(Int64(1 + (u + i) % 5))
                segments.append(Int32(u % 2))
            }
        }
        ws.bind("ratings", table: try Table(columns: [
            Column(name: "user_id", data: .int(users)), Column(name: "item_id", data: .int(items)),
            Column(name: "rating", data: .int(ratings)),
            Column(name: "segment", data: .string(codes: segments, dictionary: ["even", "odd"])),
        ]))
        ws.bind("ctx", table: try Table(columns: [
            Column(name: "device", data: .string(codes: [0, 1], dictionary: ["mobile", "desktop"])),
            Column(name: "banner", data: .float([0.6, 0.2])), Column(name: "video", data: .float([0.2, 0.6])),
        ]))
        ws.bind("badrates", table: try Table(columns: [
            Column(name: "device", data: .string(codes: [0], dictionary: ["mobile"])),
            Column(name: "banner", data: .float([0.6])), Column(name: "video", data: .float([1.4])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    @Test func fixedArmsBindSummaryAndCurves() throws {
        let i = try Self.interpreter()
        let out = run(i, "bandit simulate arms=0.2,0.3,0.5 policies=ucb1,thompson,egreedy,softmax,gaussian rounds=1000 runs=6 seed=3 as sim")
        #expect(out.contains("cumulative regret") && out.contains("had the least regret"))
        let summary = try #require(i.workspace.table("sim"))
        #expect(summary.rowCount == 5)
        let curves = try #require(i.workspace.table("sim.curves"))
        #expect(curves.rowCount == 5 * 40 && curves.column("share_arm3") != nil)
        // Same seed, same figures; a different seed, different ones.
        _ = run(i, "bandit simulate arms=0.2,0.3,0.5 policies=ucb1,thompson,egreedy,softmax,gaussian rounds=1000 runs=6 seed=3 as again")
        #expect(i.workspace.table("again")?.column("regret")?.doubles() == summary.column("regret")?.doubles())
    }

    @Test func perContextRatesFavourContextualPolicies() throws {
        let i = try Self.interpreter()
        _ = run(i, "bandit simulate rates=ctx context=device policies=linucb,ucb1 rounds=3000 runs=4 seed=1 as c")
        let regret = try #require(i.workspace.table("c")?.column("regret")?.doubles())
        #expect(regret[0] < regret[1] / 4)
    }

    @Test func recommendersArePaidByHeldOutHits() throws {
        let i = try Self.interpreter()
        _ = run(i, "split ratings by=user test=0.3 seed=1 as parts")
        _ = run(i, "recommender popular parts.train as pop")
        _ = run(i, "recommender itemknn parts.train as ik")
        _ = run(i, "evaluate pop, ik on parts.test k=3 metrics=hitrate")
        let hitrates = try #require(i.workspace.table("evaluation")?.column("hitrate@3")?.doubles())
        let out = run(i, "bandit simulate recommenders=pop,ik split=parts k=3 context=segment policies=linucb,thompson rounds=300 runs=3 as rb")
        #expect(out.contains("context: segment (2 values"))
        // An arm's expected reward is the share of test users its top-3 list hits: evaluate's hit rate.
        let out2 = run(i, "bandit simulate recommenders=pop,ik split=parts k=3 rounds=10 runs=1 as rb2")
        let rows = out2.split(separator: "\n").filter { $0.hasPrefix("│ pop ") || $0.hasPrefix("│ ik ") }.prefix(2)
        let shown = rows.compactMap { row in Double(row.split(separator: "│")[1].trimmingCharacters(in: .whitespaces)) }
        #expect(shown.count == 2)
        for (value, rate) in zip(shown, hitrates) { #expect(abs(value - rate) < 1e-4, "\(shown) vs \(hitrates)") }
        #expect(i.workspace.table("rb.curves") != nil)
    }

    /// The tables, split and recommenders named by options are what the cell reads, so the session
    /// re-runs it when any of them changes.
    @Test func optionNamedValuesAreCellReads() throws {
        let i = try Self.interpreter()
        _ = run(i, "filter ctx where banner > 0 as rates")                                           // 1
        _ = run(i, "bandit simulate rates=rates context=device policies=ucb1 rounds=50 runs=2 as c")  // 2
        #expect(i.cells[1].reads == ["rates"])
        _ = run(i, "split ratings by=user test=0.3 seed=1 as parts")                                  // 3
        _ = run(i, "recommender popular parts.train as pop")                                          // 4
        _ = run(i, "recommender itemknn parts.train as ik")                                           // 5
        _ = run(i, "bandit simulate recommenders=pop,ik split=parts k=3 rounds=20 runs=1 as rb")     // 6
        #expect(i.cells[5].reads == ["pop", "ik", "parts"])
        #expect(i.cells[5].binds == ["rb"])
        let graph = CellDependencies(i.cells)
        #expect(graph.dependsOn[2] == [1])
        #expect(graph.dependsOn[6] == [3, 4, 5])
        #expect(graph.downstream(of: 4) == [6])
        // A failed simulation still says what it read.
        _ = failure(i, "bandit simulate recommenders=pop,nothing split=parts rounds=10")
        #expect(i.cells.last?.reads == ["pop", "nothing", "parts"])
        // Tab offers the workspace's names for them.
        let completer = Completer(registry: StandardCommands.registry, workspace: i.workspace)
        let line = "bandit simulate recommenders=pop,i"
        #expect(completer.complete(line: line, cursor: line.count).candidates.map(\.text) == ["ik"])
    }

    @Test func badInputSaysWhatIsWrong() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "bandit simulate arms=0.5 rounds=10").contains("at least two arms"))
        #expect(failure(i, "bandit simulate arms=0.5,1.2 rounds=10").contains("outside [0, 1]"))
        #expect(failure(i, "bandit simulate arms=0.5,x rounds=10").contains("not a number"))
        #expect(failure(i, "bandit simulate arms=0.1,0.2 rounds=0").contains("rounds"))
        #expect(failure(i, "bandit simulate arms=0.1,0.2 policies=thompsn").contains("thompson"))
        #expect(failure(i, "bandit simulate rounds=10").contains("exactly one of"))
        #expect(failure(i, "bandit simulate rates=ctx rounds=10").contains("context="))
        #expect(failure(i, "bandit simulate rates=badrates context=device rounds=10").contains("outside [0, 1]"))
        #expect(failure(i, "bandit simulate recommenders=nothing,ratings split=parts").contains("not a recommender"))
    }
}
