import Testing
@testable import StrataEngine

/// `PopularityFallback` and the evaluator's cold=serve, and structured reasons.
@Suite struct ColdStartFallbackTests {
    /// Popularity: i2 (3 users) > i0 (2) > i1 (1) = i3 (1); u3 has no interaction.
    static let data = RecAlgoData.interactions(users: 4, items: 4, [(0, 0, 5), (0, 2, 4), (1, 2, 3), (1, 1, 2), (2, 0, 4), (2, 2, 5), (2, 3, 1)])

    @Test func coldUsersGetTheTrainingPopularity() throws {
        let knn = try ItemKNN.fit(Self.data, options: NeighborhoodOptions(), context: RunContext())
        #expect(knn.coldStart == nil)
        let wrapped = ColdStart.applying(popularFallback: true, to: knn)
        let fallback = try #require(wrapped.popularFallback)
        #expect(fallback.isCold(user: -1) && fallback.isCold(user: 9) && fallback.isCold(user: 3) && !fallback.isCold(user: 0))
        #expect(fallback.recommendForUnknownUser(count: 3, exclude: []).map(\.item) == [2, 0, 1])
        #expect(fallback.recommend(user: 3, count: 2, exclude: []).map(\.item) == [2, 0])   // known, no history
        #expect(fallback.recommend(user: 0, count: 3, exclude: [0, 2]) == knn.recommend(user: 0, count: 3, exclude: [0, 2]))
        let batch = try fallback.recommend(users: [0, 3, 1], count: 2, excludeSeen: true, context: RunContext())
        #expect(batch == [knn.recommend(user: 0, count: 2, exclude: [0, 2]), fallback.recommendForUnknownUser(count: 2, exclude: []),
                          knn.recommend(user: 1, count: 2, exclude: [1, 2])])
        #expect(fallback.explain(user: -1, item: 2).reasons.first?.text(ids: Self.data).contains("popularity rank 1") == true)
        // Models with their own rule keep it; without fallback nothing is wrapped.
        #expect(ColdStart.applying(popularFallback: true, to: PopularRecommender(training: Self.data)).model is PopularRecommender)
        #expect(ColdStart.applying(popularFallback: false, to: knn).popularFallback == nil)
    }

    @Test func switchingHybridServesOnlyWhenItsFallbackCan() throws {
        let knn = try ItemKNN.fit(Self.data, options: NeighborhoodOptions(), context: RunContext())
        let withPopular = try SwitchingHybrid(primary: ("k", knn), fallback: ("p", PopularRecommender(training: Self.data)), threshold: 2)
        #expect(withPopular.servesUnknownUsers && withPopular.coldStart != nil)
        let withKNN = try SwitchingHybrid(primary: ("k", knn), fallback: ("k2", knn), threshold: 2)
        #expect(!withKNN.servesUnknownUsers && withKNN.coldStart == nil)
        #expect(ColdStart.applying(popularFallback: true, to: withKNN).popularFallback != nil)
    }

    @Test func evaluatorServesColdTestUsers() throws {
        let knn = try ItemKNN.fit(Self.data, options: NeighborhoodOptions(), context: RunContext())
        // Test users: u0 (known) and "stranger", who liked i2, the most popular item.
        let test = Interactions(userIds: ["u0", "stranger"], itemIds: ["i1", "i2"],
                                byUser: CSRMatrix(rowCount: 2, columnCount: 2, rowStart: [0, 1, 2], indices: [0, 1], values: [5, 5]),
                                kind: .explicit(scale: 1...5))
        var options = EvaluationOptions(k: 1)
        options.metrics = [.hitrate]
        options.coldUsers = .serve
        let served = try RecommenderEvaluator.evaluate(PopularityFallback(knn), test: test, options: options, context: RunContext())[0]
        #expect(served.counts.evaluatedUsers == 2 && served.perUser[.hitrate]?[1] == 1)
        let unserved = try RecommenderEvaluator.evaluate(knn, test: test, options: options, context: RunContext())[0]
        #expect(unserved.perUser[.hitrate]?[1] == 0 && unserved.counts.emptyLists == 1)
        options.coldUsers = .skip
        #expect(try RecommenderEvaluator.evaluate(PopularityFallback(knn), test: test, options: options, context: RunContext())[0]
            .counts.evaluatedUsers == 1)
    }

    @Test func reasonsKeepItemsAndUsersApart() {
        let r: Reason = "similar to \(item: 2) (0.5) via \(user: 1)"
        #expect(r.parts == [.text("similar to "), .item(2), .text(" (0.5) via "), .user(1)])
        #expect(r.items == [2])
        #expect(r.text(ids: Self.data) == "similar to i2 (0.5) via u1")
        #expect(r.text(item: { $0 == 2 ? "Lamp" : "?" }, user: { "user \($0)" }) == "similar to Lamp (0.5) via user 1")
        let prefixed: Reason = "knn: \(r)"
        #expect(prefixed.parts.first == .text("knn: similar to ") && prefixed.items == [2])
        #expect((r + " rated 5").text(ids: Self.data) == "similar to i2 (0.5) via u1 rated 5")
        #expect(Reason(item: 9).text(ids: Self.data) == "#9")
    }
}

extension Reason {
    init(item: Int) { self.init(parts: [.item(item)]) }
}
