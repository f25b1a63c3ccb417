import Foundation
import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `stream … models=… session=yes`: each model beside itself re-ranked by the user's current
/// session (the last 30 minutes), in the stream's metrics, board and lists, with McNemar between
/// them, on a tiny stream worked by hand; a replay prints the same bytes.
@Suite(.serialized) struct StreamSessionCommandTests {
    /// Items and users get ids in order of arrival (i0…i4, u0…u6). Scored events: u0's i1 and u1's
    /// i3 (items nobody had: misses) and u4's i2 at `last`. Before it, users per item are i0 2,
    /// i1 1, i2 2, i3 2 (u4's, left out), so popularity's top 1 is i0 (the tie goes to the lower
    /// index): a miss. u4's session is i3, seen 10 s before; item-kNN on the events so far has
    /// sim(i3, i2) = 1/(√2·√2) = 0.5, its only similarity, so the re-rank scales the pool
    /// [i0 2, i2 2, i1 1] to [1, 1, 0] and adds 0.5/0.5 = 1 to i2: top 1 is i2, a hit.
    static func clicks(last: String, then: (String, String)) -> String {
        """
        user_id,item_id,timestamp
        u0,i0,2024-01-01 00:00:00
        u0,i1,2024-01-01 00:00:10
        u1,i2,2024-01-01 00:00:20
        u1,i3,2024-01-01 00:00:30
        u2,i2,2024-01-01 00:00:40
        u3,i0,2024-01-01 00:00:50
        u4,i3,2024-01-01 00:01:00
        u4,i2,2024-01-01 \(last)
        u6,i4,2024-01-01 \(then.0)
        u5,i1,2024-01-01 \(then.1)

        """
    }

    static func numbers(_ t: Table?, _ name: String) -> [Double] {
        guard let t, let c = t.column(name), case .float(let v) = c.data else { return [] }
        return v
    }

    /// The interpreter, the output, and the directory of the CSV (the caller removes it).
    static func run(_ text: String, _ line: String) throws -> (Interpreter, String, String) {
        let (dir, path) = try StreamRulesCommandTests.file("clicks.csv", text)
        let i = Interpreter(registry: StandardCommands.registry)
        _ = i.execute("load \"\(path)\" as clicks")
        return (i, StreamCommandTests.text(i, line), dir)
    }

    @Test func theSessionReRankHitsWhereTheModelMissesAndMcNemarSaysSo() throws {
        let (i, out, dir) = try Self.run(Self.clicks(last: "00:01:10", then: ("00:01:15", "00:01:20")),
                                    "stream clicks k=0 models=popular top=1 session=yes users=u4,u5 chunk=3 board=yes every=1 as live")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try #require(i.workspace.table("live.prequential"))
        #expect(StreamRulesCommandTests.column(summary, "model") == ["popular", "popular+session"])
        #expect(StreamRulesCommandTests.column(summary, "scored") == ["3", "3"])
        #expect(Self.numbers(summary, "recall") == [0, 1.0 / 3])
        #expect(Self.numbers(summary, "mrr") == [0, 1.0 / 3])
        // Only the re-rank hit, once: M = (0 − 1)² / 1 = 1, p = P(χ²₁ > 1) = 0.3173.
        #expect(out.contains("McNemar, popular vs popular+session"))
        #expect(out.contains("last 3 scored events: only popular hit 0, only popular+session hit 1; M = 1, p = 0.3173"))
        #expect(out.contains("MODEL+session: the model's top max(100, 5 × 1) at the event's time re-ranked"))
        // The board shows both models' recall over the window (3 events a chunk: the hit is in the third).
        let boardLines = out.components(separatedBy: "\n").filter { $0.contains("popular+session recall@1") }
        #expect(boardLines.count == 4)
        #expect(boardLines.last?.contains("0.3333") == true)
        // The lists at the last event (u5's i1 at 00:01:20): u5's session is i1, whose only similar
        // item is i0 (u0 had both: 1/(√2·√2) = 0.5). Popularity ranks i2 3, i0 2, i3 2, i4 1 (u5's i1
        // left out): scaled 1, 0.5, 0.5, 0, and i0 gains 1, so i0 (1.5) passes i2 (1). u4's session
        // items are both seen and like nothing left: the same list as without it.
        #expect(StreamRulesCommandTests.column(i.workspace.table("live.lists"), "items") == ["i0", "i0", "i2", "i0"])
        #expect(StreamRulesCommandTests.column(i.workspace.table("live.lists"), "model")
                == ["popular", "popular+session", "popular", "popular+session"])
        // Recorded and replayed in a fresh workspace, the same bytes.
        let text = SessionDocument.render(cells: i.cells, header: .forSaving(seed: 42, inputs: i.workspace.inputs))
        let check = SessionCheck.run(SessionDocument(text: text), path: "s.strata", registry: StandardCommands.registry)
        #expect(check.passed, "\(check.report())")
    }

    @Test func thirtyOneMinutesLaterTheSessionIsOverAndTheListsAgree() throws {
        let (i, out, dir) = try Self.run(Self.clicks(last: "00:32:00", then: ("00:32:05", "00:32:10")),
                                    "stream clicks k=0 models=popular top=1 session=yes as live")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        let summary = try #require(i.workspace.table("live.prequential"))
        #expect(Self.numbers(summary, "recall") == [0, 0])
        #expect(out.contains("only popular hit 0, only popular+session hit 0; M = 0, p = 1"))
    }

    @Test func sessionNeedsModelsAndIsKeptWhenTheStreamContinues() throws {
        let (i, _, dir) = try Self.run(Self.clicks(last: "00:01:10", then: ("00:01:15", "00:01:20")), "stream clicks k=0 models=itemknn session=yes until=2024-01-01 as s")
        defer { try? FileManager.default.removeItem(atPath: dir) }
        guard case .failure(let m) = i.execute("stream clicks k=0 session=yes as t") else { Issue.record("accepted"); return }
        #expect(m.contains("session=yes re-ranks the recommenders' lists, and this stream feeds none"))
        #expect(i.workspace["t"] == nil)
        let more = StreamCommandTests.text(i, "stream clicks as s")
        #expect(more.contains("itemknn+session"))
    }
}
