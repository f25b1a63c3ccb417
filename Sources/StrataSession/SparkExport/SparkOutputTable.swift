/// One table the job writes to `OUTPUT/<name>/`, and how `strata check --against` compares it.
/// The manifest (`_strata_manifest.json`) lists these; docs/spark.md describes each field.
package struct SparkOutputTable: Sendable, Equatable {
    /// What the table holds, which decides the comparison.
    package enum Kind: String, Sendable {
        /// Rows of data: row count and keys exactly, values exactly (floats to `tolerance`).
        case table
        /// One row per group: keys exactly, aggregates to `tolerance` relative.
        case aggregate
        /// Metric rows (`metric`, `value`, maybe `k`): each value within `tolerance`.
        case modelQuality = "model_quality"
    }

    /// What may be compared at all.
    package enum Compare: String, Sendable {
        /// Row count, keys and values.
        case values
        /// Only the row count: the rows themselves come from a different random draw.
        case rowCount = "row_count"
        /// Each metric's value within the tolerance.
        case metrics
    }

    package var name: String
    /// The Python variable holding it.
    package var variable: String
    /// Columns that identify a row; the job sorts by them before writing.
    package var keys: [String]
    package var kind: Kind
    package var compare: Compare
    /// Relative for values, absolute for metrics (see `toleranceIsRelative`).
    package var tolerance: Double
    package var toleranceIsRelative: Bool
    /// With a relative tolerance: the absolute one below which any difference passes (values near
    /// zero, such as a z-score or a principal component of a row near the mean).
    package var absoluteFloor: Double? = nil
    /// Why the tolerance is what it is, when it is not the default.
    package var note: String?

    package static func data(_ name: String, keys: [String] = [], kind: Kind = .table) -> SparkOutputTable {
        SparkOutputTable(name: name, variable: SparkPython.variable(name), keys: keys, kind: kind, compare: .values,
                         tolerance: 1e-9, toleranceIsRelative: true, note: nil)
    }
}
