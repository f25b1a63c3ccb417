/// One key of a sort: a column of the table and its direction.
public struct SortKey: Sendable, Hashable {
    public var column: String
    public var descending: Bool

    public init(_ column: String, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// A sort key given as a column rather than a name, for keys computed by an expression.
public struct ColumnSortKey: Sendable {
    public var column: Column
    public var descending: Bool

    public init(_ column: Column, descending: Bool = false) {
        self.column = column
        self.descending = descending
    }
}

/// Multi-key row ordering.
///
/// The order is:
/// - lexicographic over the keys, each ascending or descending;
/// - stable: rows that tie on every key keep their original relative order (in both directions);
/// - missing values last for every key, whatever its direction (pandas' `na_position="last"`);
/// - numbers by value (-0.0 equals 0.0), booleans false before true, dates and timestamps chronologically;
/// - strings by UTF-8 bytes, i.e. by Unicode scalar values: "B" < "a" < "é". No locale is involved,
///   so the order is the same everywhere.
public enum RowSorter {
    /// The row indices of the input in sorted order: row `permutation[i]` of the input becomes row `i`.
    public static func permutation(keys: [ColumnSortKey], rowCount: Int, context: RunContext = .quiet) throws -> [Int] {
        guard !keys.isEmpty else {
            throw EngineError("sort needs at least one column to sort by")
        }
        for key in keys where key.column.count != rowCount {
            throw EngineError("sort key '\(key.column.name)' has \(key.column.count) rows, the table has \(rowCount)")
        }
        try requireInt32Rows(rowCount, "sort")
        var rows = (0..<rowCount).map { Int32(truncatingIfNeeded: $0) }
        var isIdentity = true
        // Least significant key first: each later (more significant) pass is stable, so it keeps the
        // order the earlier passes established among its ties.
        for key in keys.reversed() {
            let encoded = SortKeyEncoding.encode(key.column, descending: key.descending)
            let missing = key.column.missingFlagsIncludingPlaceholders()
            var current: [UInt64]
            if isIdentity {
                current = encoded
            } else {
                current = rows.map { encoded[Int($0)] }
            }
            if let missing {
                // Missing rows all tie on this key; the partition below moves them to the end.
                for i in 0..<rowCount where missing[Int(rows[i])] { current[i] = 0 }
            }
            try RadixSort.sort(keys: &current, rows: &rows, context: context)
            if let missing { RadixSort.partitionLast(rows: &rows, flaggedBy: missing) }
            isIdentity = false
        }
        return rows.map { Int($0) }
    }
}

extension Table {
    /// The permutation that sorts this table by `keys` (see `RowSorter` for the order).
    public func sortPermutation(by keys: [SortKey], context: RunContext = .quiet) throws -> [Int] {
        let resolved = try keys.map { ColumnSortKey(try requireColumn($0.column), descending: $0.descending) }
        return try RowSorter.permutation(keys: resolved, rowCount: rowCount, context: context)
    }

    /// This table sorted by `keys` (see `RowSorter` for the order).
    public func sorted(by keys: [SortKey], context: RunContext = .quiet) throws -> Table {
        takingRows(try sortPermutation(by: keys, context: context))
    }
}
