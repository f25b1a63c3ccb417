#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How a feature is put on a common scale before it is combined with others.
public enum ScalingMethod: String, Sendable, CaseIterable {
    case none
    /// (x − min) / (max − min), into [0, 1] (scikit-learn's MinMaxScaler).
    case minmax
    /// (x − mean) / standard deviation, the population one (ddof 0, like StandardScaler).
    case zscore
    /// (x − median) / (Q3 − Q1), quartiles by linear interpolation (RobustScaler).
    case robust
    /// The value's rank position in [0, 1], ties averaged (QuantileTransformer with one quantile per row).
    case quantile
    /// log(1 + x); refuses values ≤ −1.
    case log1p
    /// log(1 + x), then z-score: the usual treatment of skewed money and counts.
    case log1pZscore = "log1p_zscore"

    /// Methods whose output lies in [0, 1], so "lower is better" is 1 − v rather than −v.
    var isBounded: Bool { self == .minmax || self == .quantile }
}

/// Whether a larger value of a criterion is good (frequency, spend) or bad (recency in days).
public enum Direction: String, Sendable, CaseIterable {
    case higherIsBetter = "higher"
    case lowerIsBetter = "lower"
}

/// The fitted parameters for one column: enough to scale new rows exactly as the fitted ones.
public struct ColumnScaler: Sendable {
    public let name: String
    public let method: ScalingMethod
    public let direction: Direction
    /// Subtracted first (min, mean or median; after log1p for `log1pZscore`).
    public let center: Double
    /// Divided by next (range, standard deviation or IQR); 1 when the method has none.
    public let scale: Double
    /// Sorted fitted values, for `quantile` only.
    let reference: [Double]

    /// Scales one value; nil when it cannot be scaled (log of a value ≤ −1, or missing).
    public func transform(_ x: Double) -> Double? {
        guard x.isFinite else { return nil }
        var v: Double
        switch method {
        case .none: v = x
        case .minmax, .zscore, .robust: v = (x - center) / scale
        case .quantile: v = QuantileRank.position(of: x, inSorted: reference)
        case .log1p, .log1pZscore:
            guard x > -1 else { return nil }
            v = log1p(x)
            if method == .log1pZscore { v = (v - center) / scale }
        }
        guard direction == .lowerIsBetter else { return v }
        return method.isBounded ? 1 - v : -v
    }
}

/// Scalers fitted to the columns of a feature matrix, applied to new rows with the same columns.
public struct FittedScaler: Transformer {
    public let columns: [ColumnScaler]

    public var method: ScalingMethod { columns.first?.method ?? .none }

    public var algorithmName: String { "\(method.rawValue) scaling" }

    /// The method, and the columns where lower is better by name.
    public var parameterValues: [ParameterValue] {
        let lower = columns.filter { $0.direction == .lowerIsBetter }.map(\.name)
        return [ParameterValue("scale", method), ParameterValue("lower", lower.isEmpty ? "none" : lower.joined(separator: ","), default: "none")]
    }

    /// Scales a matrix whose columns match the fitted ones by position.
    public func transform(_ x: FeatureMatrix) throws -> FeatureMatrix {
        guard x.columnCount == columns.count else {
            throw EngineError("the scaler was fitted on \(columns.count) columns, these rows have \(x.columnCount)")
        }
        var out = x
        for i in 0..<x.rowCount {
            for (j, scaler) in columns.enumerated() {
                guard let v = scaler.transform(x[i, j]) else {
                    throw EngineError("cannot scale \(x[i, j]) in column '\(scaler.name)' by \(scaler.method.rawValue)",
                                      suggestion: scaler.method == .log1p || scaler.method == .log1pZscore
                                        ? "log1p needs values above −1" : nil)
                }
                out[i, j] = v
            }
        }
        return out
    }
}

public struct ScalingParameters: EstimatorParameters {
    public var method: ScalingMethod
    /// Per column by position; nil (or a missing position) means higher is better.
    public var directions: [Direction]?

    public init(method: ScalingMethod, directions: [Direction]? = nil) {
        self.method = method
        self.directions = directions
    }

    public var described: [ParameterValue] {
        let lower = (directions ?? []).indices.filter { directions?[$0] == .lowerIsBetter }.map { String($0 + 1) }
        return [ParameterValue("scale", method),
                ParameterValue("lower", lower.isEmpty ? "none" : "columns " + lower.joined(separator: ","), default: "none")]
    }
}

/// Per-column scaling (scikit-learn's scalers, one method for every column).
public struct Scaling: Estimator {
    public let parameters: ScalingParameters

    public init(_ parameters: ScalingParameters) { self.parameters = parameters }

    public init(_ method: ScalingMethod, directions: [Direction]? = nil) {
        parameters = ScalingParameters(method: method, directions: directions)
    }

