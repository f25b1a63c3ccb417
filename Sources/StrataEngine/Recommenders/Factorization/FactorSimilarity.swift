/// Items close to an item in a factor model's latent space (cosine of their factor vectors).
enum FactorSimilarity {
    static func similarItems(to item: Int, count: Int, itemFactors: [Float], factorCount f: Int, itemCount: Int) -> [Recommendation] {
        guard item >= 0, item < itemCount else { return [] }
        func norm(_ j: Int) -> Double {
            var s = 0.0
            for x in 0..<f { s += Double(itemFactors[j * f + x]) * Double(itemFactors[j * f + x]) }
            return s.squareRoot()
        }
        let target = norm(item)
        var scores = [Double](repeating: -.infinity, count: itemCount)
        guard target > 0 else { return [] }
        for j in 0..<itemCount where j != item {
            let nj = norm(j)
            guard nj > 0 else { continue }
            var s = 0.0
            for x in 0..<f { s += Double(itemFactors[item * f + x]) * Double(itemFactors[j * f + x]) }
            scores[j] = s / (target * nj)
        }
        return TopScores.select(scores, count: count, exclude: [item])
    }
}
