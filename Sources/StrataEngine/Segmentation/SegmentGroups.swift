/// The rows of a table grouped by a segment column, with the groups in a stable, readable order:
/// numbers ascending (cluster 0, 1, …; DBSCAN noise −1 first), the standard RFM segment names in
/// their documented order, any other text alphabetically; missing values last as "(missing)".
struct SegmentGroups {
    let labels: [String]
    /// Group index per row.
    let groupOfRow: [Int]
    let sizes: [Int]

    static let missingLabel = "(missing)"

    /// `preferred` labels come first, in that order; the rest follow in the default order.
    init(_ column: Column, preferred: [String] = [], context: RunContext) throws {
        let keys = try DenseKeyEncoder.encode(column, missing: .ownKey, context: context)
        let values = keys.firstRow.map { column.value(at: $0) }
        var order = Self.order(values)
        if !preferred.isEmpty {
            let rank = Dictionary(preferred.enumerated().map { ($1, $0) }, uniquingKeysWith: { a, _ in a })
            let label = { (id: Int) in values[id].isMissing ? Self.missingLabel : DescribeFormat.plain(values[id]) }
            order = order.enumerated().sorted { a, b in
                (rank[label(a.element)] ?? preferred.count + a.offset) < (rank[label(b.element)] ?? preferred.count + b.offset)
            }.map(\.element)
        }
        var position = [Int](repeating: 0, count: keys.count)
        for (p, id) in order.enumerated() { position[id] = p }
        labels = order.map { values[$0].isMissing ? Self.missingLabel : DescribeFormat.plain(values[$0]) }
        groupOfRow = keys.ids.map { position[Int($0)] }
        var sizes = [Int](repeating: 0, count: keys.count)
        for g in groupOfRow { sizes[g] += 1 }
        self.sizes = sizes
    }

    /// Ids in display order.
    static func order(_ values: [Value]) -> [Int] {
        let rfmRank = Dictionary(uniqueKeysWithValues: RFMSegments.names.enumerated().map { ($1, $0) })
        let allRFM = values.allSatisfy { v in if case .string(let s) = v { return rfmRank[s] != nil } else { return v.isMissing } }
        return values.indices.sorted { a, b in
            let va = values[a], vb = values[b]
            if va.isMissing != vb.isMissing { return vb.isMissing }
            if let x = va.doubleValue, let y = vb.doubleValue, x != y { return x < y }
            if case .string(let s) = va, case .string(let t) = vb, s != t {
                if allRFM, let i = rfmRank[s], let j = rfmRank[t] { return i < j }
                return s < t
            }
            return a < b
        }
    }
}

/// Labels by table row, for tables that are compared row by row (migration).
extension SegmentGroups {
    func label(ofRow row: Int) -> String { labels[groupOfRow[row]] }
}
