import Testing
@testable import StrataEngine

/// Contextual post-filtering, the context request and the session re-ranker on hand-computed cases.
@Suite struct ContextPostFilterTests {
    /// A base model with fixed scores for every user.
    struct FixedScores: Recommender {
        let training: Interactions
        let scores: [Double]
        var algorithmName: String { "fixed" }
        var parameterValues: [ParameterValue] { [] }
        func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
            scores.withUnsafeBufferPointer { TopScores.select($0, count: count, exclude: exclude) }
        }
        func explain(user: Int, item: Int) -> Explanation { Explanation(item: item, reasons: ["base"]) }
    }

    /// Item 0: 3 rows on desktop, 1 on mobile; item 1: 4 on mobile. P(desktop) = 3/8.
    static func data() -> ContextualInteractions {
        let interactions = RecAlgoData.interactions(users: 2, items: 2, [(0, 0, 1), (0, 1, 1), (1, 0, 1), (1, 1, 1)], explicit: false)
        let rows = [ContextRow(user: 0, item: 0, device: 0, band: .morning), ContextRow(user: 1, item: 0, device: 0, band: .morning),
                    ContextRow(user: 0, item: 0, device: 0, band: .evening), ContextRow(user: 1, item: 0, device: 1, band: .evening),
                    ContextRow(user: 0, item: 1, device: 1, band: .evening), ContextRow(user: 1, item: 1, device: 1, band: .evening),
                    ContextRow(user: 0, item: 1, device: 1, band: .evening), ContextRow(user: 1, item: 1, device: 1, band: .evening)]
        return ContextualInteractions(interactions: interactions, vocabulary: ContextVocabulary(devices: ["desktop", "mobile"], bands: [.morning, .evening]),
                                      rows: rows, deviceColumn: "device", hourColumn: "hour")
    }

    @Test func liftIsTheSmoothedShareOverTheOverallShare() {
        let rates = ContextItemRates(Self.data(), smoothing: 2)
        // P(desktop | item 0) = (3 + 2·3/8) / (4 + 2) = 0.625 → lift 0.625 / 0.375
        #expect(abs(rates.deviceLift(item: 0, device: 0) - 0.625 / 0.375) < 1e-12)
        // P(desktop | item 1) = (0 + 0.75) / 6 = 0.125 → lift 1/3
        #expect(abs(rates.deviceLift(item: 1, device: 0) - 1.0 / 3) < 1e-12)
        // Evening: 6 of 8 rows; item 1 has all 4 there: (4 + 2·0.75) / 6 / 0.75
        #expect(abs(rates.bandLift(item: 1, band: .evening) - (5.5 / 6) / 0.75) < 1e-12)
        #expect(rates.deviceLift(item: 0, device: nil) == 1)
    }

    @Test func postFilterReordersByContextAndNamesIt() {
        let data = Self.data()
        let filter = ContextPostFiltering.wrap(FixedScores(training: data.interactions, scores: [1, 3]), data: data, smoothing: 2)
        // No context: the base list as it is.
        #expect(filter.recommend(user: 0, count: 2, exclude: []).map(\.item) == [1, 0])
        let desktop = filter.contextVocabulary.resolve(RequestedContext(device: "desktop"))
        #expect(desktop.device == 0 && desktop.fallbacks.isEmpty)
        // Scaled onto [0.5, 1]: item 0 → 0.5 × 5/3, item 1 → 1 × 1/3.
        let list = filter.recommend(user: 0, count: 2, exclude: [], in: desktop)
        #expect(list.map(\.item) == [0, 1])
        #expect(abs(list[0].score - 0.5 * 0.625 / 0.375) < 1e-12)
        #expect(abs(list[1].score - 1.0 / 3) < 1e-12)
        let why = filter.explain(user: 0, item: 0, in: desktop).reasons.map { $0.text(ids: data.interactions) }
        #expect(why == ["on desktop 1.667× its usual rate", "base"])
    }

    @Test func unseenContextValuesFallBackWithANote() {
        let vocabulary = Self.data().vocabulary
        let r = vocabulary.resolve(RequestedContext(device: "watch", hour: 3))
        #expect(r.isEmpty)
        #expect(r.fallbacks.count == 2)
        #expect(r.fallbacks[0].hasPrefix("device 'watch' was never seen in training (devices: desktop, mobile)"))
        #expect(r.fallbacks[1].hasPrefix("hour 3 falls in the night (0–5 h), which has no training rows"))
        let ok = vocabulary.resolve(RequestedContext(device: "mobile", hour: 21))
        #expect(ok.device == 1 && ok.band == .evening && ok.description == "mobile, 21 h (evening)")
        #expect(HourBand(hour: 5) == .night && HourBand(hour: 6) == .morning && HourBand(hour: 18) == .evening && HourBand(hour: 24) == nil)
    }

    struct Similarities: ItemSimilarity {
        let training: Interactions
        let lists: [Int: [Recommendation]]
        var algorithmName: String { "similar" }
        var parameterValues: [ParameterValue] { [] }
        func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] { [] }
        func explain(user: Int, item: Int) -> Explanation { Explanation(item: item, reasons: []) }
        func similarItems(to item: Int, count: Int) -> [Recommendation] { Array((lists[item] ?? []).prefix(count)) }
    }

    @Test func sessionReRankBoostsItemsLikeTheSession() {
        let training = RecAlgoData.interactions(users: 1, items: 4, [(0, 3, 1)], explicit: false)
        let similarity = Similarities(training: training, lists: [3: [Recommendation(item: 2, score: 0.8), Recommendation(item: 1, score: 0.1)]])
        let list = [Recommendation(item: 0, score: 3), Recommendation(item: 1, score: 2), Recommendation(item: 2, score: 1)]
        // Scaled: 1, 0.5, 0; plus similarity to item 3 over the strongest (0.8): item 1 → 0.625, item 2 → 1
        // (tied with item 0, which goes first by its lower index).
        let out = SessionReRanker(weight: 1).rerank(list, session: [SessionItem(item: 3, secondsAgo: 240)], similarity: similarity)
        #expect(out.map(\.recommendation.item) == [0, 2, 1])
        #expect(abs(out[1].recommendation.score - 1) < 1e-12 && abs(out[2].recommendation.score - 0.625) < 1e-12)
        #expect(out[0].reason == nil)
        #expect(out[1].reason?.text(ids: training) == "similar to i3 seen 4 min ago in this session (0.8)")
        // No session: the order stays.
        #expect(SessionReRanker().rerank(list, session: [], similarity: similarity).map(\.recommendation.item) == [0, 1, 2])
    }

    @Test func recentSessionTakesTheLast30Minutes() throws {
        let training = RecAlgoData.interactions(users: 1, items: 3, [(0, 0, 1)], explicit: false)
        let t0: Int64 = 1_700_000_000
        let table = try Table(columns: [
            Column(name: "user_id", data: .string(codes: [0, 0, 0, 0, 1], dictionary: ["u0", "u1"])),
            Column(name: "item_id", data: .string(codes: [0, 1, 2, 3, 1], dictionary: ["i0", "i1", "i2", "zz"])),
            Column(name: "timestamp", data: .timestamp([t0, t0 + 1_000, t0 + 2_500, t0 + 2_600, t0 + 2_700])),
        ])
        let found = try #require(try RecentSession.find(user: "u0", in: table, userColumn: "user_id", itemColumn: "item_id",
                                                        timeColumn: "timestamp", now: nil, training: training))
        // Now = t0 + 2600 (u0's latest); the window reaches back to t0 + 800.
        #expect(found.now == t0 + 2_600)
        #expect(found.items == [SessionItem(item: 2, secondsAgo: 100), SessionItem(item: 1, secondsAgo: 1_600)])
        #expect(found.unknownItems == 1 && found.events == 3)
        let earlier = try RecentSession.find(user: "u0", in: table, userColumn: "user_id", itemColumn: "item_id",
                                             timeColumn: "timestamp", now: t0 + 10, training: training)
        #expect(earlier?.items == [SessionItem(item: 0, secondsAgo: 10)])
    }
}
