/// How repeated (user, item) pairs are combined into one entry.
public enum DuplicateRule: String, Sendable, CaseIterable {
    /// The value of the last row in input order (ratings that were revised).
    case last
    /// The value of the first row in input order.
    case first
    case mean
    /// Total weight (implicit events: three views weigh three).
    case sum
    case max

    public var phrase: String {
        switch self {
        case .last: return "kept the last in row order"
        case .first: return "kept the first in row order"
        case .mean: return "averaged"
        case .sum: return "summed"
        case .max: return "kept the largest"
        }
    }
}

/// A CSR matrix built from (row, column, value) triplets, with duplicates combined.
public struct CSRBuild: Sendable {
    public let matrix: CSRMatrix
    /// One timestamp per stored entry when times were given: the time of the kept row for
    /// `last`/`first`, otherwise the latest time among the combined rows.
    public let times: [Int64]?
    /// Input triplets folded into an earlier entry with the same (row, column).
    public let duplicatesCombined: Int
}

extension CSRMatrix {
    /// Builds CSR from triplets in about linear time: one counting sort by row moves a 64-bit key
    /// (column, input position) per entry, then each row's keys are sorted in place (rows are short),
    /// which leaves repeated pairs adjacent and in input order, so `last`/`first` mean input order.
    /// Row and column indices must be in range (the caller encodes them).
    public static func fromTriplets(
        rows: [Int32], columns: [Int32], values: [Double], times: [Int64]? = nil,
        rowCount: Int, columnCount: Int, duplicates: DuplicateRule
    ) -> CSRBuild {
        let n = rows.count
        precondition(columns.count == n && values.count == n && (times?.count ?? n) == n)
        return values.withUnsafeBufferPointer { vl in
            fromEntries(rows: rows, columns: columns, rowCount: rowCount, columnCount: columnCount, duplicates: duplicates,
                        value: { vl[$0] }, time: times.map { t in { t[$0] } })
        }
    }

    /// The same, skipping every entry whose row is negative, with values (and times) given by entry:
    /// building interactions passes the encoded table columns here, reading values from the table
    /// itself. The row and column arrays are owned here and released once the sort keys hold them,
    /// before the output is allocated: on millions of entries that sets the peak memory.
    static func fromEntries(
        rows: consuming [Int32], columns: consuming [Int32], rowCount: Int, columnCount: Int, duplicates: DuplicateRule,
        value: (Int) -> Double, time: ((Int) -> Int64)?
    ) -> CSRBuild {
        var rowIds = consume rows
        var columnIds = consume columns
        let n = rowIds.count
        precondition(columnIds.count == n && n < Int(UInt32.max), "positions must fit the key's low 32 bits")
        var rowStartWithDuplicates = [Int](repeating: 0, count: rowCount + 1)
        var kept = 0
        for r in rowIds where r >= 0 {
            rowStartWithDuplicates[Int(r) + 1] += 1
            kept += 1
        }
        var keys = [UInt64](repeating: 0, count: kept)
        rowStartWithDuplicates.withUnsafeMutableBufferPointer { rs in
            for r in 0..<rowCount { rs[r + 1] += rs[r] }
            var cursor = Array(rs.dropLast())
            cursor.withUnsafeMutableBufferPointer { cur in
                keys.withUnsafeMutableBufferPointer { ks in
                    for i in 0..<n {
                        let r = rowIds[i]
                        guard r >= 0 else { continue }
                        ks[cur[Int(r)]] = UInt64(UInt32(bitPattern: columnIds[i])) << 32 | UInt64(i)
                        cur[Int(r)] += 1
                    }
                    for r in 0..<rowCount { sortRow(ks, rs[r]..<rs[r + 1]) }
                }
            }
        }
        rowIds = []
        columnIds = []
        return combineRuns(keys: keys, rowStart: rowStartWithDuplicates, value: value,
                           time: time, rowCount: rowCount, columnCount: columnCount, rule: duplicates)
    }

    /// Insertion sort for the usual short rows; the library sort for long ones.
    @inline(__always)
    private static func sortRow(_ keys: UnsafeMutableBufferPointer<UInt64>, _ range: Range<Int>) {
        if range.count > 48 {
            var slice = UnsafeMutableBufferPointer(rebasing: keys[range])
            slice.sort()
            return
        }
        var i = range.lowerBound + 1
        while i < range.upperBound {
            let key = keys[i]
            var j = i - 1
            while j >= range.lowerBound && keys[j] > key {
                keys[j + 1] = keys[j]
                j -= 1
            }
            keys[j + 1] = key
            i += 1
        }
    }

    /// Walks entries sorted by (row, column, input position) and folds each run of equal pairs into one.
    private static func combineRuns(
        keys: [UInt64], rowStart sortedStart: [Int], value: (Int) -> Double, time timeOf: ((Int) -> Int64)?,
        rowCount: Int, columnCount: Int, rule: DuplicateRule
    ) -> CSRBuild {
        let n = keys.count
        var rowStart = [Int](repeating: 0, count: rowCount + 1)
        var outIndices = [Int32](); outIndices.reserveCapacity(n)
        var outValues = [Float](); outValues.reserveCapacity(n)
        var outTimes = [Int64](); if timeOf != nil { outTimes.reserveCapacity(n) }
        let hasTimes = timeOf != nil
        @inline(__always) func column(_ key: UInt64) -> Int32 { Int32(bitPattern: UInt32(truncatingIfNeeded: key >> 32)) }
        @inline(__always) func position(_ key: UInt64) -> Int { Int(key & 0xFFFF_FFFF) }
        keys.withUnsafeBufferPointer { ks in
            for r in 0..<rowCount {
                var k = sortedStart[r]
                let end = sortedStart[r + 1]
                while k < end {
                    let c = column(ks[k])
                    let first = position(ks[k])
                    var kept = value(first)
                    var sum = kept
                    var count = 1.0
                    var time = timeOf?(first) ?? 0
                    var latest = time
                    k += 1
                    while k < end, column(ks[k]) == c {
                        let i = position(ks[k])
                        let v = value(i)
                        switch rule {
                        case .last: kept = v; if let timeOf { time = timeOf(i) }
                        case .first: break
                        case .mean, .sum: sum += v
                        case .max: kept = Swift.max(kept, v)
                        }
                        if let timeOf { latest = Swift.max(latest, timeOf(i)) }
                        count += 1
                        k += 1
                    }
                    switch rule {
                    case .mean: kept = sum / count
                    case .sum: kept = sum
                    default: break
                    }
                    outIndices.append(c)
                    outValues.append(Float(kept))
                    if hasTimes { outTimes.append(rule == .last || rule == .first ? time : latest) }
                }
                rowStart[r + 1] = outIndices.count
            }
        }
        let matrix = CSRMatrix(rowCount: rowCount, columnCount: columnCount, rowStart: rowStart,
                               indices: outIndices, values: outValues)
        return CSRBuild(matrix: matrix, times: hasTimes ? outTimes : nil, duplicatesCombined: n - outIndices.count)
    }
}
