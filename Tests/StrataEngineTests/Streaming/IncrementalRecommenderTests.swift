import Foundation
import Testing
@testable import StrataEngine

/// The incremental recommenders against their batch counterparts and hand-run update rules.
@Suite struct IncrementalRecommenderTests {
    /// A seeded random stream with repeated pairs: 1 500 events, 60 users, 40 items, popular items
    /// more likely (so the item-kNN top-k cut is exercised).
    static func stream(seed: UInt64 = 7) -> [StreamInteraction] {
        var g = SeededGenerator(seed: seed)
        return (0..<1_500).map { t in
            let item = min(g.nextInt(below: 40), g.nextInt(below: 40))
            return StreamInteraction(user: Int32(g.nextInt(below: 60)), item: Int32(item), time: Int64(t * 60))
        }
    }

    /// The same events as batch interactions, built independently of the streaming code, with
    /// indices equal to the stream's.
    static func batch(_ events: [StreamInteraction]) -> Interactions {
        let users = Int(events.map(\.user).max() ?? 0) + 1, items = Int(events.map(\.item).max() ?? 0) + 1
        let build = CSRMatrix.fromTriplets(rows: events.map(\.user), columns: events.map(\.item),
                                           values: [Double](repeating: 1, count: events.count),
                                           rowCount: users, columnCount: items, duplicates: .max)
        return Interactions(userIds: (0..<users).map(String.init), itemIds: (0..<items).map(String.init),
                            byUser: build.matrix, kind: .implicit)
    }

    /// Each user's list from the incremental model equals the batch model's (items and scores).
    func expectSameLists(_ incremental: some StreamingRecommender, _ batch: some Recommender, count: Int) {
        let data = batch.training
        var history = InteractionHistory()
        for u in 0..<data.userCount {
            for i in data.byUser.row(u).indices { history.record(user: Int32(u), item: i) }
        }
        var scratch = StreamScratch()
        for u in 0..<data.userCount {
            let mine = incremental.recommend(user: u, count: count, seen: history.items(of: u), scratch: &scratch)
            let theirs = batch.recommend(user: u, count: count, exclude: data.seenItems(user: u))
            #expect(mine == theirs, "user \(u)")
        }
    }

    @Test func popularityFedAllEventsEqualsBatchPopularity() throws {
        let events = Self.stream()
        let model = try DecayedPopularity().updated(with: events, context: .quiet)
        expectSameLists(model, PopularRecommender(training: Self.batch(events)), count: 10)
    }

    @Test func itemKNNFedAllEventsEqualsBatchItemKNN() throws {
        let events = Self.stream()
        let model = try IncrementalItemKNN(neighbors: 5).updated(with: events, context: .quiet)
        var o = NeighborhoodOptions()
        o.neighbors = 5
        o.savedNeighbors = 0
        let batch = try ItemKNN.fit(Self.batch(events), options: o, context: .quiet)
        expectSameLists(model, batch, count: 10)
        // And the similarities themselves, as the batch model stores them.
        for p in batch.similar.range(of: 3) {
            #expect(model.similarity(3, Int(batch.similar.neighbors[p])) == Double(batch.similar.similarities[p]))
        }
    }

    @Test func itemKNNLearnedInTwoHalvesEqualsOnePass() throws {
        let events = Self.stream(seed: 11)
        let whole = try IncrementalItemKNN().updated(with: events, context: .quiet)
        let halves = try IncrementalItemKNN().updated(with: events[..<700], context: .quiet).updated(with: events[700...], context: .quiet)
        var s = StreamScratch()
        for u in 0..<60 {
            #expect(whole.recommend(user: u, count: 5, seen: [], scratch: &s) == halves.recommend(user: u, count: 5, seen: [], scratch: &s))
        }
    }

