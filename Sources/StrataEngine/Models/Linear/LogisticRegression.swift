import Foundation

/// L2-penalised logistic regression for a binary target, as scikit-learn's
/// `LogisticRegression(C=…)` behind a `StandardScaler`: it minimises
/// ½‖w‖² + C Σᵢ sᵢ · logloss(yᵢ, σ(b + xᵢ·w)) on the standardised design (`LinearEncoding`), the
/// intercept unpenalised, by Newton's method (IRLS) with a backtracking line search.
public struct LogisticRegressionParameters: EstimatorParameters, Equatable {
    /// Inverse penalty strength (scikit-learn's C): larger means less shrinkage.
    public var c: Double = 1
    public var maxIterations: Int = 100
    /// Stop when the largest gradient component is below this.
    public var tolerance: Double = 1e-10

    public init(c: Double = 1, maxIterations: Int = 100) {
        self.c = c
        self.maxIterations = maxIterations
    }

    public var described: [ParameterValue] {
        [ParameterValue("C", c, default: 1), ParameterValue("max_iter", maxIterations, default: 100)]
    }
}

public struct LogisticRegression: Estimator {
    public let parameters: LogisticRegressionParameters
    public init(_ parameters: LogisticRegressionParameters = .init()) { self.parameters = parameters }

    public func fit(_ data: ClassificationData, context: RunContext) throws -> LogisticRegressionModel {
        let classes = data.target.classes
        guard classes.count == 2 else {
            throw EngineError("logistic regression needs a target with exactly two classes; it has \(classes.count)")
        }
        guard parameters.c > 0, parameters.c.isFinite else { throw EngineError("C must be a positive number") }
        let frame = data.frame
        let n = frame.rowCount
        guard data.target.labels.count == n else { throw EngineError("the target has \(data.target.labels.count) values for \(n) rows") }
        let s = data.weights ?? Array(repeating: 1, count: n)
        guard s.count == n else { throw EngineError("\(s.count) weights for \(n) rows") }
        let y = data.target.labels.map { $0 == 1 ? 1.0 : 0.0 }
        guard y.contains(1), y.contains(0) else {
            throw EngineError("the target has only one class (\(classes[y.contains(1) ? 1 : 0])) in the training rows")
        }
        let encoding = try LinearEncoding(fitting: frame, weights: data.weights)
        let x = try encoding.standardizedDesign(frame)
        let p = encoding.usedColumns.count
        let m = p + 1  // weights, then the intercept
        let c = parameters.c

        var beta = [Double](repeating: 0, count: m)
        func objective(_ b: [Double]) -> Double {
            var loss = 0.0
            for i in 0..<n {
                var z = b[p]
                for j in 0..<p { z += x[i * p + j] * b[j] }
                // log(1 + e^z) − y z, computed without overflow.
                let softplus = z > 0 ? z + log1p(exp(-z)) : log1p(exp(z))
                loss += s[i] * (softplus - y[i] * z)
            }
            var penalty = 0.0
            for j in 0..<p { penalty += b[j] * b[j] }
            return 0.5 * penalty + c * loss
        }

        var iterations = 0
        var converged = false
        var current = objective(beta)
        while iterations < parameters.maxIterations {
            try context.cancellation.check()
            iterations += 1
            var gradient = [Double](repeating: 0, count: m)
            var hessian = [Double](repeating: 0, count: m * m)
            var row = [Double](repeating: 1, count: m)
            for i in 0..<n {
                var z = beta[p]
                for j in 0..<p { row[j] = x[i * p + j]; z += row[j] * beta[j] }
                let prob = 1 / (1 + exp(-z))
                let r = c * s[i] * (prob - y[i])
                let h = c * s[i] * prob * (1 - prob)
                for a in 0..<m {
                    gradient[a] += r * row[a]
                    let ha = h * row[a]
                    guard ha != 0 else { continue }
                    for b in 0...a { hessian[a * m + b] += ha * row[b] }
                }
            }
            for j in 0..<p { gradient[j] += beta[j]; hessian[j * m + j] += 1 }
            for a in 0..<m { for b in 0..<a { hessian[b * m + a] = hessian[a * m + b] } }
            if gradient.map(abs).max() ?? 0 < parameters.tolerance { converged = true; break }
            // A tiny ridge on the intercept keeps the system definite when probabilities saturate.
            hessian[m * m - 1] += 1e-12
            guard let step = DenseSolve.solve(hessian, gradient) else {
                throw EngineError("logistic regression: the Newton system is singular (try a smaller C)")
            }
            var t = 1.0
            var accepted = false
            for _ in 0..<40 {
                let candidate = zip(beta, step).map { $0 - t * $1 }
                let value = objective(candidate)
                if value <= current + 1e-14 * abs(current) {
                    beta = candidate
                    current = value
                    accepted = true
                    break
                }
                t /= 2
            }
            if !accepted { converged = true; break }  // no descent left at machine precision
        }
        let predictor = LinearPredictor(encoding: encoding, standardizedWeights: Array(beta[0..<p]), standardizedIntercept: beta[p])
        return LogisticRegressionModel(parameters: parameters, classes: classes, predictor: predictor,
                                       iterations: iterations, converged: converged)
    }
}

public struct LogisticRegressionModel: Classifier, ExplainsPredictions, Equatable {
    public let parameters: LogisticRegressionParameters
    /// classes[1] is the positive class: the one whose log-odds the coefficients give.
    public let classes: [String]
    public let predictor: LinearPredictor
    public let iterations: Int
    public let converged: Bool

    public var algorithmName: String { "logistic regression (C=\(DescribeFormat.number(parameters.c)))" }
    public var parameterValues: [ParameterValue] { parameters.described }

    public func predictProbabilities(_ x: ModelFrame) throws -> [[Double]] {
        try predictor.scores(x).map { z in
            let p = 1 / (1 + exp(-z))
            return [1 - p, p]
        }
    }

    public var featureImportances: [Double]? { predictor.featureImportances }

    public var contributionScale: String { "log-odds" }
    public var expectedValue: Double { predictor.expectedScore }
    public func contributions(_ x: ModelFrame) throws -> [[Double]] { try predictor.contributions(x) }
}
