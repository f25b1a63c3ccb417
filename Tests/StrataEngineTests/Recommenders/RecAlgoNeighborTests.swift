import Foundation
import Testing
@testable import StrataEngine

/// Hand-computed similarities and kNN scores on `RecAlgoData.small`
/// (item vectors over users: i0 = (5, 4, 1), i1 = (3, -, 4), i2 = (-, 2, 5)).
@Suite struct RecAlgoNeighborTests {
    func itemKNN(_ configure: (inout NeighborhoodOptions) -> Void) throws -> ItemKNN {
        var o = NeighborhoodOptions()
        configure(&o)
        return try ItemKNN.fit(RecAlgoData.small, options: o, context: .quiet)
    }

    @Test func cosineOnValuesUsesWholeVectorNorms() throws {
        let m = try itemKNN { $0.binary = false }
        // i0·i1 = 5·3 + 1·4 = 19; ‖i0‖ = √42, ‖i1‖ = 5.
        #expect(abs(RecAlgoData.similarity(m.similar, 0, 1)! - 19 / (sqrt(42) * 5)) < 1e-6)
        // i1·i2 = 4·5 = 20; ‖i2‖ = √29.
        #expect(abs(RecAlgoData.similarity(m.similar, 1, 2)! - 20 / (5 * sqrt(29))) < 1e-6)
        #expect(abs(RecAlgoData.similarity(m.similar, 2, 1)! - 20 / (5 * sqrt(29))) < 1e-6)
    }

    @Test func shrinkageScalesByCoRatingCount() throws {
        let m = try itemKNN { $0.binary = false; $0.shrinkage = 2 }
        // i0 and i1 share users u0 and u2: n = 2, factor 2 / (2 + 2).
        #expect(abs(RecAlgoData.similarity(m.similar, 0, 1)! - 19 / (sqrt(42) * 5) * 0.5) < 1e-6)
        // i1 and i2 share u2 only: factor 1 / 3.
        #expect(abs(RecAlgoData.similarity(m.similar, 1, 2)! - 20 / (5 * sqrt(29)) / 3) < 1e-6)
    }

    @Test func binaryCosineAndJaccardCountSharedUsers() throws {
        let cosine = try itemKNN { $0.binary = true }
        // i0 has 3 users, i1 has 2, they share 2: 2 / √6.
        #expect(abs(RecAlgoData.similarity(cosine.similar, 0, 1)! - 2 / sqrt(6)) < 1e-6)
        let jaccard = try itemKNN { $0.similarity = .jaccard }
        #expect(abs(RecAlgoData.similarity(jaccard.similar, 0, 1)! - 2.0 / 3) < 1e-6)
        #expect(abs(RecAlgoData.similarity(jaccard.similar, 1, 2)! - 1.0 / 3) < 1e-6)
    }

    @Test func adjustedCosineRemovesUserMeans() throws {
        let m = try itemKNN { $0.similarity = .adjustedCosine }
        // User means 4, 3, 10/3. Centred: i1 = (-1, -, 2/3), i2 = (-, -1, 5/3).
        let expected = (2.0 / 3 * 5.0 / 3) / (sqrt(1 + 4.0 / 9) * sqrt(1 + 25.0 / 9))
        #expect(abs(RecAlgoData.similarity(m.similar, 1, 2)! - expected) < 1e-6)
    }

    @Test func pearsonCentresOnItemMeansOverCommonUsers() throws {
        let m = try itemKNN { $0.similarity = .pearson }
        // Item means 10/3, 7/2, 7/2. i1 and i2 share only u2: a' = 1/2, b' = 3/2, so r = 1.
        #expect(abs(RecAlgoData.similarity(m.similar, 1, 2)! - 1) < 1e-6)
        // i0 and i1 over u0, u2: a' = (5/3, -7/3), b' = (-1/2, 1/2): Σa'b' = -2 < 0, dropped.
        #expect(RecAlgoData.similarity(m.similar, 0, 1) == nil)
    }

