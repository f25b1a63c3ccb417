/// A pair of key columns to join on: a column of the left table and one of the right.
public struct JoinKey: Sendable, Hashable {
    public var left: String
    public var right: String

    public init(_ left: String, _ right: String) {
        self.left = left
        self.right = right
    }

    /// The same column name on both sides.
    public init(_ both: String) {
        self.init(both, both)
    }

    /// Parses the `on=` forms `id` (same name on both sides) and `customer_id:id` (left:right).
    public init(parsing text: String) throws {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false).map(String.init)
        switch parts.count {
        case 1 where !parts[0].isEmpty: self.init(parts[0])
        case 2 where !parts[0].isEmpty && !parts[1].isEmpty: self.init(parts[0], parts[1])
        default:
            throw EngineError("cannot read the join key '\(text)'", suggestion: "write name or left_name:right_name")
        }
    }
}

public enum JoinKind: String, Sendable, CaseIterable {
    /// Only left rows with at least one match.
    case inner
    /// Every left row; a left row without a match appears once with the right side's columns missing.
    case left
}

/// Equi-joins with SQL semantics.
///
/// - Keys: each pair must have compatible types: the same type, or int with float, compared as numbers
///   (a float key matches an int key only when it is a whole number equal to it; 3.5 matches no int).
///   Strings compare by text, so columns with different dictionaries join correctly. Date does not
///   match timestamp; convert one first.
/// - A missing key never matches anything, not even another missing key.
/// - Row order: left rows in their order; for one left row, its matches in right-table order.
/// - Columns: all left columns, then the right columns except key columns named like their left partner
///   (their values would repeat the left key). A right column whose name is already taken gets
///   `rightSuffix` (default `_right`), then `_right2`, `_right3`, … if that is taken too.
/// - The hash table is built on the right side, so put the smaller table on the right when you can.
public enum Join {
    /// The matching row pairs: output row `i` combines left row `left[i]` with right row `right[i]`
    /// (-1 for an unmatched left row in a left join).
    public static func rowPairs(left: Table, right: Table, on keys: [JoinKey], kind: JoinKind = .inner,
                                maxRows: Int = 500_000_000,
                                context: RunContext = .quiet) throws -> (left: [Int], right: [Int]) {
        guard !keys.isEmpty else {
            throw EngineError("a join needs at least one key column", suggestion: "add on=column or on=left:right")
        }
        try requireInt32Rows(left.rowCount, "join")
        try requireInt32Rows(right.rowCount, "join")
        let leftColumns = try keys.map { try left.requireColumn($0.left) }
        let rightColumns = try keys.map { key -> Column in
            guard let c = right.column(key.right) else {
                throw EngineError("no column '\(key.right)' in the right table",
                                  suggestion: Suggestions.columnHint(for: key.right, among: right.columnNames))
            }
            return c
        }
        let encoded = try JoinKeyEncoding.encode(leftColumns: leftColumns, rightColumns: rightColumns, context: context)

        // Right rows bucketed by key id, each bucket in right-table order (a counting sort).
        var offsets = [Int](repeating: 0, count: encoded.count + 1)
        for id in encoded.right where id >= 0 { offsets[Int(id) + 1] += 1 }
        for k in 0..<encoded.count { offsets[k + 1] += offsets[k] }
        var cursor = Array(offsets.dropLast())
        var bucketed = [Int](repeating: 0, count: offsets[encoded.count])
        for (row, id) in encoded.right.enumerated() where id >= 0 {
            bucketed[cursor[Int(id)]] = row
            cursor[Int(id)] += 1
        }

        // Size the output first, so a join that would explode fails before allocating anything big.
        var total = 0
        for id in encoded.left {
            let matches = id >= 0 ? offsets[Int(id) + 1] - offsets[Int(id)] : 0
            total += matches == 0 && kind == .left ? 1 : matches
            if total > maxRows {
                throw EngineError("the join would produce more than \(maxRows) rows",
                                  suggestion: "check that the key values are unique on at least one side")
            }
        }
        var leftRows: [Int] = []
        var rightRows: [Int] = []
        leftRows.reserveCapacity(total)
        rightRows.reserveCapacity(total)
        for range in FixedChunks(total: encoded.left.count, size: FixedChunks.rowBlock) {
            try context.cancellation.check()
            for row in range {
                let id = encoded.left[row]
                let matches = id >= 0 ? offsets[Int(id)]..<offsets[Int(id) + 1] : 0..<0
                if matches.isEmpty {
                    if kind == .left {
                        leftRows.append(row)
                        rightRows.append(-1)
                    }
                    continue
                }
                for m in matches {
                    leftRows.append(row)
                    rightRows.append(bucketed[m])
                }
            }
        }
        return (leftRows, rightRows)
    }
}

extension Table {
    /// Joins `right` onto this table (see `Join` for matching, order and naming rules).
    public func joined(with right: Table, on keys: [JoinKey], kind: JoinKind = .inner, rightSuffix: String = "_right",
                       maxRows: Int = 500_000_000, context: RunContext = .quiet) throws -> Table {
        let cap = min(maxRows, ResultLimits.maxRows(columnCount: columnCount + right.columnCount))
        let pairs = try Join.rowPairs(left: self, right: right, on: keys, kind: kind, maxRows: cap, context: context)
        var used = Set(columnNames)
        var output = columns.map { $0.taking(pairs.left) }
        let repeatedKeys = Set(keys.filter { $0.left == $0.right }.map(\.right))
        for column in right.columns where !repeatedKeys.contains(column.name) {
            try context.cancellation.check()
            var name = column.name
            if used.contains(name) {
                name = column.name + rightSuffix
                var k = 2
                while used.contains(name) {
                    name = column.name + rightSuffix + String(k)
                    k += 1
                }
            }
            used.insert(name)
            output.append(column.taking(pairs.right).renamed(name))
        }
        return Table(uncheckedColumns: output, rowCount: pairs.left.count)
    }
}
