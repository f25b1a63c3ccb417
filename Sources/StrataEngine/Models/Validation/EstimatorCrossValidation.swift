/// Cross-validation of any estimator of the models family: fit on each fold's training rows,
/// predict its test rows.
extension CrossValidation {
    /// Out-of-fold probabilities of `data.target.classes[positiveClass]`.
    public static func classifier<E: Estimator>(_ estimator: E, data: ClassificationData, positiveClass: Int,
                                                folds: Folds, parallel: Bool = true,
                                                context: RunContext) throws -> CrossValidatedScores
    where E.TrainingData == ClassificationData, E.Model: Classifier, E.Model.Features == ModelFrame {
        guard data.target.classes.indices.contains(positiveClass) else {
            throw EngineError("positive class \(positiveClass) is not one of the \(data.target.classes.count) classes")
        }
        let positiveName = data.target.classes[positiveClass]
        return try binaryScores(folds, isPositive: data.target.labels.map { $0 == positiveClass }, parallel: parallel,
                                context: context) { fold, foldContext in
            let model = try estimator.fit(data.takingRows(fold.trainRows), context: foldContext)
            return try positiveProbabilities(model, data.frame.takingRows(fold.testRows), positiveName: positiveName)
        }
    }

    /// Out-of-fold predictions of a regressor.
    public static func regressor<E: Estimator>(_ estimator: E, data: RegressionData, folds: Folds, parallel: Bool = true,
                                               context: RunContext) throws -> CrossValidatedPredictions
    where E.TrainingData == RegressionData, E.Model: Regressor, E.Model.Features == ModelFrame {
        try predictions(folds, actual: data.target, parallel: parallel, context: context) { fold, foldContext in
            let model = try estimator.fit(data.takingRows(fold.trainRows), context: foldContext)
            return try model.predict(data.frame.takingRows(fold.testRows))
        }
    }

    /// A classifier's probability of the class named `positiveName` for every row.
    public static func positiveProbabilities<M: Classifier>(_ model: M, _ x: M.Features, positiveName: String) throws -> [Double] {
        guard let column = model.classes.firstIndex(of: positiveName) else {
            throw EngineError("the model was trained without any row of class '\(positiveName)'",
                              suggestion: "every training part needs both classes: use stratified folds")
        }
        return try model.predictProbabilities(x).map { $0.indices.contains(column) ? $0[column] : .nan }
    }
}
