import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `stream` with the user's own score and tiers, per-period migration, recommenders with the
/// board's lists for chosen users (and a replay that prints the same bytes), metrics per context,
/// and `prequential … session=yes`, on small streams worked by hand.
@Suite(.serialized) struct StreamRulesCommandTests {
    static let transactions = """
        customer,item,time,amount
        a,x,2024-01-01 09:00:00,10
        b,y,2024-01-01 10:00:00,50
        c,x,2024-01-02 11:00:00,20
        a,y,2024-01-03 08:00:00,5
        d,z,2024-01-03 09:00:00,70
        b,x,2024-01-04 12:00:00,-20
        e,x,2024-01-05 12:00:00,15
        c,y,2024-01-06 12:00:00,40
        f,z,2024-01-06 13:00:00,1

        """

    /// `PrequentialTests.stream` with names: items get ids in order of arrival (i3 before i2), which
    /// leaves popularity's ranks as worked there: 0, 1, 0, 2 on events 3, 4, 8 and 9.
    static let clicks = """
        user_id,item_id,timestamp,device
        u0,i0,2024-01-01 00:00:00,mobile
        u1,i0,2024-01-01 00:01:00,desktop
        u0,i1,2024-01-01 00:02:00,mobile
        u1,i1,2024-01-01 00:03:00,desktop
        u2,i0,2024-01-01 00:04:00,mobile
        u3,i3,2024-01-01 00:05:00,desktop
        u0,i0,2024-01-01 00:06:00,mobile
        u2,i2,2024-01-01 00:07:00,desktop
        u2,i3,2024-01-01 00:08:00,mobile

        """

    static func file(_ name: String, _ text: String) throws -> (dir: String, path: String) {
        let dir = NSTemporaryDirectory() + "strata-streamrules-\(UUID().uuidString)"
        try FileManager.default.createDirectory(atPath: dir, withIntermediateDirectories: true)
        let path = dir + "/" + name
        try text.write(toFile: path, atomically: true, encoding: .utf8)
        return (dir, path)
    }

    static func column(_ t: Table?, _ name: String) -> [String] {
        guard let t, let c = t.column(name) else { return [] }
        return (0..<t.rowCount).map { DescribeFormat.plain(c.value(at: $0)) }
    }

    @Test func ownTiersMoveAtThePurchaseAndMigratePerDay() throws {
        let (dir, path) = try Self.file("tx.csv", Self.transactions)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let i = Interpreter(registry: StandardCommands.registry)
        let first = StreamCommandTests.text(i, "stream \"\(path)\" user=customer item=item time=time amount=amount k=0 "
                                            + "criteria=frequency scale=none thresholds=2 labels=Once,Repeat until=2024-01-04 as s")
        #expect(first.contains("tiers: score = frequency:1 (scale=none), thresholds 2; 4 customers tiered, 5 tier changes in this run"))
        let second = StreamCommandTests.text(i, "stream \"\(path)\" period=day as s")
        #expect(second.contains("tiers on 2024-01-06: at the day's start (rows) → at its end (columns), 2 moves"))
        // a and c move up at their second purchase, to the second; b's return changes no tier.
        let moves = i.workspace.table("s.tier_moves")
        #expect(Self.column(moves, "customer") == ["a", "b", "c", "a", "d", "e", "c", "f"])
        #expect(Self.column(moves, "to") == ["Once", "Once", "Once", "Repeat", "Once", "Once", "Repeat", "Once"])
        #expect(Self.column(moves, "time")[3] == "2024-01-03 08:00:00")
        #expect(Self.column(moves, "time")[6] == "2024-01-06 12:00:00")
        // The migration of 2024-01-06 rebuilt from the moves: b, d, e stay Once, c goes up, a stays, f is new.
        let migration = try #require(i.workspace.table("s.tier_migration"))
        let periods = Self.column(migration, "period"), from = Self.column(migration, "from"), to = Self.column(migration, "to")
        let counts = Self.column(migration, "customers")
        let lastDay = Set(periods.indices.filter { periods[$0] == "2024-01-06" }.map { "\(from[$0])→\(to[$0]) \(counts[$0])" })
        #expect(lastDay == ["Once→Once 3", "Once→Repeat 1", "Repeat→Repeat 1", "(new)→Once 1"])
        #expect(Set(periods) == ["2024-01-05", "2024-01-06"])
        // Every table the stream keeps is a part of its name, so a cell reading it depends on the stream's cell.
        _ = StreamCommandTests.text(i, "show s.tier_moves")
        _ = StreamCommandTests.text(i, "show s.moves_per_day")
        #expect(i.cells[1].binds == ["s"])
        let graph = CellDependencies(i.cells)
        #expect(graph.dependsOn[3] == [2])
        #expect(graph.dependsOn[4] == [2])
    }

