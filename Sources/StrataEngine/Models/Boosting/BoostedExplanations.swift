/// Boosted models explain each row by exact TreeSHAP over their trees, on the raw-score scale
/// (log-odds for a classifier): the base score plus each tree's root value is the expected value,
/// and expected value + Σ contributions = the raw score, exactly up to rounding.
extension BoostedTrees {
    func contributions(_ x: ModelFrame) throws -> [[Double]] {
        try TreeSHAP.contributions(trees, output: 0, scale: 1, frame: try x.aligned(to: schema).frame)
    }
}

extension GradientBoostingClassifierModel: ExplainsPredictions {
    public var contributionScale: String { "log-odds of \(classes.last ?? "the second class")" }
    public var expectedValue: Double { ensemble.expectedRawScore }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] { try ensemble.contributions(x) }
}

extension GradientBoostingRegressorModel: ExplainsPredictions {
    public var contributionScale: String { "predicted value" }
    public var expectedValue: Double { ensemble.expectedRawScore }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] { try ensemble.contributions(x) }
}