    @Test func updatedLeavesTheOriginalAsItWas() throws {
        let empty = IncrementalItemKNN()
        let learned = try empty.updated(with: Self.stream(), context: .quiet)
        var s = StreamScratch()
        #expect(empty.recommend(user: 0, count: 5, seen: [0], scratch: &s).isEmpty)
        #expect(!learned.recommend(user: 0, count: 5, seen: [0], scratch: &s).isEmpty)
        #expect(learned.memoryBytes > empty.memoryBytes)
    }

    @Test func popularityHalfLifeHalvesOldUsers() throws {
        let h: Int64 = 3_600
        // Two users take item 0 at t = 0, one takes item 1 at t = h: at t = h, 2·½ = 1 = 1·1.
        let events = [StreamInteraction(user: 0, item: 0, time: 0), StreamInteraction(user: 1, item: 0, time: 0),
                      StreamInteraction(user: 2, item: 1, time: h)]
        let model = try DecayedPopularity(halfLife: Double(h)).updated(with: events, context: .quiet)
        #expect(model.score(item: 0) == 1)
        #expect(model.score(item: 1) == 1)
        var s = StreamScratch()
        #expect(model.recommend(user: 3, count: 2, seen: [], scratch: &s).map(\.item) == [0, 1])
        // A third user at t = 2h lifts item 1 above: 2·¼ = 0.5 against 1·½ + 1 = 1.5.
        let later = try model.updated(with: [StreamInteraction(user: 3, item: 1, time: 2 * h)], context: .quiet)
        #expect(later.score(item: 0) == 0.5)
        #expect(later.score(item: 1) == 1.5)
        #expect(later.recommend(user: 4, count: 2, seen: [], scratch: &s).map(\.item) == [1, 0])
    }

    @Test func popularityRescalingKeepsTheOrder() throws {
        // 600 half-lives apart: the weights are rescaled by 2^-512 and the order survives.
        let events = [StreamInteraction(user: 0, item: 0, time: 0), StreamInteraction(user: 1, item: 1, time: 600),
                      StreamInteraction(user: 2, item: 2, time: 600)]
        let model = try DecayedPopularity(halfLife: 1).updated(with: events, context: .quiet)
        var s = StreamScratch()
        #expect(model.recommend(user: 3, count: 3, seen: [], scratch: &s).map(\.item) == [1, 2, 0])
        #expect(model.score(item: 1) == 1)
    }

    @Test func isgdEqualsTheUpdateRuleRunByHand() throws {
        var o = IncrementalSGD.Options()
        o.factors = 2
        o.learnRate = 0.1
        o.regularization = 0.05
        o.seed = 3
        let events = [StreamInteraction(user: 0, item: 0, time: 0), StreamInteraction(user: 1, item: 0, time: 1),
                      StreamInteraction(user: 0, item: 1, time: 2), StreamInteraction(user: 0, item: 0, time: 3)]
        let model = try IncrementalSGD(o).updated(with: events, context: .quiet)

        // By hand: vectors drawn N(0, 0.1²) at first sight in stream order (u0, i0, u1, i1).
        var g = SeededGenerator(seed: 3)
        func draw() -> [Double] { [g.nextGaussian() * 0.1, g.nextGaussian() * 0.1] }
        var a = [draw(), [0.0, 0.0]], b = [draw(), [0.0, 0.0]]
        func step(_ u: Int, _ i: Int) {
            let err = 1 - (a[u][0] * b[i][0] + a[u][1] * b[i][1])
            for k in 0..<2 { a[u][k] += 0.1 * (err * b[i][k] - 0.05 * a[u][k]) }
            for k in 0..<2 { b[i][k] += 0.1 * (err * a[u][k] - 0.05 * b[i][k]) }
        }
        step(0, 0)
        a[1] = draw()
        step(1, 0)
        b[1] = draw()
        step(0, 1)
        step(0, 0)
        #expect(model.userFactors == a[0] + a[1])
        #expect(model.itemFactors == b[0] + b[1])
        // Lists rank by closeness of the prediction to 1.
        let p0 = model.predict(user: 1, item: 0) ?? 0, p1 = model.predict(user: 1, item: 1) ?? 0
        var s = StreamScratch()
        let list = model.recommend(user: 1, count: 2, seen: [], scratch: &s)
        #expect(list.map(\.item) == (abs(1 - p0) <= abs(1 - p1) ? [0, 1] : [1, 0]))
        #expect(list.first?.score == -min(abs(1 - p0), abs(1 - p1)))
    }