    @Test func topNSumsTheKStrongestNeighbourSimilarities() throws {
        // u0 owns i0, i1. Binary cosine: s(i2, i0) = 2/√6, s(i2, i1) = 1/2.
        let k2 = try itemKNN { $0.neighbors = 2 }
        let r2 = k2.recommend(user: 0, count: 5, exclude: [0, 1])
        #expect(r2.map(\.item) == [2])
        #expect(abs(r2[0].score - (2 / sqrt(6) + 0.5)) < 1e-6)
        // With k = 1 only the stronger neighbour counts (the re-summing path).
        let k1 = try itemKNN { $0.neighbors = 1 }
        #expect(abs(k1.recommend(user: 0, count: 5, exclude: [0, 1])[0].score - 2 / sqrt(6)) < 1e-6)
        let reasons = k1.explain(user: 0, item: 2).reasons
        #expect(reasons.count == 1 && reasons[0].text(ids: k1.training).hasPrefix("similar to i0"))
        #expect(k1.similarItems(to: 2, count: 1).map(\.item) == [0])
    }

    @Test(arguments: [1, 3, 50])
    func batchTopNEqualsOneUserAtATime(neighbors: Int) throws {
        var generator = SeededGenerator(seed: 17)
        var triplets: [(Int, Int, Float)] = []
        for u in 0..<60 {
            for i in generator.sampleIndices(count: 3 + generator.nextInt(below: 20), from: 40) {
                triplets.append((u, i, Float(1 + generator.nextInt(below: 5))))
            }
        }
        let data = RecAlgoData.interactions(users: 60, items: 40, triplets)
        var o = NeighborhoodOptions()
        o.neighbors = neighbors
        o.savedNeighbors = 10
        let model = try ItemKNN.fit(data, options: o, context: .quiet)
        let users = Array(0..<60) + [-1, 60]
        let seenOut = try model.recommend(users: users, count: 7, excludeSeen: true, context: .quiet)
        let seenIn = try model.recommend(users: users, count: 7, excludeSeen: false, context: .quiet)
        for (n, u) in users.enumerated() {
            let one = model.recommend(user: u, count: 7, exclude: data.seenItems(user: u))
            #expect(seenOut[n].map(\.item) == one.map(\.item) && seenOut[n].map(\.score) == one.map(\.score))
            #expect(seenIn[n].map(\.item) == model.recommend(user: u, count: 7, exclude: []).map(\.item))
        }
    }

    @Test func ratingPredictionIsSimilarityWeightedMean() throws {
        let m = try itemKNN { $0.binary = false }
        // u1 rated i0 = 4, i2 = 2. s(i1, i0) = 19/(√42·5), s(i1, i2) = 20/(5√29).
        let a = 19 / (sqrt(42) * 5), b = 20 / (5 * sqrt(29))
        #expect(abs(m.predictRating(user: 1, item: 1)! - (4 * a + 2 * b) / (a + b)) < 1e-6)
        let centred = try itemKNN { $0.binary = false; $0.meanCentered = true }
        // Item means: i0 10/3, i1 7/2, i2 7/2.
        let expected = 3.5 + (a * (4 - 10.0 / 3) + b * (2 - 3.5)) / (a + b)
        #expect(abs(centred.predictRating(user: 1, item: 1)! - expected) < 1e-6)
    }

    @Test func userKNNScoresItemsBySimilarUsers() throws {
        var o = NeighborhoodOptions()
        o.neighbors = 2
        let m = try UserKNN.fit(RecAlgoData.small, options: o, context: .quiet)
        // Binary cosine over items: u0 {i0,i1}, u1 {i0,i2}, u2 {i0,i1,i2}.
        // s(u0,u1) = 1/2, s(u0,u2) = 2/√6. u0's candidate i2 is owned by u1 and u2.
        let r = m.recommend(user: 0, count: 3, exclude: [0, 1])
        #expect(r.map(\.item) == [2])
        #expect(abs(r[0].score - (0.5 + 2 / sqrt(6))) < 1e-6)
        // Rating prediction: (0.5·2 + (2/√6)·5) / (0.5 + 2/√6).
        let s1 = 0.5, s2 = 2 / sqrt(6)
        #expect(abs(m.predictRating(user: 0, item: 2)! - (s1 * 2 + s2 * 5) / (s1 + s2)) < 1e-6)
        #expect(m.itemSimilarity == nil && m.ratingPredictor != nil)
    }

    @Test func keptNeighboursAreCappedAndRejectBadOptions() throws {
        let capped = try itemKNN { $0.neighbors = 1; $0.savedNeighbors = 1 }
        #expect((0..<3).allSatisfy { capped.similar.range(of: $0).count <= 1 })
        #expect(throws: EngineError.self) { try itemKNN { $0.neighbors = 0 } }
        let empty = RecAlgoData.interactions(users: 1, items: 1, [])
        #expect(throws: EngineError.self) { try ItemKNN.fit(empty, options: NeighborhoodOptions(), context: .quiet) }
    }
}
