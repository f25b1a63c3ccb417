/// Row subsets of training data, for splits and folds.
extension ClassificationData {
    public func takingRows(_ rows: [Int]) -> ClassificationData {
        ClassificationData(frame: frame.takingRows(rows),
                           target: ClassTarget(labels: rows.map { target.labels[$0] }, classes: target.classes),
                           weights: weights.map { w in rows.map { w[$0] } })
    }
}

extension RegressionData {
    public func takingRows(_ rows: [Int]) -> RegressionData {
        RegressionData(frame: frame.takingRows(rows), target: rows.map { target[$0] },
                       weights: weights.map { w in rows.map { w[$0] } })
    }
}
