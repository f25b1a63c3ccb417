/// Grouping and aggregation.
///
/// - Groups appear in the order of their first row in the input, which keeps the output stable and
///   predictable without sorting (sort the result for another order).
/// - Missing key values form a group of their own, shown with a missing key (pandas' `dropna=False`).
///   Equal keys group together across types' quirks: -0.0 with 0.0, and repeated dictionary strings.
/// - Without key columns the whole table is one group, and the result has exactly one row, even for an
///   empty table (SQL's aggregate without GROUP BY).
/// - Output columns: the key columns, then one column per aggregate, in the order given.
public enum GroupBy {
    public static func aggregate(keys: [Column], aggregates: [Aggregate], rowCount: Int,
                                 context: RunContext = .quiet) throws -> GroupedTable {
        try validate(keys: keys, aggregates: aggregates, rowCount: rowCount)
        let groupKeys: DenseKeys
        if keys.isEmpty {
            groupKeys = DenseKeys(ids: [Int32](repeating: 0, count: rowCount), count: 1, firstRow: [])
        } else {
            groupKeys = try DenseKeyEncoder.encode(keys, missing: .ownKey, rowCount: rowCount, context: context)
        }
        let kernels = try GroupKernels(ids: groupKeys.ids, groups: groupKeys.count, context: context)
        var columns = keys.map { $0.taking(groupKeys.firstRow) }
        var notes: [String] = []
        for aggregate in aggregates {
            let column = try compute(aggregate, kernels, notes: &notes)
            columns.append(column.renamed(aggregate.name))
        }
        return GroupedTable(table: Table(uncheckedColumns: columns, rowCount: groupKeys.count), notes: notes)
    }

    private static func validate(keys: [Column], aggregates: [Aggregate], rowCount: Int) throws {
        var names = Set<String>()
        for key in keys {
            guard key.count == rowCount else {
                throw EngineError("group key '\(key.name)' has \(key.count) rows, the table has \(rowCount)")
            }
            guard names.insert(key.name).inserted else {
                throw EngineError("column '\(key.name)' is listed twice as a group key")
            }
        }
        for a in aggregates {
            guard !a.name.isEmpty else { throw EngineError("an aggregate needs a name for its output column") }
            guard names.insert(a.name).inserted else {
                throw EngineError("two output columns would be called '\(a.name)'",
                                  suggestion: "give one of them another name")
            }
            guard let input = a.input else {
                if a.function == .count { continue }
                throw EngineError("\(a.function.rawValue) needs a column to aggregate")
            }
            guard input.count == rowCount else {
                throw EngineError("the input of '\(a.name)' has \(input.count) rows, the table has \(rowCount)")
            }
            if a.function.needsNumericInput {
                switch input.type {
                case .int, .float, .bool: break
                case .string, .date, .timestamp:
                    throw EngineError("\(a.function.rawValue) needs numbers, but '\(input.name)' is \(input.type.rawValue)",
                                      suggestion: "try count, distinct, min, max, first or last")
                }
            }
        }
    }

