/// Numeric features for the learning algorithms: `rowCount × columnCount` doubles, row-major and
/// contiguous, so distance loops read one point as one slice.
public struct FeatureMatrix: Sendable, Equatable {
    public let rowCount: Int
    public let columnCount: Int
    /// Row-major values; never NaN (missing values are refused or imputed when the matrix is built).
    public var values: [Double]
    public let columnNames: [String]

    public init(rowCount: Int, columnCount: Int, values: [Double], columnNames: [String]) {
        precondition(values.count == rowCount * columnCount && columnNames.count == columnCount,
                     "FeatureMatrix shape mismatch")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.values = values
        self.columnNames = columnNames
    }

    /// Builds from column vectors of equal length (internal callers; shapes are checked).
    public init(columns: [[Double]], names: [String]) {
        let n = columns.first?.count ?? 0
        var values = [Double](repeating: 0, count: n * columns.count)
        for (j, column) in columns.enumerated() {
            for i in 0..<n { values[i * columns.count + j] = column[i] }
        }
        self.init(rowCount: n, columnCount: columns.count, values: values, columnNames: names)
    }

    @inlinable public subscript(row: Int, column: Int) -> Double {
        get { values[row * columnCount + column] }
        set { values[row * columnCount + column] = newValue }
    }

    public func row(_ i: Int) -> ArraySlice<Double> { values[(i * columnCount)..<((i + 1) * columnCount)] }

    public func column(_ j: Int) -> [Double] { (0..<rowCount).map { values[$0 * columnCount + j] } }

    public func takingRows(_ rows: [Int]) -> FeatureMatrix {
        var out = [Double]()
        out.reserveCapacity(rows.count * columnCount)
        for i in rows { out += row(i) }
        return FeatureMatrix(rowCount: rows.count, columnCount: columnCount, values: out, columnNames: columnNames)
    }
}

/// What to do with rows whose features have missing values.
public enum MissingFeaturePolicy: String, Sendable, CaseIterable {
    /// Refuse, saying how many rows have missing values (the default: nothing silent).
    case refuse
    /// Leave those rows out; the result says which rows were used.
    case drop
    /// Replace a missing value by its column's mean.
    case mean
}

/// Features taken from a table, with the table rows they came from.
public struct ExtractedFeatures: Sendable {
    public let matrix: FeatureMatrix
    /// `rows[i]` is the table row of matrix row `i` (all rows unless some were dropped).
    public let rows: [Int]
    public let droppedRows: Int
    public let imputedValues: Int
}

extension Table {
    /// Numeric columns (ints, floats, bools, dates) as a feature matrix.
    /// Text columns, constant columns and all-missing columns are refused with a message naming them.
    public func features(_ names: [String], missing policy: MissingFeaturePolicy = .refuse,
                         allowConstant: Bool = false) throws -> ExtractedFeatures {
        guard !names.isEmpty else { throw EngineError("no feature columns given") }
        var columns: [[Double]] = []
        for name in names {
            let column = try requireColumn(name)
            guard let values = column.doubles() else {
                throw EngineError("column '\(name)' is text, not numeric",
                                  suggestion: "features must be numbers; encode categories first or leave '\(name)' out")
            }
            columns.append(values)
        }
        var missingRow = [Bool](repeating: false, count: rowCount)
        var missingRows = 0
        for (j, values) in columns.enumerated() {
            var present = 0
            for i in 0..<rowCount {
                if values[i].isFinite { present += 1 } else if !missingRow[i] { missingRow[i] = true; missingRows += 1 }
            }
            if present == 0 && rowCount > 0 {
                throw EngineError("column '\(names[j])' has no values (all \(rowCount) rows are missing)")
            }
        }
        var rows = Array(0..<rowCount)
        var imputed = 0
        if missingRows > 0 {
            switch policy {
            case .refuse:
                throw EngineError("\(missingRows) of \(rowCount) rows have missing values in the features",
                                  suggestion: "add missing=drop to leave them out, or missing=mean to fill in column means")
            case .drop:
                rows = rows.filter { !missingRow[$0] }
                columns = columns.map { c in rows.map { c[$0] } }
            case .mean:
                for j in columns.indices {
                    let finite = columns[j].filter(\.isFinite)
                    let mean = finite.reduce(0, +) / Double(finite.count)
                    for i in columns[j].indices where !columns[j][i].isFinite { columns[j][i] = mean; imputed += 1 }
                }
            }
        }
        guard !rows.isEmpty else { throw EngineError("no rows left: every row has a missing feature value") }
        if !allowConstant {
            for (j, c) in columns.enumerated() where c.allSatisfy({ $0 == c[0] }) {
                throw EngineError("column '\(names[j])' is constant (\(c[0])) and carries no information",
                                  suggestion: "leave it out of the features")
            }
        }
        return ExtractedFeatures(matrix: FeatureMatrix(columns: columns, names: names), rows: rows,
                                 droppedRows: rowCount - rows.count, imputedValues: imputed)
    }
}
