import Testing
@testable import StrataEngine

/// The rating MF learnt per event, against its update rule (River's BiasedMF / FunkMF) run by hand.
@Suite struct StreamingRatingMFTests {
    @Test(arguments: [true, false])
    func equalsTheUpdateRuleRunByHand(biased: Bool) throws {
        var o = StreamingRatingMF.Options()
        o.factors = 1
        o.learnRate = 0.1
        o.regularization = 0.02
        o.biased = biased
        o.seed = 9
        var model = StreamingRatingMF(o)
        let events = [RatedInteraction(user: 0, item: 0, rating: 5), RatedInteraction(user: 1, item: 0, rating: 1),
                      RatedInteraction(user: 0, item: 0, rating: 3)]
        let predicted = events.map { model.predictThenLearn($0) }

        // By hand: factors drawn N(0, 0.1²) at first sight (u0, i0, then u1); biases start at 0.
        var g = SeededGenerator(seed: 9)
        var p = [g.nextGaussian() * 0.1, 0.0], q = g.nextGaussian() * 0.1
        var bu = [0.0, 0.0], bi = 0.0, sum = 0.0, n = 0.0
        var expected: [Double] = []
        for (e, y) in [(0, 5.0), (1, 1.0), (0, 3.0)] {
            if e == 1 && p[1] == 0 { p[1] = g.nextGaussian() * 0.1 }
            let mean = n > 0 ? sum / n : 0
            expected.append(biased ? mean + bu[e] + bi + p[e] * q : p[e] * q)
            sum += y
            n += 1
            let yhat = biased ? sum / n + bu[e] + bi + p[e] * q : p[e] * q
            let grad = 2 * (yhat - y)
            if biased {
                bu[e] -= 0.1 * grad
                bi -= 0.1 * grad
            }
            let (pe, qi) = (p[e], q)
            p[e] = pe - 0.1 * (grad * qi + 0.02 * pe)
            q = qi - 0.1 * (grad * pe + 0.02 * qi)
        }
        #expect(predicted == expected)
        let last = biased ? sum / n + bu[0] + bi + p[0] * q : p[0] * q
        #expect(model.predict(user: 0, item: 0) == last)
        #expect(model.predict(user: 2, item: 0) == nil)
        // The first prediction of a biased model is 0 + 0 + 0 + p·q: no mean yet.
        #expect(abs(predicted[0]) < 0.1)
    }
}
