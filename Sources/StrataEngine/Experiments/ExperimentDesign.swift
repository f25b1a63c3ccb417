/// What kind of number a metric is, which decides how a variant's value and its spread are computed.
public enum MetricKind: String, Sendable, CaseIterable {
    /// 0/1 per unit: the value is a rate.
    case conversion
    /// Any number per unit: the value is a mean.
    case mean
    /// Σ numerator / Σ denominator over units (revenue per session): delta-method variance.
    case ratio
}

/// The test whose p-value (and, where it has one, interval) a comparison reports.
public enum ComparisonTest: String, Sendable, CaseIterable {
    /// Two-proportion z-test, pooled standard error (conversion).
    case z
    /// Pearson χ² on the 2×2 table, no continuity correction (conversion).
    case chi2
    /// Pearson χ² with Yates' continuity correction (conversion).
    case yates
    /// Welch's t-test; its t interval for the difference.
    case welch
    /// Mann–Whitney U (normal approximation, tie and continuity corrections); Welch's interval.
    case mannwhitney
    /// Percentile bootstrap of the difference in means; its p-value is the share of resamples past zero.
    case bootstrap
    /// Normal test on the delta-method standard error (ratio metrics).
    case delta

    public static func standard(for kind: MetricKind) -> ComparisonTest {
        switch kind {
        case .conversion: return .z
        case .mean: return .welch
        case .ratio: return .delta
        }
    }

    /// Whether this test can be applied to the kind of metric.
    public func applies(to kind: MetricKind) -> Bool {
        switch (self, kind) {
        case (.z, .conversion), (.chi2, .conversion), (.yates, .conversion): return true
        case (.welch, .conversion), (.welch, .mean), (.mannwhitney, .conversion), (.mannwhitney, .mean),
             (.bootstrap, .conversion), (.bootstrap, .mean): return true
        case (.delta, .ratio): return true
        case (.z, _), (.chi2, _), (.yates, _), (.welch, _), (.mannwhitney, _), (.bootstrap, _), (.delta, _): return false
        }
    }

    public var displayName: String {
        switch self {
        case .z: return "two-proportion z-test"
        case .chi2: return "χ² test without continuity correction"
        case .yates: return "χ² test with Yates' continuity correction"
        case .welch: return "Welch's t-test"
        case .mannwhitney: return "Mann–Whitney U test"
        case .bootstrap: return "percentile bootstrap"
        case .delta: return "delta-method z-test"
        }
    }
}

/// One variant's units: the metric per unit, and for ratio metrics the denominator per unit.
public struct VariantUnits: Sendable {
    public let label: String
    public let values: [Double]
    public let denominators: [Double]?
    public let covariates: [Double]?

    public init(label: String, values: [Double], denominators: [Double]? = nil, covariates: [Double]? = nil) {
        self.label = label
        self.values = values
        self.denominators = denominators
        self.covariates = covariates
    }
}

/// How one experiment is to be analysed.
public struct ExperimentSettings: Sendable {
    public var kind: MetricKind
    public var test: ComparisonTest
    public var level: Double
    public var resamples: Int
    public var seed: UInt64

    public init(kind: MetricKind, test: ComparisonTest? = nil, level: Double = 0.95, resamples: Int = 2_000, seed: UInt64 = 0) {
        self.kind = kind
        self.test = test ?? .standard(for: kind)
        self.level = level
        self.resamples = resamples
        self.seed = seed
    }
}
