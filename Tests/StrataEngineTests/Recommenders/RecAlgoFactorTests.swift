import Foundation
import Testing
@testable import StrataEngine

@Suite struct RecAlgoFactorTests {
    /// 3 users × 4 items, implicit strengths.
    static let tiny = RecAlgoData.interactions(users: 3, items: 4, [(0, 0, 1), (0, 2, 3), (1, 1, 2), (1, 2, 1), (1, 3, 1), (2, 3, 4)],
                                               explicit: false)
    static let items: [Double] = [0.3, -0.2, 0.5, 0.1, -0.4, 0.6, 0.2, 0.7]   // 4 items × 2 factors

    /// x_u = (YᵀY + λI + Σ (c−1) y yᵀ)⁻¹ Σ c y, solved here with the 2×2 inverse.
    static func directSolve(user: Int, alpha: Double, lambda: Double) -> [Double] {
        let y = items
        var a = [0.0, 0.0, 0.0, 0.0], b = [0.0, 0.0]
        for i in 0..<4 {
            a[0] += y[2 * i] * y[2 * i]; a[1] += y[2 * i] * y[2 * i + 1]; a[3] += y[2 * i + 1] * y[2 * i + 1]
        }
        a[0] += lambda; a[3] += lambda
        let row = tiny.byUser.row(user)
        for (i, r) in zip(row.indices, row.values) {
            let c = 1 + alpha * Double(r), y0 = y[2 * Int(i)], y1 = y[2 * Int(i) + 1]
            a[0] += (c - 1) * y0 * y0; a[1] += (c - 1) * y0 * y1; a[3] += (c - 1) * y1 * y1
            b[0] += c * y0; b[1] += c * y1
        }
        a[2] = a[1]
        let det = a[0] * a[3] - a[1] * a[2]
        return [(a[3] * b[0] - a[1] * b[1]) / det, (a[0] * b[1] - a[2] * b[0]) / det]
    }

    @Test(arguments: [ALSSolver.cholesky, ALSSolver.cg])
    func alsHalfStepMatchesDirectSolve(solver: ALSSolver) throws {
        var o = ImplicitALSOptions(seed: 1)
        o.factors = 2
        o.alpha = 2
        o.regularization = 0.1
        o.binary = false
        o.solver = solver
        o.cgSteps = 2   // conjugate gradient is exact in f = 2 steps
        var x = [Float](repeating: 0.01, count: 6)
        try ALSHalfStep(options: o).solve(rows: &x, fixed: Self.items.map { Float($0) }, interactions: Self.tiny.byUser,
                                          context: .quiet)
        // The factors are single precision (the exact solve is done in Double, then stored).
        for u in 0..<3 {
            let expected = Self.directSolve(user: u, alpha: 2, lambda: 0.1)
            #expect(abs(Double(x[2 * u]) - expected[0]) < 1e-5 && abs(Double(x[2 * u + 1]) - expected[1]) < 1e-5)
        }
    }

    @Test func alsIsDeterministicAndExplainsByContributions() throws {
        var o = ImplicitALSOptions(seed: 5)
        o.factors = 3
        o.iterations = 4
        let a = try ImplicitALS.fit(Self.tiny, options: o, context: .quiet)
        let b = try ImplicitALS.fit(Self.tiny, options: o, context: .quiet)
        #expect(a.userFactors == b.userFactors && a.itemFactors == b.itemFactors)
        // The contributions of a user's items add up to the exact solve's score.
        let recs = a.recommend(user: 0, count: 2, exclude: [0, 2])
        #expect(recs.count == 2 && a.ratingPredictor == nil && a.itemSimilarity != nil && a.batchRecommender != nil)
        #expect(!a.explain(user: 2, item: 3).reasons.isEmpty)
        let batch = try a.recommend(users: [0, 1, 2], count: 4, excludeSeen: true, context: .quiet)
        #expect(batch[0].map(\.item) == recs.map(\.item))
        #expect(batch[0].map(\.score) == recs.map(\.score))
    }

    @Test func oneSGDEpochByHand() throws {
        // One user, two items, one factor: replay the generator in the documented order
        // (user factors, item factors, then the epoch's shuffle) and apply Surprise's updates by hand.
        let data = RecAlgoData.interactions(users: 1, items: 2, [(0, 0, 4), (0, 1, 2)])
        var o = BiasedMFOptions(seed: 11)
        o.factors = 1
        o.epochs = 1
        o.learningRate = 0.1
        o.regularization = 0.05
        let model = try BiasedMF.fit(data, options: o, context: .quiet)
        // The model trains in single precision; so does this replay.
        var g = SeededGenerator(seed: 11)
        var p = Float(0.1 * g.nextGaussian())
        var q = [Float(0.1 * g.nextGaussian()), Float(0.1 * g.nextGaussian())]
        var order = [0, 1]
        g.shuffle(&order)
        let ratings: [Float] = [4, 2], mu: Float = 3, lr: Float = 0.1, reg: Float = 0.05
        var bu: Float = 0, bi: [Float] = [0, 0]
        for i in order {
            let err = ratings[i] - (mu + bu + bi[i] + p * q[i])
            bu += lr * (err - reg * bu)
            bi[i] += lr * (err - reg * bi[i])
            let (pOld, qOld) = (p, q[i])
            p += lr * (err * qOld - reg * pOld)
            q[i] += lr * (err * pOld - reg * qOld)
        }
        #expect(model.userBias[0] == bu)
        #expect(model.itemBias[0] == bi[0] && model.itemBias[1] == bi[1])
        #expect(model.userFactors[0] == p)
        #expect(model.itemFactors[1] == q[1])
        #expect(abs(model.predictRating(user: 0, item: 0)! - Double(mu + bu + bi[0] + p * q[0])) < 1e-6)
        #expect(model.recommendForUnknownUser(count: 1, exclude: []).first?.item == (bi[0] >= bi[1] ? 0 : 1))
    }

    @Test func mfRefusesImplicitFeedbackAndPredictionsAreClipped() throws {
        #expect(throws: EngineError.self) { try BiasedMF.fit(Self.tiny, options: BiasedMFOptions(seed: 1), context: .quiet) }
        var o = BiasedMFOptions(seed: 1)
        o.epochs = 200
        o.learningRate = 0.05
        o.regularization = 0
        let model = try BiasedMF.fit(RecAlgoData.small, options: o, context: .quiet)
        for u in 0..<3 { for i in 0..<3 { #expect((1...5).contains(model.predictRating(user: u, item: i)!)) } }
    }

    @Test func choleskySolvesAndRefusesIndefiniteMatrices() {
        let x = DenseSolve.solve([4, 2, 2, 3], [2, 1])
        #expect(x != nil && abs(x![0] - 0.5) < 1e-12 && abs(x![1]) < 1e-12)
        #expect(DenseSolve.solve([1, 2, 2, 1], [1, 1]) == nil)
    }
}
