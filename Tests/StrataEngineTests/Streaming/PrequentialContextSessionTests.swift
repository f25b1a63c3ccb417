import Foundation
import Testing
@testable import StrataEngine

/// Prequential metrics per context, and the session re-rank measured prequentially, on streams
/// worked by hand.
@Suite struct PrequentialContextSessionTests {
    static func e(_ u: Int32, _ i: Int32, _ t: Int64) -> StreamInteraction { StreamInteraction(user: u, item: i, time: t) }

    /// `PrequentialTests.stream` scores events 2, 3, 7 and 8 with ranks 0, 1, 0, 2. Grouping events
    /// by the parity of their position: group 0 holds ranks 0 and 2, group 1 ranks 1 and 0.
    @Test func metricsPerContextAverageTheGroupsScoredEvents() throws {
        var settings = PrequentialSettings()
        settings.top = 2
        var consumer = try PrequentialConsumer(models: [("pop", DecayedPopularity())], settings: settings)
        _ = try consumer.consume(PrequentialTests.stream, context: .quiet)
        #expect(consumer.scoredEvents == [2, 3, 7, 8])
        #expect(consumer.entries[0].ranks == [0, 1, 0, 2])
        let by = PrequentialByContext(consumer, groups: 2) { $0 % 2 }
        #expect(by.rows.map(\.group) == [0, 1])
        #expect(by.rows.map(\.scored) == [2, 2])
        #expect(by.rows[0].values.recall == 0.5)
        #expect(by.rows[0].values.mrr == 0.25)
        #expect(abs(by.rows[0].values.ndcg - 1 / log2(3.0) / 2) < 1e-15)
        #expect(by.rows[1].values == PrequentialMetrics.Values(recall: 0.5, ndcg: 0.5, mrr: 0.5))
        #expect(by.missing == 0)
        // Events with no context are counted, not scored in any group.
        #expect(PrequentialByContext(consumer, groups: 2) { $0 == 8 ? nil : $0 % 2 }.missing == 1)
    }

    /// Popularity with and without the session re-rank, top 2. Before u4's second event (t = 70):
    /// users per item i0 = 2, i1 = 1, i2 = 2, i3 = 2 (u4 has i3, left out), so popularity lists
    /// [i0, i2] and i2 is rank 2. u4's session is i3 seen 10 s before; item-kNN on the events so far
    /// has sim(i3, i2) = c/(√n₃√n₂) = 1/(√2·√2) = 0.5, the only similarity, so the re-rank scales
    /// the pool [i0 2, i2 2, i1 1] to [1, 1, 0] and adds 0.5/0.5 = 1 to i2: [i2, i0], rank 1. The
    /// two earlier scored events are items nobody had (misses for both).
    @Test func theSessionReRankMovesTheSessionsNeighbourUp() throws {
        func run(lastTime: Int64) throws -> PrequentialConsumer {
            var settings = PrequentialSettings()
            settings.top = 2
            var c = try PrequentialConsumer(models: [("pop", DecayedPopularity()), ("pop+session", SessionReRankedStream(DecayedPopularity()))],
                                            settings: settings)
            let stream = [Self.e(0, 0, 0), Self.e(0, 1, 10), Self.e(1, 2, 20), Self.e(1, 3, 30), Self.e(2, 2, 40), Self.e(3, 0, 50),
                          Self.e(4, 3, 60), Self.e(4, 2, lastTime)]
            _ = try c.consume(stream, context: .quiet)
            return c
        }
        let within = try run(lastTime: 70)
        #expect(within.entries[0].ranks == [0, 0, 2])
        #expect(within.entries[1].ranks == [0, 0, 1])
        #expect(within.entries[1].metrics.overall?.mrr == 1.0 / 3)
        // 31 minutes after i3 the session is over: the same list as without the re-rank.
        let after = try run(lastTime: 60 + 31 * 60)
        #expect(after.entries[1].ranks == after.entries[0].ranks)
        #expect(after.entries[1].ranks == [0, 0, 2])
    }

    @Test func streamingItemKNNListsItsMostSimilarItems() throws {
        var knn = IncrementalItemKNN()
        for ev in [Self.e(0, 0, 0), Self.e(0, 1, 1), Self.e(1, 0, 2), Self.e(1, 2, 3), Self.e(2, 0, 4), Self.e(2, 1, 5)] {
            try knn.learn(ev, context: .quiet)
        }
        // n0 = 3, n1 = 2, n2 = 1; c01 = 2, c02 = 1: sim(0,1) = 2/√6, sim(0,2) = 1/√3.
        let similar = knn.similarItems(to: 0, count: 5)
        #expect(similar.map(\.item) == [1, 2])
        #expect(similar[0].score == Double(Float(2 / ((2.0).squareRoot() * (3.0).squareRoot()))))
        #expect(knn.similarItems(to: 9, count: 5).isEmpty)
    }
}
