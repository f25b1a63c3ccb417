extension ModelFrame {
    /// This frame with feature `index` replaced (same row count), for explanations that perturb
    /// one feature and predict again.
    func replacingFeature(_ index: Int, with feature: Feature) throws -> ModelFrame {
        var features = self.features
        features[index] = feature
        return try ModelFrame(rowCount: rowCount, features: features)
    }

    /// The index of the feature named `name`, or an error naming the features there are.
    public func featureIndex(named name: String) throws -> Int {
        guard let index = features.firstIndex(where: { $0.name == name }) else {
            throw EngineError("the model has no feature '\(name)'",
                              suggestion: Suggestions.columnHint(for: name, among: featureNames))
        }
        return index
    }
}

extension ModelFrame.Feature {
    /// The values reordered so row i takes the value of row `order[i]`.
    func permuted(_ order: [Int]) -> ModelFrame.Feature { takingRows(order) }

    /// Every row set to one value: a number (NaN for missing) or, for a categorical feature, a
    /// code (-1 for missing).
    func constant(_ value: Double) -> ModelFrame.Feature {
        switch self {
        case .numeric(let name, let values):
            return .numeric(name: name, values: [Double](repeating: value, count: values.count))
        case .categorical(let name, let codes, let levels):
            let code: Int32 = value.isNaN ? -1 : Int32(value)
            return .categorical(name: name, codes: [Int32](repeating: code, count: codes.count), levels: levels)
        }
    }
}
