/// How a tree scores a split: Gini or entropy for classification, squared error for regression
/// (scikit-learn's `criterion`).
public enum TreeCriterion: String, Sendable, CaseIterable {
    case gini
    case entropy
    case squaredError = "squared_error"

    public var isClassification: Bool { self != .squaredError }
}

/// How many features a node may look at (scikit-learn's `max_features`): all of them for a single
/// tree, a random subset for each node of a forest's trees.
public enum MaxFeatures: Sendable, Equatable, CustomStringConvertible {
    case all
    /// ⌊√p⌋, scikit-learn's default for forest classifiers.
    case sqrt
    case log2
    /// max(1, ⌊fraction·p⌋).
    case fraction(Double)
    case count(Int)

    /// The number for `featureCount` features, at least 1 and at most `featureCount`.
    public func resolved(featureCount p: Int) -> Int {
        let n: Int
        switch self {
        case .all: n = p
        case .sqrt: n = Int(Double(p).squareRoot())
        case .log2: n = Int(_log2(Double(max(p, 1))))
        case .fraction(let f): n = Int(f * Double(p))
        case .count(let c): n = c
        }
        return Swift.max(1, Swift.min(p, n))
    }

    public var description: String {
        switch self {
        case .all: return "all"
        case .sqrt: return "sqrt"
        case .log2: return "log2"
        case .fraction(let f): return DescribeFormat.number(f)
        case .count(let c): return String(c)
        }
    }

    /// Parses "all", "sqrt", "log2", a fraction in (0, 1) or a whole count.
    public init?(text: String) {
        switch text.lowercased() {
        case "all", "none", "1.0": self = .all
        case "sqrt": self = .sqrt
        case "log2": self = .log2
        default:
            if let c = Int(text), c >= 1 { self = .count(c) }
            else if let f = Double(text), f > 0, f < 1 { self = .fraction(f) }
            else { return nil }
        }
    }
}

/// The settings of one CART tree (scikit-learn's DecisionTreeClassifier/Regressor names in
/// brackets).
public struct TreeParameters: EstimatorParameters, Equatable {
    public var criterion: TreeCriterion
    /// [max_depth] nil grows until the leaves are pure or too small.
    public var maxDepth: Int?
    /// [min_samples_split] a node with fewer rows is a leaf.
    public var minSamplesSplit: Int
    /// [min_samples_leaf] every child keeps at least this many rows.
    public var minSamplesLeaf: Int
    /// [max_features] features looked at per node.
    public var maxFeatures: MaxFeatures
    /// Seeds the order features are drawn in when `maxFeatures` is less than all.
    public var seed: UInt64

    public init(criterion: TreeCriterion = .gini, maxDepth: Int? = nil, minSamplesSplit: Int = 2,
                minSamplesLeaf: Int = 1, maxFeatures: MaxFeatures = .all, seed: UInt64 = 0) {
        self.criterion = criterion
        self.maxDepth = maxDepth
        self.minSamplesSplit = minSamplesSplit
        self.minSamplesLeaf = minSamplesLeaf
        self.maxFeatures = maxFeatures
        self.seed = seed
    }

    public var described: [ParameterValue] {
        [ParameterValue("criterion", criterion.rawValue),
         ParameterValue("max_depth", maxDepth.map(String.init) ?? "none", default: "none"),
         ParameterValue("min_samples_split", minSamplesSplit, default: 2),
         ParameterValue("min_samples_leaf", minSamplesLeaf, default: 1),
         ParameterValue("max_features", maxFeatures.description),
         ParameterValue("seed", String(seed))]
    }

    func validate() throws {
        if let d = maxDepth, d < 1 {
            throw EngineError("max depth must be at least 1, not \(d)", suggestion: "leave it out to grow the tree fully")
        }
        if minSamplesSplit < 2 {
            throw EngineError("min samples per split must be at least 2, not \(minSamplesSplit)")
        }
        if minSamplesLeaf < 1 {
            throw EngineError("min samples per leaf must be at least 1, not \(minSamplesLeaf)")
        }
    }
}

#if canImport(Glibc)
import Glibc
@inline(__always) private func _log2(_ x: Double) -> Double { Glibc.log2(x) }
#else
import Darwin
@inline(__always) private func _log2(_ x: Double) -> Double { Darwin.log2(x) }
#endif
