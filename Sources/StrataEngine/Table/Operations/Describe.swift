/// A value and how many rows hold it.
public struct ValueCount: Sendable, Hashable {
    public var value: Value
    public var count: Int

    public init(value: Value, count: Int) {
        self.value = value
        self.count = count
    }
}

/// Summary statistics of one column, as shown by `describe`.
///
/// Which statistics a column gets depends on its type:
/// - int, float: mean, std, min, quartiles, max. Quartiles are floats (interpolated); min and max keep the type.
/// - bool: mean (the share of `true`) and std over 0/1, min and max as booleans; no quartiles.
/// - date, timestamp: min, quartiles and max as dates/timestamps; an interpolated quartile is rounded down
///   to a whole day/second. No mean or std.
/// - string: none of these; only counts, distinct values and the most frequent values.
/// Statistics that do not apply, or that have no data (an all-missing column; std of one value), are
/// `nil` / `.missing`.
public struct ColumnSummary: Sendable {
    public var name: String
    public var type: DataType
    /// Non-missing rows.
    public var count: Int
    /// Missing rows.
    public var missing: Int
    public var mean: Double?
    /// Sample standard deviation (divides by n - 1, like pandas).
    public var std: Double?
    public var min: Value = .missing
    /// 25th, 50th and 75th percentiles by linear interpolation (NumPy's and pandas' default).
    public var q25: Value = .missing
    public var median: Value = .missing
    public var q75: Value = .missing
    public var max: Value = .missing
    /// Distinct non-missing values.
    public var distinct: Int
    /// Up to three most frequent non-missing values, most frequent first; equal counts in order of
    /// first appearance in the column.
    public var top: [ValueCount]
}

extension Column {
    /// Summary statistics of this column (see `ColumnSummary`).
    public func summary(context: RunContext = .quiet) throws -> ColumnSummary {
        let keys = try DenseKeyEncoder.encode(self, missing: .excluded, context: context)
        var counts = [Int](repeating: 0, count: keys.count)
        var missingCount = 0
        for id in keys.ids {
            if id >= 0 { counts[Int(id)] += 1 } else { missingCount += 1 }
        }
        let top = ValueCounts.mostFrequent(3, counts: counts).map {
            ValueCount(value: value(at: keys.firstRow[$0]), count: counts[$0])
        }
        var s = ColumnSummary(name: name, type: type, count: count - missingCount, missing: missingCount,
                              distinct: keys.count, top: top)
        let flags = missingFlagsIncludingPlaceholders()
        try context.cancellation.check()
        switch data {
        case .int(let v):
            let xs = try Self.sortedInts(Self.present(v, flags), context)
            guard let lo = xs.first, let hi = xs.last else { break }
            (s.mean, s.std) = Moments.of(ints: xs)
            let asDoubles = xs.map { Double($0) }
            s.min = .int(lo)
            s.max = .int(hi)
            s.q25 = Quantiles.linear(sorted: asDoubles, 0.25).map(Value.float) ?? .missing
            s.median = Quantiles.linear(sorted: asDoubles, 0.5).map(Value.float) ?? .missing
            s.q75 = Quantiles.linear(sorted: asDoubles, 0.75).map(Value.float) ?? .missing
        case .float(let v):
            // The sort key encoding folds -0.0 into 0.0, so a minimum of zero never prints as "-0".
            var encoded = Self.present(v, flags).map(SortKeyEncoding.encode(double:))
            try RadixSort.sort(keys: &encoded, context: context)
            let xs = encoded.map(SortKeyEncoding.decode(double:))
            guard let lo = xs.first, let hi = xs.last else { break }
            (s.mean, s.std) = Moments.of(doubles: xs)
            s.min = .float(lo)
            s.max = .float(hi)
            s.q25 = Quantiles.linear(sorted: xs, 0.25).map(Value.float) ?? .missing
            s.median = Quantiles.linear(sorted: xs, 0.5).map(Value.float) ?? .missing
            s.q75 = Quantiles.linear(sorted: xs, 0.75).map(Value.float) ?? .missing
        case .bool(let v):
            let xs = Self.present(v, flags)
            guard !xs.isEmpty else { break }
            (s.mean, s.std) = Moments.of(doubles: xs.map { $0 ? 1 : 0 })
            s.min = .bool(!xs.contains(false))
            s.max = .bool(xs.contains(true))
        case .date(let v):
            Self.temporalOrderStatistics(try Self.sortedInts(Self.present(v, flags), context), into: &s, as: Value.date)
        case .timestamp(let v):
            Self.temporalOrderStatistics(try Self.sortedInts(Self.present(v, flags), context), into: &s, as: Value.timestamp)
        case .string:
            break
        }
        return s
    }

    private static func sortedInts(_ values: [Int64], _ context: RunContext) throws -> [Int64] {
        var encoded = values.map(SortKeyEncoding.encode(int:))
        try RadixSort.sort(keys: &encoded, context: context)
        return encoded.map(SortKeyEncoding.decode(int:))
    }

    private static func present<T>(_ values: [T], _ flags: [Bool]?) -> [T] {
        guard let flags else { return values }
        var out: [T] = []
        out.reserveCapacity(values.count)
        for i in 0..<values.count where !flags[i] { out.append(values[i]) }
        return out
    }

