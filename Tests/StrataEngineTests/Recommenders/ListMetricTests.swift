import Foundation
import Testing
@testable import StrataEngine

/// The worked examples of docs/metrics.md for the beyond-accuracy and rating metrics.
@Suite struct ListMetricTests {
    @Test func coverage() {
        #expect(ListMetrics.catalogCoverage([[0, 1], [1, 2]], itemCount: 4) == 0.75)
        #expect(ListMetrics.catalogCoverage([], itemCount: 4) == 0)
        #expect(ListMetrics.catalogCoverage([[9, -1]], itemCount: 4) == 0)      // out-of-range items ignored
    }

    @Test func novelty() {
        let information = [-log2(500.0 / 1000), -log2(10.0 / 1000)]
        #expect(abs(ListMetrics.novelty([0, 1], information: information)! - 3.821928094887362) < 1e-12)
        #expect(ListMetrics.novelty([], information: information) == nil)
    }

    @Test func intraListDiversity() throws {
        let features = FeatureMatrix(rowCount: 3, columnCount: 2, values: [1, 0, 0, 1, 1, 1], columnNames: ["a", "b"])
        let d = ListMetrics.cosineDissimilarity(features)
        let ild = try #require(ListMetrics.intraListDiversity([0, 1, 2], dissimilarity: d))
        #expect(abs(ild - (1 + 2 * (1 - 1 / 2.0.squareRoot())) / 3) < 1e-12)
        #expect(ListMetrics.intraListDiversity([0], dissimilarity: d) == nil)
    }

    @Test func personalization() throws {
        let p = try #require(ListMetrics.personalization([[0, 1], [0, 2], [3, 4], []], seed: 1))
        #expect(abs(p.value - (0.5 + 1 + 1) / 3) < 1e-12)
        #expect(p.usersCompared == 3 && !p.sampled)                            // the empty list is left out
        #expect(ListMetrics.personalization([[1, 2]], seed: 1) == nil)
        let many = (0..<50).map { [$0 % 7, ($0 + 1) % 7] }
        let a = try #require(ListMetrics.personalization(many, sampleLimit: 10, seed: 3))
        let b = try #require(ListMetrics.personalization(many, sampleLimit: 10, seed: 3))
        #expect(a == b && a.sampled && a.usersCompared == 10)
    }

    @Test func ratingErrors() {
        #expect(RatingErrors.rmse([3.5, 4], [4, 2]) == (4.25 / 2).squareRoot())
        #expect(RatingErrors.mae([3.5, 4], [4, 2]) == 1.25)
        #expect(RatingErrors.rmse([], []) == nil)
    }
}
