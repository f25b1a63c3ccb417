/// Gradient and hessian sums of a set of rows, and how many rows they are.
struct GradientSums: Sendable, Equatable {
    var gradient = 0.0
    var hessian = 0.0
    var count = 0.0

    static func - (a: GradientSums, b: GradientSums) -> GradientSums {
        GradientSums(gradient: a.gradient - b.gradient, hessian: a.hessian - b.hessian, count: a.count - b.count)
    }

    static func + (a: GradientSums, b: GradientSums) -> GradientSums {
        GradientSums(gradient: a.gradient + b.gradient, hessian: a.hessian + b.hessian, count: a.count + b.count)
    }

    /// The loss reduction term G²/(H+λ) (LightGBM's, without scikit-learn's factor ½).
    func score(l2: Double) -> Double { gradient * gradient / (hessian + l2) }

    /// The Newton step −G/(H+λ).
    func leafValue(l2: Double) -> Double { hessian + l2 > 0 ? -gradient / (hessian + l2) : 0 }
}

/// The best way found to split one node on one feature.
struct SplitCandidate: Sendable {
    let feature: Int
    let gain: Double
    /// Per bin (the missing bin last): whether its rows go left.
    let goesLeft: [Bool]
    let left: GradientSums
    let right: GradientSums
    /// Numeric: the last bin that goes left (its upper threshold is the raw rule); nil for categorical.
    let lastLeftBin: Int?
}

/// Finds the best split of one feature from its histogram (3 doubles per bin: gradient, hessian,
/// count), with the rules of LightGBM and scikit-learn's HistGradientBoosting.
struct SplitFinder {
    let minSamplesLeaf: Double
    let l2: Double

    /// scikit-learn's categorical constants: a category joins the sort only with this many rows in
    /// the node (and its ratio is smoothed by as much), and a side takes at most 32 categories.
    static let minCategorySupport = 10.0
    static let maxCategoriesPerSide = 32

    private func allowed(_ side: GradientSums) -> Bool {
        side.count >= minSamplesLeaf && side.hessian >= GradientBoostingParameters.minHessian
    }

    /// Numeric: every cut between bins `b` and `b+1`, with the missing rows sent left and right
    /// (when there are any), plus "every present value left, missing right". Without missing rows
    /// in training, missing goes to the side with more rows (scikit-learn's rule). Ties keep the
    /// lowest cut and missing-right first.
    func bestNumeric(feature: Int, histogram: UnsafePointer<Double>, binCount: Int, total: GradientSums) -> SplitCandidate? {
        let missing = sums(histogram, bin: binCount)
        let parentScore = total.score(l2: l2)
        var best: (gain: Double, bin: Int, missingLeft: Bool, left: GradientSums)?
        var left = GradientSums()
        for bin in 0..<binCount {
            left = left + sums(histogram, bin: bin)
            let lastCut = bin == binCount - 1
            if lastCut && missing.count == 0 { break }
            for missingLeft in [false, true] where !missingLeft || (missing.count > 0 && !lastCut) {
                let l = missingLeft ? left + missing : left
                let r = total - l
                guard allowed(l) && allowed(r) else { continue }
                let gain = l.score(l2: l2) + r.score(l2: l2) - parentScore
                if gain > (best?.gain ?? 0) { best = (gain, bin, missingLeft, l) }
            }
        }
        guard let best else { return nil }
        var goesLeft = [Bool](repeating: false, count: binCount + 1)
        for bin in 0...best.bin { goesLeft[bin] = true }
        let right = total - best.left
        goesLeft[binCount] = missing.count > 0 ? best.missingLeft : best.left.count >= right.count
        return SplitCandidate(feature: feature, gain: best.gain, goesLeft: goesLeft, left: best.left, right: right,
                              lastLeftBin: best.bin)
    }

    /// Categorical (LightGBM's method as scikit-learn implements it): the categories with at least
    /// `minCategorySupport` rows, missing counted as one more category, sorted by G/(H + 10); the
    /// left side is a run of at most 32 (and at most half) of them from either end of that order.
    /// Rare categories, and categories unseen in this node, go right.
    func bestCategorical(feature: Int, histogram: UnsafePointer<Double>, binCount: Int, total: GradientSums) -> SplitCandidate? {
        var used: [(bin: Int, ratio: Double, sums: GradientSums)] = []
        for bin in 0...binCount {
            let s = sums(histogram, bin: bin)
            if s.count >= Self.minCategorySupport {
                used.append((bin, s.gradient / (s.hessian + Self.minCategorySupport), s))
            }
        }
        used.sort { $0.ratio != $1.ratio ? $0.ratio < $1.ratio : $0.bin < $1.bin }
        let limit = min(Self.maxCategoriesPerSide, (used.count + 1) / 2)
        let parentScore = total.score(l2: l2)
        var best: (gain: Double, fromEnd: Bool, length: Int, left: GradientSums)?
        for fromEnd in [false, true] {
            var left = GradientSums()
            for k in 0..<limit {
                left = left + used[fromEnd ? used.count - 1 - k : k].sums
                let right = total - left
                guard allowed(left) && allowed(right) else { continue }
                let gain = left.score(l2: l2) + right.score(l2: l2) - parentScore
                if gain > (best?.gain ?? 0) { best = (gain, fromEnd, k + 1, left) }
            }
        }
        guard let best else { return nil }
        var goesLeft = [Bool](repeating: false, count: binCount + 1)
        for k in 0..<best.length { goesLeft[used[best.fromEnd ? used.count - 1 - k : k].bin] = true }
        return SplitCandidate(feature: feature, gain: best.gain, goesLeft: goesLeft, left: best.left,
                              right: total - best.left, lastLeftBin: nil)
    }

    @inline(__always)
    private func sums(_ histogram: UnsafePointer<Double>, bin: Int) -> GradientSums {
        GradientSums(gradient: histogram[3 * bin], hessian: histogram[3 * bin + 1], count: histogram[3 * bin + 2])
    }
}