    @Test func ruleOptionsAreCheckedBeforeAnythingRuns() throws {
        let (dir, path) = try Self.file("tx.csv", Self.transactions)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let i = Interpreter(registry: StandardCommands.registry)
        let base = "stream \"\(path)\" user=customer item=item time=time amount=amount k=0 "
        for (options, message) in [("thresholds=2", "thresholds= belongs to a score: give criteria= too"),
                                   ("criteria=spend thresholds=2", "no column 'spend' in the stream's profiles"),
                                   ("criteria=frequency", "criteria= needs tiers=N or thresholds=…"),
                                   ("criteria=frequency thresholds=3,2", "thresholds must increase"),
                                   ("criteria=frequency tiers=3 labels=a,b", "3 tiers need 3 labels, got 2")] {
            guard case .failure(let m) = i.execute(base + options + " as bad") else { Issue.record("accepted: \(options)"); continue }
            #expect(m.contains(message), "\(options): \(m)")
        }
        #expect(i.workspace["bad"] == nil)
    }

    /// Board snapshots after each chunk of 3 show u0's list from popularity: after the first chunk u0
    /// has every item seen (an empty list), after the second [i3], at the end [i3, i2]; u3 arrives in
    /// the second chunk and ends with [i0, i1] (users per item: i0 3, i1 2, i3 2, i2 1).
    @Test func boardShowsTheChosenUsersListsAndReplaysByteForByte() throws {
        let (dir, path) = try Self.file("clicks.csv", Self.clicks)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let i = Interpreter(registry: StandardCommands.registry)
        _ = i.execute("load \"\(path)\" as clicks")
        let out = StreamCommandTests.text(i, "stream clicks k=0 context=device models=popular top=2 window=2 users=u0,u3 chunk=3 "
                                          + "board=yes every=1 bycontext=device as live")
        let lists = out.components(separatedBy: "\n").filter { $0.contains("user u0 · popular") }
        #expect(lists.count == 3)
        #expect(lists.map { $0.contains("(empty list)") } == [true, false, false])
        #expect(lists[1].contains("│ i3 "))
        #expect(lists[2].contains("│ i3, i2 "))
        // u3's first event is in the second chunk.
        #expect(out.components(separatedBy: "\n").filter { $0.contains("user u3 ") && $0.contains("no events yet") }.count == 1)
        // Ranks 0, 1, 0, 2: desktop holds events 4 and 8 (ranks 1, 0), mobile events 3 and 9 (0, 2).
        let by = try #require(i.workspace.table("live.bycontext"))
        #expect(Self.column(by, "device") == ["desktop", "mobile"])
        #expect(Self.column(by, "recall@2") == ["0.5", "0.5"])
        #expect(Self.column(by, "mrr") == ["0.5", "0.25"])
        #expect(Self.column(i.workspace.table("live.lists"), "items") == ["i3, i2", "i0, i1"])
        let summary = i.workspace.table("live.prequential")
        #expect(Self.column(summary, "scored") == ["4"])
        // Recorded and replayed in a fresh workspace, every snapshot prints the same bytes.
        let text = SessionDocument.render(cells: i.cells, header: .forSaving(seed: 42, inputs: i.workspace.inputs))
        let check = SessionCheck.run(SessionDocument(text: text), path: "s.strata", registry: StandardCommands.registry)
        #expect(check.passed, "\(check.report())")
    }

    @Test func usersNeedModelsAndKnownIds() throws {
        let (dir, path) = try Self.file("clicks.csv", Self.clicks)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let i = Interpreter(registry: StandardCommands.registry)
        _ = i.execute("load \"\(path)\" as clicks")
        guard case .failure(let m1) = i.execute("stream clicks k=0 users=u0 as a") else { Issue.record("accepted"); return }
        #expect(m1.contains("users= shows recommendations, and this stream feeds no recommender"))
        guard case .failure(let m2) = i.execute("stream clicks k=0 models=popular users=u7 as a") else { Issue.record("accepted"); return }
        #expect(m2.contains("user 'u7' has no event in table clicks"))
        guard case .failure(let m3) = i.execute("stream clicks k=0 models=popular bycontext=device as a") else { Issue.record("accepted"); return }
        #expect(m3.contains("the stream carries no device column"))
        #expect(i.workspace["a"] == nil)
    }

    @Test func prequentialBreaksDownByContextAndMeasuresTheSessionReRank() throws {
        let (dir, path) = try Self.file("clicks.csv", Self.clicks)
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let i = Interpreter(registry: StandardCommands.registry)
        _ = i.execute("load \"\(path)\" as clicks")
        let out = StreamCommandTests.text(i, "prequential clicks models=popular top=2 window=2 bycontext=device session=yes as p")
        #expect(out.contains("McNemar, popular vs popular+session"))
        let by = try #require(i.workspace.table("p.bycontext"))
        #expect(Self.column(by, "device") == ["desktop", "desktop", "mobile", "mobile"])
        #expect(Self.column(by, "model") == ["popular", "popular+session", "popular", "popular+session"])
        #expect(Self.column(by, "mrr")[0] == "0.5")
        #expect(Self.column(by, "mrr")[2] == "0.25")
        let hours = StreamCommandTests.text(i, "prequential clicks models=popular top=2 bycontext=hour as q")
        #expect(hours.contains("night (0–5 h)"))
    }
}
