import Foundation
import Testing
@testable import StrataEngine

/// Prequential metrics and the sliding McNemar test on a stream computed by hand.
@Suite struct PrequentialTests {
    static func e(_ u: Int32, _ i: Int32, _ t: Int64) -> StreamInteraction { StreamInteraction(user: u, item: i, time: t) }

    /// Popularity, top 2. By hand (pop = users per item before the event; lists leave out the user's items):
    ///  1 u0 i0  new user          2 u1 i0  new user
    ///  3 u0 i1  pop i0=2; list [] → miss (i1 never seen)  4 u1 i1  pop i0=2 i1=1; list [i1] → rank 1
    ///  5 u2 i0  new user          6 u3 i3  new user    7 u0 i0  repeat
    ///  8 u2 i2  pop i0=3 i1=2 i3=1; list [i1, i3] → miss (i2 never seen)
    ///  9 u2 i3  pop i0=3 i1=2 i2=1 i3=1; leaving out i0, i2: [i1, i3] → rank 2
    static let stream = [e(0, 0, 1), e(1, 0, 2), e(0, 1, 3), e(1, 1, 4), e(2, 0, 5), e(3, 3, 6), e(0, 0, 7), e(2, 2, 8), e(2, 3, 9)]

    func run(window: Int, fading: Double, pointEvery: Int? = nil) throws -> PrequentialConsumer {
        var settings = PrequentialSettings()
        settings.top = 2
        settings.window = window
        settings.fading = fading
        settings.pointEvery = pointEvery
        var consumer = try PrequentialConsumer(models: [("pop", DecayedPopularity())], settings: settings)
        _ = try consumer.consume(Self.stream, context: .quiet)
        return consumer
    }

    @Test func countsFollowTheProtocol() throws {
        let c = try run(window: 2, fading: 0.5).counts
        #expect(c == PrequentialCounts(events: 9, eligible: 4, scored: 4, newUsers: 4, repeats: 1, newItems: 2))
    }

    @Test func slidingWindowMetricsEqualHandComputation() throws {
        // Ranks 0, 1, 0, 2; the window of 2 holds the last two (0, 2).
        let m = try run(window: 2, fading: 0.5).entries[0].metrics
        let w = try #require(m.windowed)
        #expect(w.recall == 0.5)
        #expect(abs(w.ndcg - (1 / log2(3.0)) / 2) < 1e-15)
        #expect(w.mrr == 0.25)
        let all = try #require(m.overall)
        #expect(all.recall == 0.5)
        #expect(abs(all.ndcg - (1 + 1 / log2(3.0)) / 4) < 1e-15)
        #expect(all.mrr == 1.5 / 4)
    }

    @Test func fadingFactorMetricsEqualHandComputation() throws {
        // α = ½: S = x₄ + ½x₃ + ¼x₂ + ⅛x₁ and N = 1 + ½ + ¼ + ⅛ = 1.875.
        let f = try #require(try run(window: 2, fading: 0.5).entries[0].metrics.faded)
        #expect(abs(f.recall - 1.25 / 1.875) < 1e-15)
        #expect(abs(f.ndcg - (1 / log2(3.0) + 0.25) / 1.875) < 1e-15)
        #expect(abs(f.mrr - 0.75 / 1.875) < 1e-15)
    }

    @Test func seriesHasAPointEveryStepScoredEvents() throws {
        let c = try run(window: 3, fading: 0.9, pointEvery: 2)
        #expect(c.series.map(\.events) == [4, 9])
        #expect(c.series.map(\.time) == [4, 9])
        // After two scored events (ranks 0, 1): recall 0.5 over the window.
        #expect(c.series.first?.windowed.recall == 0.5)
        #expect(c.entries[0].hits == [false, true, false, true])
    }

    @Test func chunkedConsumptionEqualsOnePass() throws {
        var settings = PrequentialSettings()
        settings.top = 2
        var chunked = try PrequentialConsumer(models: [("pop", DecayedPopularity()), ("knn", IncrementalItemKNN())], settings: settings)
        _ = try chunked.consume(Self.stream[..<4], context: .quiet)
        let snapshots = try chunked.consume(Self.stream[4...], context: .quiet)
        var whole = try PrequentialConsumer(models: [("pop", DecayedPopularity()), ("knn", IncrementalItemKNN())], settings: settings)
        try whole.consumeInPlace(Self.stream, context: .quiet)
        #expect(snapshots == whole.snapshots)
        #expect(chunked.counts == whole.counts)
    }

    @Test func mcnemarEqualsStatsmodels() {
        // statsmodels: mcnemar([[3, 7], [2, 5]], exact=False, correction=False).
        let r = SlidingMcNemar.test(onlyFirst: 7, onlySecond: 2)
        #expect(abs(r.statistic - 2.7777777777777777) < 1e-12)
        #expect(abs(r.pValue - 0.09558070454562936) < 1e-10)
        #expect(SlidingMcNemar.test(onlyFirst: 0, onlySecond: 0).pValue == 1)
    }

    @Test func slidingMcNemarCountsOnlyTheWindow() {
        var m = SlidingMcNemar(window: 3)
        // (A, B): (1,0) (1,0) (0,1) (1,1) (0,1): the last three are (0,1) (1,1) (0,1).
        for (a, b) in [(true, false), (true, false), (false, true), (true, true), (false, true)] { m.add(first: a, second: b) }
        #expect(m.result.onlyFirst == 0)
        #expect(m.result.onlySecond == 2)
        #expect(m.result.statistic == 2)
    }

    @Test func badSettingsAreRefused() {
        var s = PrequentialSettings()
        s.fading = 1.5
        #expect(throws: EngineError.self) { try PrequentialConsumer(models: [("pop", DecayedPopularity())], settings: s) }
        #expect(throws: EngineError.self) { try PrequentialConsumer(models: [], settings: PrequentialSettings()) }
    }

    @Test func periodsParseAndPrint() {
        #expect(StreamPeriod.seconds("7d") == 604_800)
        #expect(StreamPeriod.seconds("30m") == 1_800)
        #expect(StreamPeriod.seconds("0d") == nil)
        #expect(StreamPeriod.seconds("7x") == nil)
        #expect(StreamPeriod.describe(seconds: 604_800) == "1w")
        #expect(StreamPeriod.describe(seconds: 86_400 * 3) == "3d")
    }
}
