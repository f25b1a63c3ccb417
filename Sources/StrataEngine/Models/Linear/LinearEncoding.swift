/// How the linear models turn a `ModelFrame` into numbers, learned on the training rows:
///
/// - a numeric feature is one column; a missing value is replaced by the training mean, and when
///   the training rows had missing values an indicator column `name (missing)` (1 when missing)
///   is added, so the model can learn that missingness itself matters;
/// - a categorical feature is one-hot encoded, one column per training level (the first level is
///   dropped for unpenalised least squares, where all levels plus the intercept are collinear);
///   a missing value or a level never seen in training is all zeros;
/// - every column is then standardised inside the model (mean 0, population sd 1, as
///   scikit-learn's `StandardScaler`), so the L2 penalty treats features alike; a column constant
///   on the training rows carries no information and is left out (coefficient 0).
///
/// Coefficients are reported on the original (unstandardised) scale of these columns.
public struct LinearEncoding: Sendable, Equatable {
    /// One design column: which frame feature it comes from and what it holds.
    public struct DesignColumn: Sendable, Equatable {
        public enum Source: Sendable, Equatable {
            case value
            case missingIndicator
            case level(Int32)
        }
        public let feature: Int
        public let source: Source
        /// "age", "age (missing)", "channel = web".
        public let label: String
        public let mean: Double
        /// 1 for a column left out as constant (it is skipped by `isUsed`).
        public let scale: Double
        public let isUsed: Bool
    }

    public let schema: ModelSchema
    /// Training mean per numeric feature (NaN for categorical ones): what a missing value becomes.
    public let imputation: [Double]
    public let columns: [DesignColumn]

    /// Learns the encoding from the training rows (weighted means and sds when weights are given).
    public init(fitting frame: ModelFrame, weights: [Double]? = nil, dropFirstLevel: Bool = false) throws {
        let n = frame.rowCount
        guard n > 0 else { throw EngineError("no rows to train on") }
        let w = weights ?? Array(repeating: 1, count: n)
        let totalWeight = w.reduce(0, +)
        guard totalWeight > 0 else { throw EngineError("the row weights add up to 0") }
        var imputation: [Double] = []
        var raw: [(feature: Int, source: DesignColumn.Source, label: String)] = []
        for (f, feature) in frame.features.enumerated() {
            switch feature {
            case .numeric(let name, let values):
                var sum = 0.0, weight = 0.0, missing = false
                for i in 0..<n {
                    if values[i].isNaN { missing = true } else { sum += w[i] * values[i]; weight += w[i] }
                }
                guard weight > 0 else { throw EngineError("feature '\(name)' has no values (every row is missing)") }
                imputation.append(sum / weight)
                raw.append((f, .value, name))
                if missing { raw.append((f, .missingIndicator, "\(name) (missing)")) }
            case .categorical(let name, _, let levels):
                imputation.append(.nan)
                for (l, level) in levels.enumerated() where !(dropFirstLevel && l == 0) {
                    raw.append((f, .level(Int32(l)), "\(name) = \(level)"))
                }
            }
        }
        self.schema = frame.schema
        self.imputation = imputation
        var columns: [DesignColumn] = []
        columns.reserveCapacity(raw.count)
        for r in raw {
            var sum = 0.0, sumSquares = 0.0
            for i in 0..<n {
                let v = Self.value(frame.features[r.feature], r.source, row: i, imputed: imputation[r.feature])
                sum += w[i] * v
            }
            let mean = sum / totalWeight
            for i in 0..<n {
                let d = Self.value(frame.features[r.feature], r.source, row: i, imputed: imputation[r.feature]) - mean
                sumSquares += w[i] * d * d
            }
            let sd = (sumSquares / totalWeight).squareRoot()
            // Relative test: a column that varies only by rounding error is constant too.
            let used = sd > 1e-12 * max(1, abs(mean))
            columns.append(DesignColumn(feature: r.feature, source: r.source, label: r.label, mean: mean,
                                        scale: used ? sd : 1, isUsed: used))
        }
        self.columns = columns
    }

    @inline(__always)
    static func value(_ feature: ModelFrame.Feature, _ source: DesignColumn.Source, row: Int, imputed: Double) -> Double {
        switch (feature, source) {
        case (.numeric(_, let values), .value): return values[row].isNaN ? imputed : values[row]
        case (.numeric(_, let values), .missingIndicator): return values[row].isNaN ? 1 : 0
        case (.categorical(_, let codes, _), .level(let level)): return codes[row] == level ? 1 : 0
        default: return 0
        }
    }

