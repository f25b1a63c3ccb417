/// Least squares with an optional L2 penalty, as scikit-learn's `Ridge(alpha=…)` (alpha > 0) or
/// `LinearRegression` (alpha = 0) behind a `StandardScaler`: it minimises
/// Σᵢ sᵢ (yᵢ − b − xᵢ·w)² + alpha ‖w‖² on the standardised design, the intercept unpenalised,
/// solved exactly from the centred normal equations.
public struct LinearRegressionParameters: EstimatorParameters, Equatable {
    /// The L2 penalty; 0 is ordinary least squares.
    public var alpha: Double
    public init(alpha: Double = 0) { self.alpha = alpha }

    public var described: [ParameterValue] { alpha == 0 ? [] : [ParameterValue("alpha", alpha, default: 1)] }
}

public struct LinearRegression: Estimator {
    public let parameters: LinearRegressionParameters
    public init(_ parameters: LinearRegressionParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: RegressionData, context: RunContext) throws -> LinearRegressionModel {
        let alpha = parameters.alpha
        guard alpha >= 0, alpha.isFinite else { throw EngineError("alpha must be 0 or more") }
        let frame = data.frame
        let n = frame.rowCount
        guard data.target.count == n else { throw EngineError("the target has \(data.target.count) values for \(n) rows") }
        guard !data.target.contains(where: { !$0.isFinite }) else { throw EngineError("the target has missing or infinite values") }
        let s = data.weights ?? Array(repeating: 1, count: n)
        guard s.count == n else { throw EngineError("\(s.count) weights for \(n) rows") }
        // Without a penalty all levels of a category plus the intercept are collinear: drop the first.
        let encoding = try LinearEncoding(fitting: frame, weights: data.weights, dropFirstLevel: alpha == 0)
        let x = try encoding.standardizedDesign(frame)
        let p = encoding.usedColumns.count
        if alpha == 0, p >= n {
            throw EngineError("least squares needs more rows than columns: \(n) rows for \(p) columns (use ridge)")
        }
        let totalWeight = s.reduce(0, +)
        let yMean = zip(s, data.target).reduce(0) { $0 + $1.0 * $1.1 } / totalWeight
        // The standardised columns have weighted mean 0, so the intercept is ȳ and w solves
        // (XᵀSX + αI) w = XᵀS(y − ȳ).
        var gram = [Double](repeating: 0, count: p * p)
        var rhs = [Double](repeating: 0, count: p)
        for i in 0..<n {
            if i & 4095 == 0 { try context.cancellation.check() }
            let r = s[i] * (data.target[i] - yMean)
            for a in 0..<p {
                let xa = s[i] * x[i * p + a]
                rhs[a] += r * x[i * p + a]
                guard xa != 0 else { continue }
                for b in 0...a { gram[a * p + b] += xa * x[i * p + b] }
            }
        }
        for a in 0..<p {
            gram[a * p + a] += alpha
            for b in 0..<a { gram[b * p + a] = gram[a * p + b] }
        }
        var w: [Double] = []
        if p > 0 {
            guard let solved = DenseSolve.solve(gram, rhs) else {
                throw EngineError("least squares: features are collinear (one is a combination of others); use ridge or drop one")
            }
            w = solved
        }
        let predictor = LinearPredictor(encoding: encoding, standardizedWeights: w, standardizedIntercept: yMean)
        return LinearRegressionModel(parameters: parameters, predictor: predictor)
    }
}

public struct LinearRegressionModel: Regressor, ExplainsPredictions, Equatable {
    public let parameters: LinearRegressionParameters
    public let predictor: LinearPredictor

    public var algorithmName: String {
        parameters.alpha == 0 ? "linear regression" : "ridge regression (alpha=\(DescribeFormat.number(parameters.alpha)))"
    }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func predict(_ x: ModelFrame) throws -> [Double] { try predictor.scores(x) }
    public var featureImportances: [Double]? { predictor.featureImportances }

    public var contributionScale: String { "value" }
    public var expectedValue: Double { predictor.expectedScore }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] { try predictor.contributions(x) }
}
