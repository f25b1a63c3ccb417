/// Every feature of a training set as the ranks of its distinct values, computed once per fit and
/// shared by every tree of a forest (ranger's idea): a node then finds its exact best split by
/// counting class totals per rank, or by sorting small integers, instead of sorting doubles at
/// every node. Splits are unchanged: a threshold is still the midpoint of two consecutive distinct
/// values, read back from `distinct`.
///
/// Ranks are feature-major in one buffer: feature `f`, row `r` at `ranks[f * rowCount + r]`.
/// A categorical feature's rank is its level code; a missing value's rank is `missing`.
struct TreeRanks: Sendable {
    static let missing = UInt32.max

    let ranks: [UInt32]
    /// Sorted distinct values of every numeric feature, concatenated; feature `f`'s run starts at
    /// `distinctStart[f]` (categorical features have none).
    let distinct: [Double]
    let distinctStart: [Int]
    /// Per feature, how many ranks it has: its distinct values, or its levels.
    let rankCounts: [Int]

    init(columns: [[Double]], levelCounts: [Int], rowCount n: Int) {
        let p = columns.count
        // Numeric features are ranked in parallel, one chunk per feature; results in feature order.
        let perFeature = (try? FixedChunks(pieces: p).map(cancellation: .never) { range -> ([UInt32], [Double]) in
            let f = range.lowerBound
            return Self.rank(columns[f], levels: levelCounts[f])
        }) ?? []
        var ranks: [UInt32] = []
        ranks.reserveCapacity(p * n)
        var distinct: [Double] = []
        var distinctStart: [Int] = []
        var rankCounts: [Int] = []
        for (f, (featureRanks, values)) in perFeature.enumerated() {
            ranks.append(contentsOf: featureRanks)
            distinctStart.append(distinct.count)
            distinct.append(contentsOf: values)
            rankCounts.append(levelCounts[f] > 0 ? levelCounts[f] : values.count)
        }
        self.ranks = ranks
        self.distinct = distinct
        self.distinctStart = distinctStart
        self.rankCounts = rankCounts
    }

    /// One column's ranks and (numeric) sorted distinct values.
    private static func rank(_ column: [Double], levels: Int) -> ([UInt32], [Double]) {
        var ranks = [UInt32](repeating: missing, count: column.count)
        if levels > 0 {
            for (row, v) in column.enumerated() where !v.isNaN { ranks[row] = UInt32(v) }
            return (ranks, [])
        }
        struct Entry { var value: Double; var row: Int32 }
        var entries: [Entry] = []
        entries.reserveCapacity(column.count)
        for (row, v) in column.enumerated() where !v.isNaN { entries.append(Entry(value: v, row: Int32(row))) }
        entries.withUnsafeMutableBufferPointer { $0.sort { $0.value < $1.value } }
        var distinct: [Double] = []
        for entry in entries {
            if distinct.last != entry.value { distinct.append(entry.value) }
            ranks[Int(entry.row)] = UInt32(distinct.count - 1)
        }
        return (ranks, distinct)
    }
}
