import Foundation

/// BG/NBD (Fader, Hardie & Lee 2005, "Counting Your Customers the Easy Way"): while alive, a
/// customer buys as a Poisson process with rate λ ~ Gamma(r, α); after each purchase they drop
/// out with probability p ~ Beta(a, b). Fitted by maximum likelihood on (x, tₓ, T).
public struct BetaGeoParameters: EstimatorParameters {
    public init() {}
    public var described: [ParameterValue] { [ParameterValue("time unit", "day")] }
}

public struct BetaGeoEstimator: Estimator {
    public let parameters: BetaGeoParameters
    public init(_ parameters: BetaGeoParameters = BetaGeoParameters()) { self.parameters = parameters }

    static let logCap = 18.0

    /// Minimizes the mean negative log-likelihood over log(r, α, a, b) by Nelder–Mead from
    /// log-parameters 0.1 (lifetimes' start), with times scaled so the largest T is 1 (as lifetimes
    /// does, for conditioning); α is scaled back afterwards.
    public func fit(_ data: RepeatPurchaseSummary, context: RunContext) throws -> BetaGeoModel {
        guard data.count >= 2 else {
            throw EngineError("BG/NBD needs at least 2 customers, got \(data.count)", suggestion: "use a longer period or more data")
        }
        guard data.frequency.contains(where: { $0 > 0 }) else {
            throw EngineError("no customer made a repeat purchase, so BG/NBD cannot be fitted",
                              suggestion: "use a longer period (repeat purchases are purchase days after the first)")
        }
        let maxT = data.T.max() ?? 0
        guard maxT > 0 else {
            throw EngineError("every customer's first purchase is on the last day (T = 0)", suggestion: "use a later end= date")
        }
        let scale = 1 / maxT
        let recency = data.recency.map { $0 * scale }, age = data.T.map { $0 * scale }
        let n = Double(data.count)
        let objective: ([Double]) -> Double = { logs in
            // Beyond e^18 a parameter only says "no heterogeneity" (the Poisson or geometric limit); capping it there keeps
            // the fit finite on tiny or degenerate logs, where the likelihood keeps rising toward infinity, and keeps 2F1's
            // series short. A fit that ends on the cap is reported as not converged.
            guard logs.allSatisfy({ $0 <= BetaGeoEstimator.logCap }) else { return .infinity }
            let p = logs.map(exp)
            return -BetaGeoModel.logLikelihood(r: p[0], alpha: p[1], a: p[2], b: p[3], frequency: data.frequency, recency: recency, T: age) / n
        }
        let result = try NelderMead().minimize(objective, from: [0.1, 0.1, 0.1, 0.1], cancellation: context.cancellation)
        let p = result.x.map(exp)
        guard result.value.isFinite, p.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw EngineError("the BG/NBD likelihood could not be maximized on these data", suggestion: "check for a handful of customers only")
        }
        let onCap = result.x.contains { $0 > BetaGeoEstimator.logCap - 0.01 }
        let model = BetaGeoModel(r: p[0], alpha: p[1] / scale, a: p[2], b: p[3], converged: result.converged && !onCap, iterations: result.iterations)
        let ll = BetaGeoModel.logLikelihood(r: model.r, alpha: model.alpha, a: model.a, b: model.b,
                                            frequency: data.frequency, recency: data.recency, T: data.T)
        return model.with(logLikelihood: ll, customers: data.count)
    }
}

public struct BetaGeoModel: FittedModel {
    public let r: Double
    public let alpha: Double
    public let a: Double
    public let b: Double
    public let converged: Bool
    public let iterations: Int
    /// The log-likelihood at the fit, in days (lifetimes' unscaled value × customers, plus a constant of the time scale).
    public private(set) var logLikelihood: Double = .nan
    public private(set) var customers: Int = 0

    public init(r: Double, alpha: Double, a: Double, b: Double, converged: Bool = true, iterations: Int = 0) {
        self.r = r; self.alpha = alpha; self.a = a; self.b = b
        self.converged = converged; self.iterations = iterations
    }

    func with(logLikelihood: Double, customers: Int) -> BetaGeoModel {
        var m = self
        m.logLikelihood = logLikelihood
        m.customers = customers
        return m
    }

    public var algorithmName: String { "BG/NBD" }
    public var parameterValues: [ParameterValue] {
        [ParameterValue("r", r), ParameterValue("alpha", alpha), ParameterValue("a", a), ParameterValue("b", b)]
    }

    /// Σ log L(r, α, a, b | x, tₓ, T), Fader, Hardie & Lee (2005) eq. 6, computed as in their note
    /// 004 (and lifetimes) with the two terms combined by log-sum-exp:
    /// ln Γ(r+x) − ln Γ(r) + r ln α + ln B(a, b+x) − ln B(a, b)
    ///   + ln[ (α+T)^−(r+x) + 1{x>0} a/(b+x−1) (α+tₓ)^−(r+x) ].
    public static func logLikelihood(r: Double, alpha: Double, a: Double, b: Double,
                                     frequency: [Double], recency: [Double], T: [Double]) -> Double {
        var total = CompensatedSum()
        let common = -lgamma(r) + r * log(alpha) + lgamma(a + b) - lgamma(b)
        for i in frequency.indices {
            let x = frequency[i]
            let a1 = lgamma(r + x) + lgamma(b + x) - lgamma(a + b + x) + common
            let a3 = -(r + x) * log(alpha + T[i])
            var term = a3
            if x > 0 {
                let a4 = log(a) - log(b + x - 1) - (r + x) * log(recency[i] + alpha)
                let m = max(a3, a4)
                term = m + log(exp(a3 - m) + exp(a4 - m))
            }
            total.add(a1 + term)
        }
        return total.value
    }

    /// P(alive | x, tₓ, T) = 1 / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x))  (Fader, Hardie & Lee, note 021).
    public func probabilityAlive(frequency x: Double, recency: Double, T: Double) -> Double {
        guard x > 0 else { return 1 }
        let logOdds = (r + x) * log((alpha + T) / (alpha + recency)) + log(a / (b + x - 1))
        return 1 / (1 + exp(logOdds))
    }

    /// E[Y(t) | x, tₓ, T]: expected repeat purchases in the next t days (eq. 10):
    /// (a+b+x−1)/(a−1) · [1 − ((α+T)/(α+T+t))^(r+x) ₂F₁(r+x, b+x; a+b+x−1; t/(α+T+t))]
    ///   / (1 + 1{x>0} a/(b+x−1) ((α+T)/(α+tₓ))^(r+x)).
    /// The ₂F₁ is evaluated in Euler's form ₂F₁(a+b−1−r, a−1; a+b+x−1; z)(1−z)^(a−1−r−x), whose
    /// upper parameters do not grow with x, so the series neither overflows nor needs many terms
    /// for frequent buyers.
    public func expectedPurchases(days t: Double, frequency x: Double, recency: Double, T: Double) throws -> Double {
        guard t > 0 else { return 0 }
        let z = t / (alpha + T + t)
        let euler = try Hypergeometric.f21(a + b - 1 - r, a - 1, a + b + x - 1, z)
        // ((α+T)/(α+T+t))^(r+x) · ₂F₁(…) = (1−z)^(r+x) · G · (1−z)^(a−1−r−x) = G (1−z)^(a−1)
        let second = 1 - euler * exp((a - 1) * log1p(-z))
        let first = (a + b + x - 1) / (a - 1)
        let denominator = 1 + (x > 0 ? (a / (b + x - 1)) * exp((r + x) * log((alpha + T) / (alpha + recency))) : 0)
        return first * second / denominator
    }
}
