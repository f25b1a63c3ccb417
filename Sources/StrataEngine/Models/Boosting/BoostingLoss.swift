import Foundation

/// What boosting minimises, with its first and second derivatives in the raw score.
enum BoostingLoss: Sendable {
    /// Binary log-loss on the log-odds: p = 1/(1+e^−F), gradient p − y, hessian p(1 − p).
    case logLoss
    /// ½(F − y)²: gradient F − y, hessian 1.
    case squaredError

    /// The constant raw score that minimises the loss (LightGBM's `boost_from_average`, scikit-learn's
    /// baseline prediction): the log-odds of the weighted positive rate, or the weighted mean.
    func initialScore(_ y: [Double], weights: [Double]?) -> Double {
        var sum = 0.0, total = 0.0
        for i in y.indices {
            let w = weights?[i] ?? 1
            sum += w * y[i]
            total += w
        }
        let mean = total > 0 ? sum / total : 0
        switch self {
        case .squaredError: return mean
        case .logLoss:
            let p = min(max(mean, 1e-15), 1 - 1e-15)
            return log(p / (1 - p))
        }
    }

    func derivatives(target y: Double, score: Double, weight: Double) -> (gradient: Double, hessian: Double) {
        switch self {
        case .squaredError: return (weight * (score - y), weight)
        case .logLoss:
            let p = Self.sigmoid(score)
            return (weight * (p - y), weight * p * (1 - p))
        }
    }

    /// The loss of one row (log-loss in nats; squared error without the ½, as MSE).
    func loss(target y: Double, score: Double) -> Double {
        switch self {
        case .squaredError: return (score - y) * (score - y)
        case .logLoss:
            // log(1 + e^F) − yF, computed without overflow.
            let softplus = score > 0 ? score + log1p(exp(-score)) : log1p(exp(score))
            return softplus - y * score
        }
    }

    static func sigmoid(_ x: Double) -> Double {
        x >= 0 ? 1 / (1 + exp(-x)) : exp(x) / (1 + exp(x))
    }
}