    private static func compute(_ a: Aggregate, _ k: GroupKernels, notes: inout [String]) throws -> Column {
        let total = ColumnDisplay(isTotal: true)
        guard let input = a.input else { return Column(name: a.name, data: .int(k.rowCounts), display: total) }
        let flags = input.missingFlagsIncludingPlaceholders()
        switch a.function {
        case .count:
            return Column(name: a.name, data: .int(try k.presentCounts(flags)), display: total)
        case .distinct:
            let values = try DenseKeyEncoder.encode(input, missing: .excluded, context: k.context)
            return Column(name: a.name, data: .int(try k.distinctCounts(values)), display: total)
        case .first, .last:
            return input.taking(try k.edgeRows(flags, last: a.function == .last))
        case .min, .max:
            return input.taking(try extremeRows(input, flags, k, max: a.function == .max))
        case .sum:
            return try sum(input, flags, k, notes: &notes).displayed(as: input.display.asTotal)
        case .mean:
            let (sums, counts) = try sumsAsDoubles(input, flags, k)
            return floatColumn(a.name, (0..<k.groups).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : .nan })
        case .std:
            let (sums, counts) = try sumsAsDoubles(input, flags, k)
            let means = (0..<k.groups).map { counts[$0] > 0 ? sums[$0] / Double(counts[$0]) : 0 }
            let squares: [Double]
            switch input.data {
            case .int(let v): squares = try k.squaredDeviations(v, flags, means: means) { Double($0) }
            case .float(let v): squares = try k.squaredDeviations(v, flags, means: means) { $0 }
            case .bool(let v): squares = try k.squaredDeviations(v, flags, means: means) { $0 ? 1 : 0 }
            case .string, .date, .timestamp: throw unsupported(a, input)
            }
            return floatColumn(a.name, (0..<k.groups).map {
                counts[$0] > 1 ? (squares[$0] / Double(counts[$0] - 1)).squareRoot() : .nan
            })
        case .median:
            let medians: [Double]
            switch input.data {
            case .int(let v): medians = try k.medians(v, flags) { Double($0) }
            case .float(let v): medians = try k.medians(v, flags) { $0 }
            case .bool(let v): medians = try k.medians(v, flags) { $0 ? 1 : 0 }
            case .string, .date, .timestamp: throw unsupported(a, input)
            }
            return floatColumn(a.name, medians)
        }
    }

    private static func sum(_ input: Column, _ flags: [Bool]?, _ k: GroupKernels, notes: inout [String]) throws -> Column {
        switch input.data {
        case .int(let v):
            if let exact = try k.exactSums(v, flags) { return Column(name: input.name, data: .int(exact)) }
            notes.append("the sum of '\(input.name)' does not fit in a 64-bit integer in some group, so it was computed as a float")
            return Column(name: input.name, data: .float(try k.floatSums(v, flags) { Double($0) }))
        case .bool(let v):
            return Column(name: input.name, data: .int(try k.trueCounts(v, flags)), display: ColumnDisplay(isTotal: true))
        case .float(let v):
            return Column(name: input.name, data: .float(try k.floatSums(v, flags) { $0 }))
        case .string, .date, .timestamp:
            throw unsupported(Aggregate(.sum, of: input, as: input.name), input)
        }
    }

    /// Per-group sums as doubles (exact for integers while they fit) and counts of values, for mean and std.
    private static func sumsAsDoubles(_ input: Column, _ flags: [Bool]?, _ k: GroupKernels) throws -> ([Double], [Int64]) {
        let counts = try k.presentCounts(flags)
        switch input.data {
        case .int(let v):
            if let exact = try k.exactSums(v, flags) { return (exact.map { Double($0) }, counts) }
            return (try k.floatSums(v, flags) { Double($0) }, counts)
        case .bool(let v):
            return (try k.trueCounts(v, flags).map { Double($0) }, counts)
        case .float(let v):
            return (try k.floatSums(v, flags) { $0 }, counts)
        case .string, .date, .timestamp:
            throw EngineError("'\(input.name)' is \(input.type.rawValue), not a number")
        }
    }

    private static func extremeRows(_ input: Column, _ flags: [Bool]?, _ k: GroupKernels, max: Bool) throws -> [Int] {
        switch input.data {
        case .int(let v), .date(let v), .timestamp(let v):
            return max ? try k.extremeRows(v, flags, >) : try k.extremeRows(v, flags, <)
        case .float(let v):
            return max ? try k.extremeRows(v, flags, >) : try k.extremeRows(v, flags, <)
        case .bool(let v):
            return max ? try k.extremeRows(v, flags) { $0 && !$1 } : try k.extremeRows(v, flags) { !$0 && $1 }
        case .string(let codes, let dictionary):
            let ranks = StringDictionaryOrder.byteOrderRanks(dictionary)
            // Present rows have in-range codes, so the rank lookup is safe for every row the kernel compares.
            let rowRanks = codes.map { $0 >= 0 && Int($0) < ranks.count ? ranks[Int($0)] : 0 }
            return max ? try k.extremeRows(rowRanks, flags, >) : try k.extremeRows(rowRanks, flags, <)
        }
    }

    private static func floatColumn(_ name: String, _ values: [Double]) -> Column {
        let flags = values.map(\.isNaN)
        return Column(name: name, data: .float(values), missing: MissingMask(flags: flags))
    }

    private static func unsupported(_ a: Aggregate, _ input: Column) -> EngineError {
        EngineError("\(a.function.rawValue) needs numbers, but '\(input.name)' is \(input.type.rawValue)")
    }
}

extension Table {
    /// Groups by the named columns and computes `aggregates` per group (see `GroupBy` for the order and
    /// missing-value rules, `AggregateFunction` for result types).
    public func grouped(by keys: [String], aggregates: [Aggregate], context: RunContext = .quiet) throws -> GroupedTable {
        try GroupBy.aggregate(keys: try keys.map { try requireColumn($0) }, aggregates: aggregates,
                              rowCount: rowCount, context: context)
    }
}
