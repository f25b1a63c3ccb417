import Foundation
import Testing
@testable import StrataEngine

@Suite struct RecAlgoContentHybridTests {
    /// Items i0 "art|books" (cat X, price 10), i1 "art" (X, 20), i2 "cooking" (Y, 30); u0 rated i0 = 5, i2 = 1.
    static let data = RecAlgoData.interactions(users: 2, items: 3, [(0, 0, 5), (0, 2, 1), (1, 1, 4)])
    static let items = try! Table(columns: [
        Column.fromValues(name: "id", type: .string, values: ["i0", "i1", "i2"].map { .string($0) }),
        Column.fromValues(name: "tags", type: .string, values: ["art|books", "art", "cooking"].map { .string($0) }),
        Column.fromValues(name: "cat", type: .string, values: ["X", "X", "Y"].map { .string($0) }),
        Column.fromValues(name: "price", type: .float, values: [10.0, 20, 30].map { .float($0) }),
    ])

    @Test func tfidfBlocksAreScaledThenNormalised() throws {
        let f = try ItemFeatures.build(from: Self.items, spec: ContentSpec(idColumn: "id", textColumns: ["tags"]), training: Self.data)
        // idf = ln((1 + 3) / (1 + df)) + 1: art appears in 2 items, books and cooking in 1.
        let idfA = log(4.0 / 3) + 1, idfB = log(2.0) + 1
        let names = f.range(of: 0).map { f.featureNames[Int(f.features[$0])] }
        let weights = f.range(of: 0).map { Double(f.weights[$0]) }
        #expect(names == ["tags:art", "tags:books"])
        let norm = (idfA * idfA + idfB * idfB).squareRoot()
        #expect(abs(weights[0] - idfA / norm) < 1e-6 && abs(weights[1] - idfB / norm) < 1e-6)
        // Category and scaled price blocks each have unit length before the whole vector is scaled.
        let mixed = try ItemFeatures.build(from: Self.items, spec: ContentSpec(idColumn: "id", categoryColumns: ["cat"], numericColumns: ["price"]),
                                           training: Self.data)
        let i1 = mixed.range(of: 1).map { (mixed.featureNames[Int(mixed.features[$0])], Double(mixed.weights[$0])) }
        #expect(i1.map(\.0) == ["cat=X", "price"])
        #expect(abs(i1[0].1 - 1 / sqrt(2)) < 1e-6 && abs(i1[1].1 - 1 / sqrt(2)) < 1e-6)   // price 20 scales to 0.5, then unit block
    }

    @Test func profileFollowsLikedContent() throws {
        let model = try ContentRecommender(training: Self.data, items: Self.items, spec: ContentSpec(idColumn: "id", textColumns: ["tags"]))
        // u0 liked i0 (5, above their mean 3) and disliked i2 (1): i1 shares the tag art with i0.
        let r = model.recommend(user: 0, count: 3, exclude: [0, 2])
        #expect(r.map(\.item) == [1] && r[0].score > 0)
        #expect(model.explain(user: 0, item: 1).reasons == ["matches tags:art"])
        #expect(model.similarItems(to: 0, count: 2).map(\.item) == [1])
        #expect(model.recommend(user: 5, count: 3, exclude: []).isEmpty)
    }

    /// A recommender with fixed scores, for hybrid arithmetic.
    struct Fixed: RatingPredictor {
        let training: Interactions
        let scores: [Double]
        var algorithmName: String { "fixed" }
        var parameterValues: [ParameterValue] { [] }
        func recommend(user: Int, count: Int, exclude: Set<Int>) -> [Recommendation] {
            TopScores.select(scores, count: count, exclude: exclude)
        }
        func predictRating(user: Int, item: Int) -> Double? { scores[item] }
        func explain(user: Int, item: Int) -> Explanation { Explanation(item: item, reasons: ["fixed \(scores[item])"]) }
    }

    @Test func weightedBlendNormalisesEachList() throws {
        let a = Fixed(training: Self.data, scores: [10, 20, 30]), b = Fixed(training: Self.data, scores: [3, 2, 1])
        let minmax = try WeightedHybrid(components: [.init(name: "a", model: a, weight: 0.75), .init(name: "b", model: b, weight: 0.25)],
                                        normalization: .minmax)
        // Min-max: a → (0, 0.5, 1), b → (1, 0.5, 0). Blend: i0 0.25, i1 0.5, i2 0.75.
        let r = minmax.recommend(user: 0, count: 3, exclude: [])
        #expect(r.map(\.item) == [2, 1, 0])
        #expect(zip(r.map(\.score), [0.75, 0.5, 0.25]).allSatisfy { abs($0 - $1) < 1e-12 })
        #expect(abs(minmax.predictRating(user: 0, item: 0)! - (0.75 * 10 + 0.25 * 3)) < 1e-12)
        // z: a → (−1.2247, 0, 1.2247), b → (1.2247, 0, −1.2247); equal weights tie at 0, lower index first.
        let z = try WeightedHybrid(components: [.init(name: "a", model: a, weight: 1), .init(name: "b", model: b, weight: 1)],
                                   normalization: .z)
        #expect(z.recommend(user: 0, count: 3, exclude: []).map(\.item) == [0, 1, 2])
        #expect(throws: EngineError.self) {
            try WeightedHybrid(components: [.init(name: "a", model: a, weight: 0)], normalization: .minmax)
        }
    }

    @Test func switchingServesShortHistoriesFromTheFallback() throws {
        let a = Fixed(training: Self.data, scores: [1, 2, 3]), b = Fixed(training: Self.data, scores: [3, 2, 1])
        let s = try SwitchingHybrid(primary: ("a", a), fallback: ("b", b), threshold: 2)
        #expect(s.recommend(user: 0, count: 1, exclude: []).map(\.item) == [2])   // u0 has 2 interactions
        #expect(s.recommend(user: 1, count: 1, exclude: []).map(\.item) == [0])   // u1 has 1
        #expect(s.explain(user: 1, item: 0).reasons == ["b: fixed 3.0"])
        let other = RecAlgoData.interactions(users: 2, items: 4, [(0, 0, 1)])
        #expect(throws: EngineError.self) {
            try SwitchingHybrid(primary: ("a", a), fallback: ("c", Fixed(training: other, scores: [1, 1, 1, 1])), threshold: 1)
        }
    }

    @Test func segmentPopularityRanksWithinTheSegment() throws {
        let data = RecAlgoData.interactions(users: 3, items: 2, [(0, 0, 1), (1, 1, 1), (2, 1, 1)], explicit: false)
        let users = try Table(columns: [
            Column.fromValues(name: "user", type: .string, values: ["u0", "u1", "u2"].map { .string($0) }),
            Column.fromValues(name: "seg", type: .string, values: ["A", "B", "B"].map { .string($0) }),
        ])
        let m = try SegmentPopularRecommender(training: data, users: users, userColumn: "user", segmentColumn: "seg")
        #expect(m.recommend(user: 0, count: 1, exclude: []).map(\.item) == [0])   // segment A's own favourite
        #expect(m.recommendForUnknownUser(count: 1, exclude: []).map(\.item) == [1])
    }

    @Test func contextFilterKeepsOneContext() throws {
        let t = try Table(columns: [Column.fromValues(name: "device", type: .string, values: ["mobile", "web", "mobile"].map { .string($0) })])
        #expect(try ContextFilter.rows(t, column: "device", equals: "mobile").rowCount == 2)
        #expect(throws: EngineError.self) { try ContextFilter.rows(t, column: "device", equals: "tv") }
    }
}
