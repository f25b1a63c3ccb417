/// One parameter of an algorithm as it describes itself (scikit-learn's `get_params`): what the
/// protocol text, a clustering's summary, session output and the docs print.
public struct ParameterValue: Sendable, Equatable {
    public let name: String
    /// The value in use, as text (`"4"`, `"ward"`, `"0.0001"`).
    public let value: String
    /// The default as text, or nil when the parameter has none (it must be given).
    public let defaultValue: String?

    public init(_ name: String, _ value: String, default defaultValue: String? = nil) {
        self.name = name
        self.value = value
        self.defaultValue = defaultValue
    }

    public init(_ name: String, _ value: Int, default defaultValue: Int? = nil) {
        self.init(name, String(value), default: defaultValue.map { String($0) })
    }

    public init(_ name: String, _ value: Double, default defaultValue: Double? = nil) {
        self.init(name, DescribeFormat.number(value), default: defaultValue.map(DescribeFormat.number))
    }

    public init<C: RawRepresentable>(_ name: String, _ value: C, default defaultValue: C? = nil) where C.RawValue == String {
        self.init(name, value.rawValue, default: defaultValue?.rawValue)
    }

    public var isDefault: Bool { value == defaultValue }
}

/// An algorithm's settings as a value that can describe itself.
public protocol EstimatorParameters: Sendable {
    /// Every parameter, in display order.
    var described: [ParameterValue] { get }
}

/// A learning algorithm, as scikit-learn shapes one: parameters → `fit(data, context)` → a fitted
/// model value. What the fitted model can do is said by the role protocols it conforms to
/// (`ClusterModel`, `Transformer`, `Recommender`, `Classifier`, `Regressor`, `IncrementalModel`),
/// known at compile time rather than probed at run time.
public protocol Estimator: Sendable {
    associatedtype Parameters: EstimatorParameters
    associatedtype TrainingData
    associatedtype Model: FittedModel

    var parameters: Parameters { get }
    func fit(_ data: TrainingData, context: RunContext) throws -> Model
}

/// What every fitted model can say about itself.
public protocol FittedModel: Sendable {
    /// A short human name with its key settings, e.g. "k-means (k=4)" or "item-kNN (cosine, k=20)".
    var algorithmName: String { get }
    /// The parameters it was fitted with.
    var parameterValues: [ParameterValue] { get }
}

/// A fitted model that replaces numeric features with others (scalers, PCA).
public protocol Transformer: FittedModel {
    func transform(_ x: FeatureMatrix) throws -> FeatureMatrix
}

/// A fitted clustering: one label per training row (−1 for noise), and a rule placing new rows.
public protocol ClusterModel: FittedModel {
    var labels: [Int] { get }
    /// Labels for new rows given in the same (scaled) feature space as the training rows.
    func assign(_ x: FeatureMatrix) -> [Int]
    /// The merge tree and its cut, for a model that has one (`HasDendrogram`): filled in by that
    /// conformance at compile time, so no caller casts to find it.
    var mergeTree: (any HasDendrogram)? { get }
}

extension ClusterModel {
    public var clusterCount: Int { Set(labels.filter { $0 >= 0 }).count }
    public var mergeTree: (any HasDendrogram)? { nil }
}

extension ClusterModel where Self: HasDendrogram {
    public var mergeTree: (any HasDendrogram)? { self }
}

/// A fitted model predicting a class for each row of a feature table.
public protocol Classifier: FittedModel {
    /// The rows a model predicts on (a numeric matrix, or a frame with categorical and missing values).
    associatedtype Features: Sendable
    /// The classes, in the order `predictProbabilities` returns them.
    var classes: [String] { get }
    /// Per row, one probability per class.
    func predictProbabilities(_ x: Features) throws -> [[Double]]
    /// Per feature, a non-negative importance; nil when the model has no intrinsic notion of one.
    var featureImportances: [Double]? { get }
}

extension Classifier {
    /// The most probable class per row (ties go to the earlier class).
    public func predict(_ x: Features) throws -> [String] {
        try predictProbabilities(x).map { p in
            var best = 0
            for c in p.indices where p[c] > p[best] { best = c }
            return classes.indices.contains(best) ? classes[best] : ""
        }
    }
}

/// A fitted model predicting a number for each row of a feature table.
public protocol Regressor: FittedModel {
    associatedtype Features: Sendable
    func predict(_ x: Features) throws -> [Double]
    var featureImportances: [Double]? { get }
}

/// A model that learns from events as they arrive. Updating returns a new value and leaves the
/// old one as it was, so a failed or cancelled update changes nothing (the transactional workspace
/// keeps the old value).
public protocol IncrementalModel: FittedModel {
    associatedtype Event: Sendable
    func updated(with events: some Collection<Event>, context: RunContext) throws -> Self
}