    /// Fits one scaler per column. A column that would divide by zero (constant, or zero IQR)
    /// is refused by name rather than producing NaN.
    public func fit(_ x: FeatureMatrix, context _: RunContext = .quiet) throws -> FittedScaler {
        guard x.rowCount > 0 else { throw EngineError("nothing to scale: there are no rows") }
        var scalers: [ColumnScaler] = []
        let directions = parameters.directions
        for j in 0..<x.columnCount {
            let direction = directions.flatMap { j < $0.count ? $0[j] : nil } ?? .higherIsBetter
            scalers.append(try Self.fitColumn(x.column(j), name: x.columnNames[j], method: parameters.method, direction: direction))
        }
        return FittedScaler(columns: scalers)
    }

    static func fitColumn(_ values: [Double], name: String, method: ScalingMethod, direction: Direction) throws -> ColumnScaler {
        func make(_ center: Double, _ scale: Double, _ reference: [Double] = []) -> ColumnScaler {
            ColumnScaler(name: name, method: method, direction: direction, center: center, scale: scale, reference: reference)
        }
        guard let first = values.first else { throw EngineError("column '\(name)' has no values to scale") }
        guard values.allSatisfy(\.isFinite) else {
            throw EngineError("column '\(name)' has missing values", suggestion: "drop or fill them before scaling")
        }
        let isConstant = values.allSatisfy { $0 == first }
        func refuseConstant() -> EngineError {
            EngineError("scaling column '\(name)' by \(method.rawValue) would divide by zero (NaN): every value is \(first)",
                        suggestion: "leave '\(name)' out; a constant column carries no information")
        }
        switch method {
        case .none: return make(0, 1)
        case .minmax:
            guard !isConstant, let lo = values.min(), let hi = values.max() else { throw refuseConstant() }
            return make(lo, hi - lo)
        case .zscore:
            guard !isConstant else { throw refuseConstant() }
            let (mean, std) = meanAndStd(values)
            return make(mean, std)
        case .robust:
            guard !isConstant else { throw refuseConstant() }
            let sorted = values.sorted()
            let q1 = Quantiles.linear(sorted: sorted, 0.25) ?? 0, q3 = Quantiles.linear(sorted: sorted, 0.75) ?? 0
            let median = Quantiles.linear(sorted: sorted, 0.5) ?? 0
            guard q3 > q1 else {
                throw EngineError("robust scaling of column '\(name)' would divide by zero: its quartiles are equal (\(q1)), "
                                  + "more than half the values are the same", suggestion: "use scale=quantile or scale=zscore")
            }
            return make(median, q3 - q1)
        case .quantile:
            guard !isConstant else { throw refuseConstant() }
            return make(0, 1, values.sorted())
        case .log1p, .log1pZscore:
            if let bad = values.first(where: { $0 <= -1 }) {
                throw EngineError("column '\(name)' has the value \(bad); log1p needs values above −1",
                                  suggestion: "filter out returns or negative values first, or use another scale")
            }
            if method == .log1p { return make(0, 1) }
            let logged = values.map { log1p($0) }
            guard let l0 = logged.first, !logged.allSatisfy({ $0 == l0 }) else { throw refuseConstant() }
            let (mean, std) = meanAndStd(logged)
            return make(mean, std)
        }
    }

    /// Population mean and standard deviation (two passes, so large offsets do not cancel).
    static func meanAndStd(_ values: [Double]) -> (Double, Double) {
        var sum = CompensatedSum()
        for v in values { sum.add(v) }
        let mean = sum.value / Double(values.count)
        var squares = CompensatedSum()
        for v in values { squares.add((v - mean) * (v - mean)) }
        return (mean, (squares.value / Double(values.count)).squareRoot())
    }
}

/// Rank positions in [0, 1].
enum QuantileRank {
    /// Where `x` falls among sorted values: the averaged rank position of equal values, linear between
    /// neighbours, clipped to [0, 1] outside. On the fitted values themselves this is (average rank − 1) / (n − 1).
    static func position(of x: Double, inSorted s: [Double]) -> Double {
        let n = s.count
        guard n > 1 else { return 0.5 }
        let lower = firstIndex(notBelow: x, in: s)           // first s[i] ≥ x
        let upper = firstIndex(above: x, in: s)              // first s[i] > x
        let denominator = Double(n - 1)
        if upper > lower { return Double(lower + upper - 1) / 2 / denominator }
        if lower == 0 { return 0 }
        if lower == n { return 1 }
        let a = s[lower - 1], b = s[lower]
        return (Double(lower - 1) + (x - a) / (b - a)) / denominator
    }

    static func firstIndex(notBelow x: Double, in s: [Double]) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let mid = (lo + hi) / 2; if s[mid] < x { lo = mid + 1 } else { hi = mid } }
        return lo
    }

    static func firstIndex(above x: Double, in s: [Double]) -> Int {
        var lo = 0, hi = s.count
        while lo < hi { let mid = (lo + hi) / 2; if s[mid] <= x { lo = mid + 1 } else { hi = mid } }
        return lo
    }
}
