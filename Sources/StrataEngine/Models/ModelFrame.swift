/// The rows a supervised model learns from or predicts on. Unlike `FeatureMatrix` (dense doubles,
/// never missing, for distance-based algorithms) it keeps categorical text columns as codes and
/// missing values explicit, because trees and boosting handle both natively and the linear models
/// state how they encode them.
///
/// Column-major: split searches scan one feature at a time.
public struct ModelFrame: Sendable {
    public enum Feature: Sendable, Equatable {
        /// NaN marks a missing value.
        case numeric(name: String, values: [Double])
        /// `codes[i]` indexes `levels`; -1 marks a missing value.
        case categorical(name: String, codes: [Int32], levels: [String])

        public var name: String {
            switch self {
            case .numeric(let name, _), .categorical(let name, _, _): return name
            }
        }

        public var count: Int {
            switch self {
            case .numeric(_, let values): return values.count
            case .categorical(_, let codes, _): return codes.count
            }
        }

        public var isCategorical: Bool {
            if case .categorical = self { return true }
            return false
        }

        /// The value of a row as a double: the number, or the category code; NaN when missing.
        @inlinable public func numericValue(_ row: Int) -> Double {
            switch self {
            case .numeric(_, let values): return values[row]
            case .categorical(_, let codes, _): return codes[row] < 0 ? .nan : Double(codes[row])
            }
        }

        public func isMissing(_ row: Int) -> Bool {
            switch self {
            case .numeric(_, let values): return values[row].isNaN
            case .categorical(_, let codes, _): return codes[row] < 0
            }
        }

        func takingRows(_ rows: [Int]) -> Feature {
            switch self {
            case .numeric(let name, let values): return .numeric(name: name, values: rows.map { values[$0] })
            case .categorical(let name, let codes, let levels):
                return .categorical(name: name, codes: rows.map { codes[$0] }, levels: levels)
            }
        }
    }

    public let rowCount: Int
    public let features: [Feature]

    /// Features of equal length; `rowCount` is given so a frame with no features still has rows.
    public init(rowCount: Int, features: [Feature]) throws {
        for feature in features where feature.count != rowCount {
            throw EngineError("feature '\(feature.name)' has \(feature.count) values for \(rowCount) rows")
        }
        self.rowCount = rowCount
        self.features = features
    }

    public var featureNames: [String] { features.map(\.name) }

    public var schema: ModelSchema {
        ModelSchema(features: features.map { feature in
            switch feature {
            case .numeric(let name, _): return .init(name: name, levels: nil)
            case .categorical(let name, _, let levels): return .init(name: name, levels: levels)
            }
        })
    }

    public func takingRows(_ rows: [Int]) -> ModelFrame {
        // Shapes stay consistent by construction, so the throwing init cannot fail here.
        (try? ModelFrame(rowCount: rows.count, features: features.map { $0.takingRows(rows) }))
            ?? ModelFrame(unchecked: rows.count, features.map { $0.takingRows(rows) })
    }

    private init(unchecked rowCount: Int, _ features: [Feature]) {
        self.rowCount = rowCount
        self.features = features
    }
}

/// What a fitted model expects of the rows it predicts on: each feature's name, and for a
/// categorical one the training levels, whose order fixes the codes the model learned.
public struct ModelSchema: Sendable, Equatable {
    public struct FeatureSpec: Sendable, Equatable {
        public let name: String
        /// Nil for a numeric feature.
        public let levels: [String]?
        public init(name: String, levels: [String]?) {
            self.name = name
            self.levels = levels
        }
    }

    public let features: [FeatureSpec]
    public init(features: [FeatureSpec]) { self.features = features }
}

/// The result of re-coding a frame to a training schema.
public struct AlignedFrame: Sendable {
    public let frame: ModelFrame
    /// Per categorical feature name, how many rows held a level the model never saw in training
    /// (they are treated as missing, and the caller says so).
    public let unseenLevels: [String: Int]
}

extension ModelFrame {
    /// Re-codes this frame's features to `schema` (same names, categorical levels mapped to the
    /// training codes). A level never seen in training becomes missing and is counted, the way
    /// LightGBM and HistGradientBoosting treat unseen categories.
    public func aligned(to schema: ModelSchema) throws -> AlignedFrame {
        var byName: [String: Feature] = [:]
        for feature in features { byName[feature.name] = feature }
        var out: [Feature] = []
        var unseen: [String: Int] = [:]
        for spec in schema.features {
            guard let feature = byName[spec.name] else {
                throw EngineError("the model needs feature '\(spec.name)', which this table does not have")
            }
            switch (feature, spec.levels) {
            case (.numeric, nil):
                out.append(feature)
            case (.categorical(let name, let codes, let levels), let trained?):
                var index: [String: Int32] = [:]
                for (i, level) in trained.enumerated() { index[level] = Int32(i) }
                let map = levels.map { index[$0] ?? -1 }
                var count = 0
                let recoded = codes.map { code -> Int32 in
                    guard code >= 0 else { return -1 }
                    let mapped = map[Int(code)]
                    if mapped < 0 { count += 1 }
                    return mapped
                }
                if count > 0 { unseen[name] = count }
                out.append(.categorical(name: name, codes: recoded, levels: trained))
            case (.numeric, .some):
                throw EngineError("feature '\(spec.name)' was text (categorical) when the model was trained, but is numeric here")
            case (.categorical, nil):
                throw EngineError("feature '\(spec.name)' was numeric when the model was trained, but is text here")
            }
        }
        return AlignedFrame(frame: try ModelFrame(rowCount: rowCount, features: out), unseenLevels: unseen)
    }
}

/// A binary or multi-class target: `labels[i]` indexes `classes`.
public struct ClassTarget: Sendable, Equatable {
    public let labels: [Int]
    public let classes: [String]
    public init(labels: [Int], classes: [String]) {
        self.labels = labels
        self.classes = classes
    }
}

/// A fitted model that can say, for each row, how much each feature pushed its prediction away
/// from the average one (SHAP-style additive contributions). For a classifier the contributions
/// are on the model's raw scale (log-odds for boosting and logistic regression, probability for a
/// forest), named by `contributionScale`; `expectedValue` plus a row's contributions equals that
/// row's raw prediction exactly.
public protocol ExplainsPredictions: FittedModel {
    associatedtype Features: Sendable
    var contributionScale: String { get }
    /// The raw prediction of an average row (for the positive class of a binary classifier).
    var expectedValue: Double { get }
    /// Per row, one contribution per feature, in feature order.
    func contributions(_ x: Features) throws -> [[Double]]
}

/// What a classifier's `fit` takes: the features, the target, and optional per-row weights
/// (nil means every row weighs 1).
public struct ClassificationData: Sendable {
    public let frame: ModelFrame
    public let target: ClassTarget
    public let weights: [Double]?
    public init(frame: ModelFrame, target: ClassTarget, weights: [Double]? = nil) {
        self.frame = frame
        self.target = target
        self.weights = weights
    }
}

/// What a regressor's `fit` takes.
public struct RegressionData: Sendable {
    public let frame: ModelFrame
    public let target: [Double]
    public let weights: [Double]?
    public init(frame: ModelFrame, target: [Double], weights: [Double]? = nil) {
        self.frame = frame
        self.target = target
        self.weights = weights
    }
}