    @Test func alsFoldInSolvesTheNormalEquations() {
        // Items y0 = (1, 0), y1 = (0.5, 1); λ = 0.1, α = 1 (c = 2).
        // G = YᵀY + λI = [[1.35, 0.5], [0.5, 1.1]]; with both items A = G + y0y0ᵀ + y1y1ᵀ
        // = [[2.6, 1], [1, 2.1]], b = 2(y0 + y1) = (3, 2); det 4.46; x = (4.3, 2.2) / 4.46.
        let y: [Float] = [1, 0, 0.5, 1]
        let gram = [1.35, 0.5, 0.5, 1.1]
        let x = FoldInALS.foldIn(items: [0, 1], itemFactors: y, fittedItems: 2, gram: gram, factors: 2, alpha: 1)
        #expect(abs(x[0] - 4.3 / 4.46) < 1e-12)
        #expect(abs(x[1] - 2.2 / 4.46) < 1e-12)
        // One item: A = G + y1y1ᵀ = [[1.6, 1], [1, 2.1]], b = (1, 2); det 2.36; x = (0.1, 2.2) / 2.36.
        let one = FoldInALS.foldIn(items: [1], itemFactors: y, fittedItems: 2, gram: gram, factors: 2, alpha: 1)
        #expect(abs(one[0] - 0.1 / 2.36) < 1e-12)
        #expect(abs(one[1] - 2.2 / 2.36) < 1e-12)
        // An item after the last refit (index 2) has no factors and is left out.
        #expect(FoldInALS.foldIn(items: [1, 2], itemFactors: y, fittedItems: 2, gram: gram, factors: 2, alpha: 1) == one)
    }

    @Test func alsRefitsEveryPeriodAndFoldsUsersIn() throws {
        var o = ImplicitALSOptions(seed: 1)
        o.factors = 3
        o.iterations = 3
        o.solver = .cholesky
        let events = Self.stream()
        // 1 500 events a minute apart, refit every 6 hours: the clock starts at 0, refits at 360 and 720 min…
        let model = try FoldInALS(options: o, period: 6 * 3_600).updated(with: events, context: .quiet)
        #expect(model.refits == 4)
        var s = StreamScratch()
        #expect(model.recommend(user: 0, count: 5, seen: [], scratch: &s).count == 5)
        #expect(model.memoryBytes > 0)
    }

    @Test func batchEveryPeriodRefitsOnEverythingSoFar() throws {
        let events = Self.stream()
        let weekly = StreamingModelSettings().batch(.popular).map { m -> any StreamingRecommender in m }
        guard var model = weekly else { Issue.record("no batch popularity"); return }
        model = try model.updated(with: events, context: .quiet)
        var s = StreamScratch()
        // The default period (7 days) is never reached by a 25-hour stream: no model yet.
        #expect(model.recommend(user: 0, count: 3, seen: [], scratch: &s).isEmpty)
        var hourly = PeriodicBatchRecommender(name: "popularity", period: 3_600) { d, c in try PopularityEstimator().fit(d, context: c) }
        hourly = try hourly.updated(with: events, context: .quiet)
        #expect(hourly.refits == 24)
        // The last refit was at the first event at or past 24 h (event 1440) and includes it.
        let atRefit = PopularRecommender(training: Self.batch(Array(events[...1440])))
        #expect(hourly.recommend(user: 0, count: 10, seen: [], scratch: &s) == atRefit.recommend(user: 0, count: 10, exclude: []))
    }
}
