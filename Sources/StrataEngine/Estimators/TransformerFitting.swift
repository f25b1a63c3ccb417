extension Estimator where TrainingData == FeatureMatrix, Model: Transformer {
    /// Fits, then transforms the rows fitted on (scikit-learn's `fit_transform`).
    public func fitTransform(_ x: FeatureMatrix, context: RunContext = .quiet) throws -> (FeatureMatrix, Model) {
        let model = try fit(x, context: context)
        return (try model.transform(x), model)
    }
}
