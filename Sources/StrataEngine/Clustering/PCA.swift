/// A fitted principal component analysis: the mean, the principal axes and their variances.
public struct PCAModel: Transformer {
    public let mean: [Double]
    /// `componentCount × featureCount`; row `i` is the i-th principal axis, signed so that its
    /// largest-magnitude entry is positive (scikit-learn's `svd_flip` on the components).
    public let components: FeatureMatrix
    /// Variance along each axis (denominator n − 1), largest first.
    public let explainedVariance: [Double]
    /// Each axis's share of the total variance of all features.
    public let explainedVarianceRatio: [Double]

    public var algorithmName: String { "PCA (\(components.rowCount) component\(components.rowCount == 1 ? "" : "s"))" }
    public var parameterValues: [ParameterValue] { PCAParameters(components: components.rowCount).described }

    /// Coordinates of the rows of `x` on the principal axes (`rows × componentCount`, columns PC1, PC2, …).
    /// A matrix of another width gives zero rows.
    public func transform(_ x: FeatureMatrix) -> FeatureMatrix {
        let (count, d) = (components.rowCount, components.columnCount)
        let names = (1...max(1, count)).prefix(count).map { "PC\($0)" }
        guard x.columnCount == d else { return FeatureMatrix(rowCount: 0, columnCount: count, values: [], columnNames: names) }
        var out = [Double](repeating: 0, count: x.rowCount * count)
        for i in 0..<x.rowCount {
            for c in 0..<count {
                var dot = 0.0
                for f in 0..<d { dot += (x[i, f] - mean[f]) * components[c, f] }
                out[i * count + c] = dot
            }
        }
        return FeatureMatrix(rowCount: x.rowCount, columnCount: count, values: out, columnNames: names)
    }
}

public struct PCAParameters: EstimatorParameters {
    /// How many principal axes to keep.
    public var components: Int

    public init(components: Int = 2) { self.components = components }

    public var described: [ParameterValue] { [ParameterValue("components", components, default: 2)] }
}

/// PCA from the feature covariance matrix and its eigen-decomposition (exact; meant for the
/// tens of features segmentation uses, not thousands).
public struct PCA: Estimator {
    public let parameters: PCAParameters

    public init(_ parameters: PCAParameters) { self.parameters = parameters }

    public func fit(_ x: FeatureMatrix, context _: RunContext) throws -> PCAModel {
        let components = parameters.components
        let (n, d) = (x.rowCount, x.columnCount)
        guard d > 0 else { throw EngineError("PCA needs at least one feature column") }
        guard n >= 2 else { throw EngineError("PCA needs at least 2 rows (got \(n))") }
        guard components >= 1 && components <= min(n, d) else {
            throw EngineError("PCA can give 1 to \(min(n, d)) components here (got \(components))",
                              suggestion: "the number of components is at most the number of features and of rows")
        }
        guard x.values.allSatisfy(\.isFinite) else {
            throw EngineError("PCA needs finite feature values", suggestion: "drop or impute missing values first")
        }
        var mean = [Double](repeating: 0, count: d)
        for i in 0..<n { for f in 0..<d { mean[f] += x[i, f] } }
        for f in 0..<d { mean[f] /= Double(n) }
        var covariance = [Double](repeating: 0, count: d * d)
        var centered = [Double](repeating: 0, count: d)
        for i in 0..<n {
            for f in 0..<d { centered[f] = x[i, f] - mean[f] }
            for a in 0..<d { for b in a..<d { covariance[a * d + b] += centered[a] * centered[b] } }
        }
        for a in 0..<d {
            for b in a..<d {
                covariance[a * d + b] /= Double(n - 1)
                covariance[b * d + a] = covariance[a * d + b]
            }
        }
        let (eigenvalues, vectors) = SymmetricEigen.decompose(covariance, size: d)
        let variances = eigenvalues.map { max(0, $0) }
        let total = variances.reduce(0, +)
        guard total > 0 else { throw EngineError("PCA needs variation: every feature is constant") }
        var axes = Array(vectors.prefix(components * d))
        for c in 0..<components {
            var largest = 0
            for f in 1..<max(1, d) where abs(axes[c * d + f]) > abs(axes[c * d + largest]) { largest = f }
            if axes[c * d + largest] < 0 { for f in 0..<d { axes[c * d + f] = -axes[c * d + f] } }
        }
        let explained = Array(variances.prefix(components))
        return PCAModel(
            mean: mean,
            components: FeatureMatrix(rowCount: components, columnCount: d, values: axes, columnNames: x.columnNames),
            explainedVariance: explained, explainedVarianceRatio: explained.map { $0 / total })
    }
}
