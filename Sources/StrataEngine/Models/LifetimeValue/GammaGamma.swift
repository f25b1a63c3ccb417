import Foundation

/// Gamma–Gamma spend model (Fader, Hardie & Lee 2005, "RFM and CLV"; Fader & Hardie note 025): a
/// customer's transaction values are Gamma(p, ν) around their own mean, and ν ~ Gamma(q, γ)
/// across customers (γ is called v here, as in lifetimes). Fitted on customers with at least one
/// repeat purchase and a positive mean repeat spend; spend is assumed independent of frequency.
public struct GammaGammaParameters: EstimatorParameters {
    public init() {}
    public var described: [ParameterValue] { [] }
}

/// Repeat-purchase counts and mean repeat spends of the customers the spend model learns from.
public struct SpendData: Sendable {
    public let frequency: [Double]
    public let monetary: [Double]
    /// Customers of the summary left out (no repeat purchase, or a mean repeat spend ≤ 0).
    public let leftOut: Int

    public init(_ summary: RepeatPurchaseSummary) {
        var f: [Double] = [], m: [Double] = []
        for i in 0..<summary.count where summary.frequency[i] > 0 && summary.monetary[i] > 0 {
            f.append(summary.frequency[i]); m.append(summary.monetary[i])
        }
        frequency = f; monetary = m
        leftOut = summary.count - f.count
    }
}

public struct GammaGammaEstimator: Estimator {
    public let parameters: GammaGammaParameters
    public init(_ parameters: GammaGammaParameters = GammaGammaParameters()) { self.parameters = parameters }

    /// Minimizes the mean negative log-likelihood over log(p, q, v) by Nelder–Mead from
    /// log-parameters 0.1, as lifetimes starts.
    public func fit(_ data: SpendData, context: RunContext) throws -> GammaGammaModel {
        guard data.frequency.count >= 2 else {
            throw EngineError("the Gamma–Gamma spend model needs at least 2 customers with a repeat purchase and a positive mean spend, "
                              + "got \(data.frequency.count)", suggestion: "use a longer period or check the sign of the amounts")
        }
        let n = Double(data.frequency.count)
        let objective: ([Double]) -> Double = { logs in
            let p = logs.map(exp)
            return -GammaGammaModel.logLikelihood(p: p[0], q: p[1], v: p[2], frequency: data.frequency, monetary: data.monetary) / n
        }
        let result = try NelderMead().minimize(objective, from: [0.1, 0.1, 0.1], cancellation: context.cancellation)
        let p = result.x.map(exp)
        guard result.value.isFinite, p.allSatisfy({ $0.isFinite && $0 > 0 }) else {
            throw EngineError("the Gamma–Gamma likelihood could not be maximized on these data")
        }
        return GammaGammaModel(p: p[0], q: p[1], v: p[2], logLikelihood: -result.value * n, customers: data.frequency.count,
                               converged: result.converged)
    }
}

public struct GammaGammaModel: FittedModel {
    public let p: Double
    public let q: Double
    public let v: Double
    public let logLikelihood: Double
    public let customers: Int
    public let converged: Bool

    public init(p: Double, q: Double, v: Double, logLikelihood: Double = .nan, customers: Int = 0, converged: Bool = true) {
        self.p = p; self.q = q; self.v = v
        self.logLikelihood = logLikelihood; self.customers = customers; self.converged = converged
    }

    public var algorithmName: String { "Gamma–Gamma" }
    public var parameterValues: [ParameterValue] { [ParameterValue("p", p), ParameterValue("q", q), ParameterValue("v", v)] }

    /// Σ over customers of note 025 eq. 1a (as lifetimes writes it):
    /// ln Γ(px+q) − ln Γ(px) − ln Γ(q) + q ln v + (px−1) ln m + px ln x − (px+q) ln(xm+v).
    public static func logLikelihood(p: Double, q: Double, v: Double, frequency: [Double], monetary: [Double]) -> Double {
        var total = CompensatedSum()
        let common = -lgamma(q) + q * log(v)
        for i in frequency.indices {
            let x = frequency[i], m = monetary[i], px = p * x
            total.add(lgamma(px + q) - lgamma(px) + common + (px - 1) * log(m) + px * log(x) - (px + q) * log(x * m + v))
        }
        return total.value
    }

    /// E[M | x, m̄]: the mean spend per transaction expected from this customer (note 025 eq. 5), a
    /// weighted average of the population mean pv/(q−1) and the customer's own mean:
    /// weight on the customer's own = px / (px + q − 1).
    public func expectedAverageSpend(frequency x: Double, monetary m: Double) -> Double {
        let weight = p * x / (p * x + q - 1)
        let population = v * p / (q - 1)
        return (1 - weight) * population + weight * m
    }
}