    private static func temporalOrderStatistics(_ xs: [Int64], into s: inout ColumnSummary, as wrap: (Int64) -> Value) {
        guard let lo = xs.first, let hi = xs.last else { return }
        let asDoubles = xs.map { Double($0) }
        func quartile(_ p: Double) -> Value {
            guard let q = Quantiles.linear(sorted: asDoubles, p) else { return .missing }
            let f = q.rounded(.down)
            // Double cannot hold every Int64, so keep the result inside the data's own range.
            let whole = f >= 9.223_372_036_854_775_807e18 ? Int64.max : Int64(f)
            return wrap(Swift.min(Swift.max(whole, lo), hi))
        }
        s.min = wrap(lo)
        s.max = wrap(hi)
        s.q25 = quartile(0.25)
        s.median = quartile(0.5)
        s.q75 = quartile(0.75)
    }
}

/// Mean and sample standard deviation, computed in two passes for accuracy.
enum Moments {
    static func of(doubles xs: [Double]) -> (mean: Double?, std: Double?) {
        guard !xs.isEmpty else { return (nil, nil) }
        var sum = CompensatedSum()
        for x in xs { sum.add(x) }
        let mean = sum.value / Double(xs.count)
        return (mean, std(xs.lazy.map { $0 }, mean: mean, count: xs.count))
    }

    /// Sums integers exactly while they fit in 64 bits, so the mean of large ids is not rounded early.
    static func of(ints xs: [Int64]) -> (mean: Double?, std: Double?) {
        guard !xs.isEmpty else { return (nil, nil) }
        var exact: Int64 = 0
        var overflow = false
        for x in xs {
            let (s, o) = exact.addingReportingOverflow(x)
            if o { overflow = true; break }
            exact = s
        }
        let mean: Double
        if overflow {
            var sum = CompensatedSum()
            for x in xs { sum.add(Double(x)) }
            mean = sum.value / Double(xs.count)
        } else {
            mean = Double(exact) / Double(xs.count)
        }
        return (mean, std(xs.lazy.map { Double($0) }, mean: mean, count: xs.count))
    }

    private static func std<S: Sequence>(_ xs: S, mean: Double, count: Int) -> Double? where S.Element == Double {
        guard count > 1 else { return nil }
        var squares = CompensatedSum()
        for x in xs {
            let d = x - mean
            squares.add(d * d)
        }
        return (squares.value / Double(count - 1)).squareRoot()
    }
}

extension Table {
    /// Summary statistics for each column (or the named ones), in column order.
    public func summaries(of names: [String]? = nil, context: RunContext = .quiet) throws -> [ColumnSummary] {
        let selected = try names.map { try $0.map { try requireColumn($0) } } ?? columns
        return try selected.map { try $0.summary(context: context) }
    }

    /// `describe`: one row per column with its type, counts, mean, std, min, quartiles, max, distinct
    /// count and most frequent values (see `ColumnSummary`).
    ///
    /// Output columns: `column`, `type`, `count`, `missing`, `mean`, `std`, `min`, `25%`, `50%`, `75%`,
    /// `max`, `distinct`, `top`. The order statistics mix numbers, dates and booleans from row to row,
    /// so they are text made by `format`; `top` reads like `a (3), b (2), c (1)`. Statistics that do not
    /// apply are missing cells.
    public func describe(of names: [String]? = nil, context: RunContext = .quiet,
                         format: (Value) -> String = DescribeFormat.plain) throws -> Table {
        let stats = try summaries(of: names, context: context)
        func text(_ name: String, _ pick: (ColumnSummary) -> Value) -> Column {
            var b = ColumnBuilder(name: name, type: .string, capacity: stats.count)
            for s in stats {
                let v = pick(s)
                if v.isMissing { b.appendMissing() } else { b.appendString(format(v)) }
            }
            return b.finish()
        }
        func float(_ name: String, _ pick: (ColumnSummary) -> Double?) -> Column {
            Column.fromValues(name: name, type: .float, values: stats.map { pick($0).map(Value.float) ?? .missing })
        }
        func int(_ name: String, _ pick: (ColumnSummary) -> Int) -> Column {
            Column(name: name, data: .int(stats.map { Int64(pick($0)) }))
        }
        var topColumn = ColumnBuilder(name: "top", type: .string, capacity: stats.count)
        for s in stats {
            if s.top.isEmpty {
                topColumn.appendMissing()
            } else {
                topColumn.appendString(s.top.map { "\(format($0.value)) (\($0.count))" }.joined(separator: ", "))
            }
        }
        let columns: [Column] = [
            Column(name: "column", data: .string(codes: (0..<stats.count).map { Int32(truncatingIfNeeded: $0) },
                                                 dictionary: stats.map(\.name))),
            text("type") { .string($0.type.rawValue) },
            int("count") { $0.count },
            int("missing") { $0.missing },
            float("mean") { $0.mean },
            float("std") { $0.std },
            text("min") { $0.min },
            text("25%") { $0.q25 },
            text("50%") { $0.median },
            text("75%") { $0.q75 },
            text("max") { $0.max },
            int("distinct") { $0.distinct },
            topColumn.finish(),
        ]
        return Table(uncheckedColumns: columns, rowCount: stats.count)
    }
}
