/// What an aggregate computes for each group. Missing input values are skipped by every function.
///
/// Result types:
/// - `count`, `distinct` → int.
/// - `sum` → int for int and bool inputs (bool counts the `true`s), float for floats. An integer sum
///   that would leave the 64-bit range is computed as a float instead, with a note. A group without
///   values sums to 0, like pandas.
/// - `mean`, `median`, `std` → float; missing for a group without values (and for `std`, with one value).
/// - `min`, `max`, `first`, `last` → the input's type; missing for a group without values.
public enum AggregateFunction: String, Sendable, CaseIterable {
    /// Without an input: rows in the group (SQL `count(*)`). With one: rows where it is not missing.
    case count
    case sum
    case mean
    /// Linear interpolation between the middle values when the count is even.
    case median
    /// Strings by UTF-8 byte order, as in sorting; the first row wins ties.
    case min
    case max
    /// Sample standard deviation (n - 1 in the denominator, like pandas).
    case std
    /// Number of distinct non-missing values.
    case distinct
    /// The first non-missing value in row order (like pandas' `first`).
    case first
    /// The last non-missing value in row order.
    case last

    /// Functions that read their input as numbers: int, float, or bool as 0/1.
    public var needsNumericInput: Bool {
        switch self {
        case .sum, .mean, .median, .std: return true
        case .count, .min, .max, .distinct, .first, .last: return false
        }
    }
}

/// One output column of a grouping: a function, its input and the output column's name.
///
/// The input is a `Column` rather than a name so that computed expressions can be aggregated; it must
/// have as many rows as the grouped table.
public struct Aggregate: Sendable {
    public var function: AggregateFunction
    public var input: Column?
    public var name: String

    public init(_ function: AggregateFunction, of input: Column?, as name: String) {
        self.function = function
        self.input = input
        self.name = name
    }

    /// Rows per group.
    public static func count(as name: String = "count") -> Aggregate {
        Aggregate(.count, of: nil, as: name)
    }
}

/// The result of a grouping: one row per group, plus notes about anything the user should know
/// (such as an integer sum that had to become a float).
public struct GroupedTable: Sendable {
    public var table: Table
    public var notes: [String]
}
