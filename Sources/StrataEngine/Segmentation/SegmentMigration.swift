/// How the same customers moved between two segmentations (period 1 → period 2).
public struct SegmentMigration: Sendable {
    public let fromLabels: [String]
    public let toLabels: [String]
    /// counts[a][b]: customers in segment a before and b after.
    public let counts: [[Int]]
    /// Customers only in the first segmentation, by their first segment.
    public let onlyInFrom: [Int]
    /// Customers only in the second, by their second segment.
    public let onlyInTo: [Int]
    public let skippedMissingKeys: Int

    public var inBoth: Int { counts.reduce(0) { $0 + $1.reduce(0, +) } }

    /// Customers whose segment label is the same in both periods.
    public var unchanged: Int {
        var n = 0
        for (a, label) in fromLabels.enumerated() { if let b = toLabels.firstIndex(of: label) { n += counts[a][b] } }
        return n
    }

    /// Customer keys are compared by value; a key that appears twice in one table is refused.
    public static func compute(from a: Table, to b: Table, key: (String, String), segment: (String, String),
                               context: RunContext = .quiet) throws -> SegmentMigration {
        let (keysA, groupsA, skippedA) = try keyed(a, key: key.0, segment: segment.0, side: "first", context: context)
        let (keysB, groupsB, skippedB) = try keyed(b, key: key.1, segment: segment.1, side: "second", context: context)
        var rowOfKeyInB: [Value: Int] = [:]
        for (row, k) in keysB { rowOfKeyInB[k] = row }
        var counts = [[Int]](repeating: [Int](repeating: 0, count: groupsB.labels.count), count: groupsA.labels.count)
        var onlyInFrom = [Int](repeating: 0, count: groupsA.labels.count)
        var onlyInTo = groupsB.sizes
        for g in groupsB.labels.indices { onlyInTo[g] = 0 }
        var matchedB = Set<Int>()
        for (row, k) in keysA {
            let ga = groupsA.groupOfRow[row]
            if let rowB = rowOfKeyInB[k] {
                counts[ga][groupsB.groupOfRow[rowB]] += 1
                matchedB.insert(rowB)
            } else {
                onlyInFrom[ga] += 1
            }
        }
        for (row, _) in keysB where !matchedB.contains(row) { onlyInTo[groupsB.groupOfRow[row]] += 1 }
        return SegmentMigration(fromLabels: groupsA.labels, toLabels: groupsB.labels, counts: counts,
                                onlyInFrom: onlyInFrom, onlyInTo: onlyInTo, skippedMissingKeys: skippedA + skippedB)
    }

    private static func keyed(_ t: Table, key: String, segment: String, side: String,
                              context: RunContext) throws -> ([(Int, Value)], SegmentGroups, Int) {
        let keyColumn = try t.requireColumn(key)
        let groups = try SegmentGroups(try t.requireColumn(segment), context: context)
        var seen = Set<Value>()
        var keys: [(Int, Value)] = []
        var skipped = 0
        for row in 0..<t.rowCount {
            let v = keyColumn.value(at: row)
            if v.isMissing { skipped += 1; continue }
            guard seen.insert(v).inserted else {
                throw EngineError("customer \(DescribeFormat.plain(v)) appears twice in the \(side) table (column '\(key)')",
                                  suggestion: "migration compares one segment per customer; group the table by '\(key)' first")
            }
            keys.append((row, v))
        }
        return (keys, groups, skipped)
    }

    /// Counts with the "only in" margins: rows = first segments plus "(new)", columns = second
    /// segments plus "(gone)".
    public func countsTable() throws -> Table {
        var columns = [Column(name: "from", data: .string(codes: (0...fromLabels.count).map { Int32($0) },
                                                          dictionary: fromLabels + ["(new)"]))]
        for (b, label) in toLabels.enumerated() {
            columns.append(Column(name: label, data: .int(counts.map { Int64($0[b]) } + [Int64(onlyInTo[b])])))
        }
        columns.append(Column(name: "(gone)", data: .int(onlyInFrom.map { Int64($0) } + [0])))
        return try Table(columns: columns)
    }

    /// Each first segment's customers as shares of that segment (the "(gone)" column included).
    public func rowSharesTable() throws -> Table {
        var columns = [Column(name: "from", data: .string(codes: fromLabels.indices.map { Int32($0) }, dictionary: fromLabels))]
        let totals = fromLabels.indices.map { counts[$0].reduce(0, +) + onlyInFrom[$0] }
        func share(_ part: Int, _ a: Int) -> Value { totals[a] > 0 ? .float(Double(part) / Double(totals[a])) : .missing }
        for (b, label) in toLabels.enumerated() {
            columns.append(Column.fromValues(name: label, type: .float, values: fromLabels.indices.map { share(counts[$0][b], $0) }))
        }
        columns.append(Column.fromValues(name: "(gone)", type: .float, values: fromLabels.indices.map { share(onlyInFrom[$0], $0) }))
        return try Table(columns: columns)
    }
}
