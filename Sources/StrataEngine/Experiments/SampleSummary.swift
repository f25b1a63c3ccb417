/// Size, mean and sample variance (n − 1) of one group, in one pass with Welford's update so a
/// large mean does not cost digits of the variance.
public struct SampleSummary: Sendable, Equatable {
    public let count: Int
    public let mean: Double
    /// Sample variance with n − 1 in the denominator; 0 for a single value.
    public let variance: Double

    public init(count: Int, mean: Double, variance: Double) {
        self.count = count
        self.mean = mean
        self.variance = variance
    }

    public init(_ values: [Double]) {
        var mean = 0.0
        var squares = 0.0
        for (i, x) in values.enumerated() {
            let delta = x - mean
            mean += delta / Double(i + 1)
            squares += delta * (x - mean)
        }
        count = values.count
        self.mean = mean
        variance = values.count > 1 ? squares / Double(values.count - 1) : 0
    }

    /// Sample covariance (n − 1) of paired values whose means are known; arrays of equal length.
    static func covariance(_ y: [Double], _ x: [Double], meanY: Double, meanX: Double) -> Double {
        var sum = 0.0
        for i in 0..<min(y.count, x.count) { sum += (y[i] - meanY) * (x[i] - meanX) }
        return sum / Double(y.count - 1)
    }

    /// Squared standard error of the mean.
    public var varianceOfMean: Double { count > 0 ? variance / Double(count) : .nan }
    public var standardError: Double { varianceOfMean.squareRoot() }
}

/// A two-sided interval at a stated confidence level.
public struct ConfidenceInterval: Sendable, Equatable {
    public let lower: Double
    public let upper: Double
    public let level: Double

    public init(lower: Double, upper: Double, level: Double) {
        self.lower = lower
        self.upper = upper
        self.level = level
    }

    /// estimate ± z·se with the normal quantile for `level`.
    public static func normal(estimate: Double, standardError: Double, level: Double) -> ConfidenceInterval {
        let z = Distributions.normalUpperQuantile((1 - level) / 2)
        return ConfidenceInterval(lower: estimate - z * standardError, upper: estimate + z * standardError, level: level)
    }

    public func contains(_ value: Double) -> Bool { lower <= value && value <= upper }
}

enum ExperimentInput {
    static func requireSamples(_ values: [Double], atLeast minimum: Int, _ what: String) throws {
        guard values.count >= minimum else {
            throw EngineError("\(what) has \(values.count) value\(values.count == 1 ? "" : "s"); at least \(minimum) are needed")
        }
        if let bad = values.firstIndex(where: { !$0.isFinite }) {
            throw EngineError("\(what) has a value that is not a finite number at position \(bad + 1)")
        }
    }

    static func requireLevel(_ level: Double) throws {
        guard level > 0 && level < 1 else { throw EngineError("the confidence level must be between 0 and 1, got \(level)") }
    }
}