    /// The used columns, in design order.
    public var usedColumns: [DesignColumn] { columns.filter(\.isUsed) }

    /// The raw (unstandardised) value of every used column for every row, row-major; the frame
    /// must already be aligned to `schema`.
    func rawDesign(_ frame: ModelFrame) throws -> [Double] {
        guard frame.features.count == schema.features.count else {
            throw EngineError("the rows have \(frame.features.count) features; the model was trained on \(schema.features.count)")
        }
        let used = usedColumns
        let p = used.count
        var x = [Double](repeating: 0, count: frame.rowCount * p)
        for (j, c) in used.enumerated() {
            let feature = frame.features[c.feature]
            for i in 0..<frame.rowCount {
                x[i * p + j] = Self.value(feature, c.source, row: i, imputed: imputation[c.feature])
            }
        }
        return x
    }

    /// The standardised design, row-major, for fitting.
    func standardizedDesign(_ frame: ModelFrame) throws -> [Double] {
        var x = try rawDesign(frame)
        let used = usedColumns
        let p = used.count
        guard p > 0 else { return x }
        for i in 0..<frame.rowCount {
            for j in 0..<p { x[i * p + j] = (x[i * p + j] - used[j].mean) / used[j].scale }
        }
        return x
    }
}

/// A fitted linear predictor on the original scale: `intercept + Σ coefficient × raw column`.
/// Shared by the linear and logistic models for prediction and exact contributions.
public struct LinearPredictor: Sendable, Equatable {
    public let encoding: LinearEncoding
    /// Per used design column, on the original scale.
    public let coefficients: [Double]
    public let intercept: Double

    /// Maps standardised-scale weights back: β = w / sd, b = w₀ − Σ w·mean/sd.
    init(encoding: LinearEncoding, standardizedWeights w: [Double], standardizedIntercept b: Double) {
        let used = encoding.usedColumns
        self.encoding = encoding
        coefficients = zip(w, used).map { $0 / $1.scale }
        intercept = b - zip(w, used).reduce(0) { $0 + $1.0 * $1.1.mean / $1.1.scale }
    }

    /// The linear score of each row (log-odds for logistic regression).
    public func scores(_ frame: ModelFrame) throws -> [Double] {
        let x = try encoding.rawDesign(frame)
        let p = coefficients.count
        return (0..<frame.rowCount).map { i in
            var s = intercept
            for j in 0..<p { s += coefficients[j] * x[i * p + j] }
            return s
        }
    }

    /// The score of the average training row.
    public var expectedScore: Double {
        intercept + zip(coefficients, encoding.usedColumns).reduce(0) { $0 + $1.0 * $1.1.mean }
    }

    /// Per row, per frame feature: Σ over its columns of coefficient × (value − training mean). With the
    /// expected score these add up to the row's score exactly (SHAP values of a linear model with
    /// independent features, as `shap.LinearExplainer` computes them).
    public func contributions(_ frame: ModelFrame) throws -> [[Double]] {
        let x = try encoding.rawDesign(frame)
        let used = encoding.usedColumns
        let p = used.count
        let featureCount = encoding.schema.features.count
        return (0..<frame.rowCount).map { i in
            var c = [Double](repeating: 0, count: featureCount)
            for j in 0..<p { c[used[j].feature] += coefficients[j] * (x[i * p + j] - used[j].mean) }
            return c
        }
    }

    /// Coefficients by design-column label, in design order (constant columns listed with 0).
    public var labelledCoefficients: [(label: String, coefficient: Double)] {
        var k = 0
        return encoding.columns.map { c in
            guard c.isUsed else { return (c.label, 0) }
            defer { k += 1 }
            return (c.label, coefficients[k])
        }
    }

    /// Per frame feature, the sum of |standardised coefficient| over its columns: a scale-free
    /// importance (how far one sd of the feature moves the score).
    public var featureImportances: [Double] {
        var out = [Double](repeating: 0, count: encoding.schema.features.count)
        for (c, column) in zip(coefficients, encoding.usedColumns) { out[column.feature] += abs(c * column.scale) }
        return out
    }
}
