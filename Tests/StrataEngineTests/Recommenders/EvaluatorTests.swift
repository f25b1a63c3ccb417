import Foundation
import Testing
@testable import StrataEngine

@Suite struct EvaluatorTests {
    static func interactions(_ rows: [(String, String, Double)]) -> Interactions {
        let t = try! Table(columns: [
            Column.fromValues(name: "u", type: .string, values: rows.map { .string($0.0) }),
            Column.fromValues(name: "i", type: .string, values: rows.map { .string($0.1) }),
            Column(name: "r", data: .float(rows.map(\.2))),
        ])
        return try! Interactions.build(from: t, spec: InteractionSpec(user: "u", item: "i", feedback: .rating(column: "r", scale: 1...5)),
                                       context: .quiet).interactions
    }

    // Popularity in training: A 3 users, B 2, C 2, D 1 → list A, B, C, D (B before C: lower index).
    static let training = interactions([
        ("u1", "A", 5), ("u2", "A", 4), ("u3", "A", 3), ("u1", "B", 2), ("u2", "C", 4), ("u3", "B", 1), ("u4", "C", 5), ("u4", "D", 2),
    ])

    @Test func popularityTiesAndExclusions() {
        let pop = PopularRecommender(training: Self.training)
        #expect(pop.recommend(user: 0, count: 10, exclude: []).map(\.item) == [0, 1, 2, 3])
        #expect(pop.recommend(user: 0, count: 2, exclude: [0]).map(\.item) == [1, 2])
        #expect(pop.recommend(user: 0, count: 0, exclude: []).isEmpty)
        #expect(pop.ratingPredictor == nil && pop.itemSimilarity == nil && pop.coldStart != nil)
    }

    @Test func protocolCountsAndValues() throws {
        // u1 (seen A, B) gets C, D; u2 (seen A, C) gets B, D; u4 (seen C, D) gets A, B.
        let test = Self.interactions([
            ("u1", "C", 4), ("u1", "E", 5),       // C hit at rank 1; E unknown to training
            ("u2", "D", 2),                       // below threshold 3: u2 has no relevant item
            ("u4", "B", 5),                       // hit at rank 2
            ("u9", "A", 4),                       // user absent from training
        ])
        var options = EvaluationOptions(k: 2)
        options.relevanceThreshold = 3
        options.metrics = EvaluationMetric.allCases
        let r = try RecommenderEvaluator.evaluate(PopularRecommender(training: Self.training), test: test, options: options, context: .quiet)[0]
        #expect(r.userIds == ["u1", "u4"])
        #expect(r.counts.testUsers == 4 && r.counts.usersAbsentFromTraining == 1 && r.counts.usersWithoutRelevant == 1)
        #expect(r.counts.relevantAbsentFromTraining == 1 && r.counts.emptyLists == 0)
        #expect(r.perUser[.precision] == [0.5, 0.5])
        #expect(r.perUser[.recall] == [0.5, 1])
        #expect(r.perUser[.mrr] == [1, 0.5])
        #expect(r.value(.hitrate) == 1)
        let ndcgU1: Double = 1 / (1 + 1 / log2(3.0))          // ideal counts the unknown item E
        let ndcgU4: Double = 1 / log2(3.0)
        #expect(r.value(.ndcg) == (ndcgU1 + ndcgU4) / 2)
        #expect(r.value(.coverage) == 1)                      // u1: C, D; u4: A, B
        #expect(r.value(.rmse) == .some(nil))                 // popularity predicts no ratings
    }
}
