/// What a segment looks like next to everyone: size, share, each numeric feature's mean and its
/// index against the overall mean (100 = average), and the most frequent value of each text column.
public struct SegmentProfile: Sendable {
    public let segmentColumn: String
    public let labels: [String]
    public let sizes: [Int]
    public let rowCount: Int
    public let numericColumns: [String]
    /// means[g][j]: mean of numeric column j in segment g over its non-missing values; nil when there are none.
    public let means: [[Double?]]
    public let overallMeans: [Double?]
    public let categoricalColumns: [String]
    /// top[g][j]: the most frequent value of text column j in segment g and its share of the segment.
    public let top: [[(value: String, share: Double)?]]

    /// 100 × segment mean / overall mean; nil when the overall mean is 0 or missing, or negative
    /// (an index against a negative mean reads backwards).
    public func index(segment g: Int, column j: Int) -> Double? {
        guard let m = means[g][j], let o = overallMeans[j], o > 0 else { return nil }
        return 100 * m / o
    }

    public var shares: [Double] { sizes.map { rowCount > 0 ? Double($0) / Double(rowCount) : 0 } }

    /// The table the charts read: segment, size, share, then each numeric column's mean and index.
    public func table() throws -> Table {
        var columns = [Column(name: segmentColumn, data: .string(codes: labels.indices.map { Int32($0) }, dictionary: labels)),
                       Column(name: "size", data: .int(sizes.map { Int64($0) })),
                       Column(name: "share", data: .float(shares))]
        for (j, name) in numericColumns.enumerated() {
            columns.append(Self.optionalColumn(name, means.map { $0[j] }))
        }
        for (j, name) in numericColumns.enumerated() {
            columns.append(Self.optionalColumn(name + "_index", labels.indices.map { index(segment: $0, column: j) }))
        }
        return try Table(columns: columns)
    }

    static func optionalColumn(_ name: String, _ values: [Double?]) -> Column {
        Column.fromValues(name: name, type: .float, values: values.map { $0.map(Value.float) ?? .missing })
    }

    /// Segments are listed numbers ascending, standard RFM names in their order, other text alphabetically;
    /// labels in `order` come first. Numeric columns default to every int and float column but the
    /// segment column; text columns to every other text column with at most `maxCategories` values.
    public static func compute(_ table: Table, by segmentColumn: String, numeric: [String]? = nil,
                               categorical: [String]? = nil, order: [String] = [], maxCategories: Int = 50,
                               context: RunContext = .quiet) throws -> SegmentProfile {
        let segment = try table.requireColumn(segmentColumn)
        let groups = try SegmentGroups(segment, preferred: order, context: context)
        let numericNames = numeric ?? table.columns.filter { $0.name != segmentColumn && [.int, .float].contains($0.type) }.map(\.name)
        var means: [[Double?]] = Array(repeating: [], count: groups.labels.count)
        var overall: [Double?] = []
        for name in numericNames {
            guard let values = try table.requireColumn(name).doubles() else {
                throw EngineError("column '\(name)' is text; profile shows its most frequent values instead",
                                  suggestion: "list it under cats= rather than cols=")
            }
            var sums = [CompensatedSum](repeating: CompensatedSum(), count: groups.labels.count)
            var counts = [Int](repeating: 0, count: groups.labels.count)
            var total = CompensatedSum(), totalCount = 0
            for (i, v) in values.enumerated() where v.isFinite {
                sums[groups.groupOfRow[i]].add(v); counts[groups.groupOfRow[i]] += 1
                total.add(v); totalCount += 1
            }
            for g in groups.labels.indices { means[g].append(counts[g] > 0 ? sums[g].value / Double(counts[g]) : nil) }
            overall.append(totalCount > 0 ? total.value / Double(totalCount) : nil)
        }
        var categoricalNames: [String] = []
        if let categorical {
            categoricalNames = categorical
        } else {
            for c in table.columns where c.type == .string && c.name != segmentColumn {
                if try c.distinctCount(context: context) <= maxCategories { categoricalNames.append(c.name) }
            }
        }
        var top: [[(value: String, share: Double)?]] = Array(repeating: [], count: groups.labels.count)
        for name in categoricalNames {
            let column = try table.requireColumn(name)
            let keys = try DenseKeyEncoder.encode(column, missing: .excluded, context: context)
            var counts = [[Int]](repeating: [Int](repeating: 0, count: keys.count), count: groups.labels.count)
            for (i, id) in keys.ids.enumerated() where id >= 0 { counts[groups.groupOfRow[i]][Int(id)] += 1 }
            for g in groups.labels.indices {
                guard let best = ValueCounts.mostFrequent(1, counts: counts[g]).first, counts[g][best] > 0 else {
                    top[g].append(nil); continue
                }
                top[g].append((DescribeFormat.plain(column.value(at: keys.firstRow[best])),
                               Double(counts[g][best]) / Double(groups.sizes[g])))
            }
        }
        return SegmentProfile(segmentColumn: segmentColumn, labels: groups.labels, sizes: groups.sizes, rowCount: table.rowCount,
                              numericColumns: numericNames, means: means, overallMeans: overall,
                              categoricalColumns: categoricalNames, top: top)
    }
}
