/// How `valueCounts` orders the distinct values.
public enum ValueCountOrder: String, Sendable, CaseIterable {
    /// Most frequent first; equal counts in order of first appearance (pandas' `value_counts` order,
    /// made deterministic for ties).
    case count
    /// In the order each value first occurs in the column.
    case firstAppearance
    /// Ascending by value, in the same order `sort` uses.
    case value
}

/// The distinct non-missing values of a column with how often each occurs.
public struct ValueCounts: Sendable {
    /// The distinct values, typed like the source column and named after it.
    public var values: Column
    /// `counts[i]` is the number of rows holding `values` row `i`.
    public var counts: [Int]
    /// Rows whose value is missing; these are not among `values`.
    public var missingCount: Int

    public var distinctCount: Int { counts.count }

    /// A two-column table: the values (named after the source column) and `count` (or `n` when the source
    /// column is itself called `count`). With `includeMissing`, a final row with a missing value counts
    /// the missing rows, if there are any.
    public func table(includeMissing: Bool = false) -> Table {
        var valueColumn = values
        var countValues = counts.map { Int64($0) }
        if includeMissing && missingCount > 0 {
            valueColumn = values.taking(Array(0..<values.count) + [-1])
            countValues.append(Int64(missingCount))
        }
        let countName = values.name == "count" ? "n" : "count"
        return Table(uncheckedColumns: [valueColumn, Column(name: countName, data: .int(countValues), display: ColumnDisplay(isTotal: true))],
                     rowCount: countValues.count)
    }
}

extension ValueCounts {
    /// The ids of the `k` largest counts, largest first, equal counts by smaller id (first appearance).
    /// A linear scan, so `describe` need not sort a million distinct values to show three.
    static func mostFrequent(_ k: Int, counts: [Int]) -> [Int] {
        guard k > 0 else { return [] }
        var best: [Int] = []
        for id in 0..<counts.count {
            guard best.count < k || counts[id] > counts[best[best.count - 1]] else { continue }
            var p = best.count
            while p > 0 && counts[best[p - 1]] < counts[id] { p -= 1 }
            best.insert(id, at: p)
            if best.count > k { best.removeLast() }
        }
        return best
    }
}

extension Column {
    /// Counts each distinct non-missing value (see `ValueCountOrder` for the order).
    public func valueCounts(order: ValueCountOrder = .count, context: RunContext = .quiet) throws -> ValueCounts {
        let keys = try DenseKeyEncoder.encode(self, missing: .excluded, context: context)
        var counts = [Int](repeating: 0, count: keys.count)
        var missingCount = 0
        for id in keys.ids {
            if id >= 0 { counts[Int(id)] += 1 } else { missingCount += 1 }
        }
        let firstAppearance = taking(keys.firstRow)
        let ordering: [Int]
        switch order {
        case .firstAppearance:
            ordering = Array(0..<keys.count)
        case .count:
            ordering = (0..<keys.count).sorted { counts[$0] != counts[$1] ? counts[$0] > counts[$1] : $0 < $1 }
        case .value:
            ordering = try RowSorter.permutation(keys: [ColumnSortKey(firstAppearance)], rowCount: keys.count,
                                                 context: context)
        }
        return ValueCounts(values: firstAppearance.taking(ordering), counts: ordering.map { counts[$0] },
                           missingCount: missingCount)
    }

    /// The distinct non-missing values in order of first appearance.
    public func distinctValues(context: RunContext = .quiet) throws -> Column {
        taking(try DenseKeyEncoder.encode(self, missing: .excluded, context: context).firstRow)
    }

    /// How many distinct non-missing values the column holds.
    public func distinctCount(context: RunContext = .quiet) throws -> Int {
        try DenseKeyEncoder.encode(self, missing: .excluded, context: context).count
    }
}

extension Table {
    /// Value counts of one column as a table (see `ValueCounts.table`).
    public func valueCounts(of column: String, order: ValueCountOrder = .count, includeMissing: Bool = false,
                            context: RunContext = .quiet) throws -> Table {
        try requireColumn(column).valueCounts(order: order, context: context).table(includeMissing: includeMissing)
    }
}
