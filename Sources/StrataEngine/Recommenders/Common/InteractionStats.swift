/// Means and look-ups over interaction matrices that several recommenders share.
enum InteractionStats {
    /// Mean of each row's stored values (0 for an empty row).
    static func rowMeans(_ m: CSRMatrix) -> [Double] {
        (0..<m.rowCount).map { r in
            let lo = m.rowStart[r], hi = m.rowStart[r + 1]
            guard hi > lo else { return 0 }
            var s = 0.0
            for p in lo..<hi { s += Double(m.values[p]) }
            return s / Double(hi - lo)
        }
    }

    static func globalMean(_ m: CSRMatrix) -> Double {
        guard !m.values.isEmpty else { return 0 }
        var s = 0.0
        for v in m.values { s += Double(v) }
        return s / Double(m.values.count)
    }

}

extension FeedbackKind {
    /// The rating scale of explicit feedback; nil for implicit.
    var ratingScale: ClosedRange<Double>? {
        if case .explicit(let scale) = self { return scale }
        return nil
    }

    /// A prediction clipped to the rating scale, as Surprise does.
    func clip(_ rating: Double) -> Double {
        guard let scale = ratingScale else { return rating }
        return min(max(rating, scale.lowerBound), scale.upperBound)
    }
}
