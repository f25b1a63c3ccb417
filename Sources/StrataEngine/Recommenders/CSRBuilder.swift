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
    /// Builds CSR from triplets in O(n + rows + columns): two stable counting sorts (by column, then
    /// by row) leave every row in column order with repeated pairs adjacent and still in input order,
    /// so `last`/`first` mean input order. Row and column indices must be in range (the caller encodes them).
    public static func fromTriplets(
        rows: [Int32], columns: [Int32], values: [Double], times: [Int64]? = nil,
        rowCount: Int, columnCount: Int, duplicates: DuplicateRule
    ) -> CSRBuild {
        let n = rows.count
        precondition(columns.count == n && values.count == n && (times?.count ?? n) == n)
        var byColumn = [Int32](repeating: 0, count: n)
        var order = [Int32](repeating: 0, count: n)
        var rowStartWithDuplicates = [Int](repeating: 0, count: rowCount + 1)
        rows.withUnsafeBufferPointer { rw in
            columns.withUnsafeBufferPointer { cl in
                var colStart = [Int](repeating: 0, count: columnCount + 1)
                colStart.withUnsafeMutableBufferPointer { cs in
                    for c in cl { cs[Int(c) + 1] += 1 }
                    for c in 0..<columnCount { cs[c + 1] += cs[c] }
                    byColumn.withUnsafeMutableBufferPointer { bc in
                        for i in 0..<n {
                            let c = Int(cl[i])
                            bc[cs[c]] = Int32(truncatingIfNeeded: i)
                            cs[c] += 1
                        }
                    }
                }
                rowStartWithDuplicates.withUnsafeMutableBufferPointer { rs in
                    for r in rw { rs[Int(r) + 1] += 1 }
                    for r in 0..<rowCount { rs[r + 1] += rs[r] }
                    var cursor = Array(rs.dropLast())
                    cursor.withUnsafeMutableBufferPointer { cur in
                        byColumn.withUnsafeBufferPointer { bc in
                            order.withUnsafeMutableBufferPointer { od in
                                for i in bc {
                                    let r = Int(rw[Int(i)])
                                    od[cur[r]] = i
                                    cur[r] += 1
                                }
                            }
                        }
                    }
                }
            }
        }
        byColumn = []
        return combineRuns(order: order, rowStart: rowStartWithDuplicates, columns: columns, values: values,
                           times: times, rowCount: rowCount, columnCount: columnCount, rule: duplicates)
    }

    /// Walks entries sorted by (row, column, input position) and folds each run of equal pairs into one.
    private static func combineRuns(
        order: [Int32], rowStart sortedStart: [Int], columns: [Int32], values: [Double], times: [Int64]?,
        rowCount: Int, columnCount: Int, rule: DuplicateRule
    ) -> CSRBuild {
        let n = order.count
        var rowStart = [Int](repeating: 0, count: rowCount + 1)
        var outIndices = [Int32](); outIndices.reserveCapacity(n)
        var outValues = [Float](); outValues.reserveCapacity(n)
        var outTimes = [Int64](); if times != nil { outTimes.reserveCapacity(n) }
        let hasTimes = times != nil
        let timeValues = times ?? []
        columns.withUnsafeBufferPointer { cl in
            values.withUnsafeBufferPointer { vl in
                order.withUnsafeBufferPointer { od in
                    for r in 0..<rowCount {
                        var k = sortedStart[r]
                        let end = sortedStart[r + 1]
                        while k < end {
                            let first = Int(od[k])
                            let c = cl[first]
                            var kept = vl[first]
                            var sum = kept
                            var count = 1.0
                            var time = hasTimes ? timeValues[first] : 0
                            var latest = time
                            k += 1
                            while k < end, cl[Int(od[k])] == c {
                                let i = Int(od[k])
                                let v = vl[i]
                                switch rule {
                                case .last: kept = v; if hasTimes { time = timeValues[i] }
                                case .first: break
                                case .mean, .sum: sum += v
                                case .max: kept = Swift.max(kept, v)
                                }
                                if hasTimes { latest = Swift.max(latest, timeValues[i]) }
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
            }
        }
        let matrix = CSRMatrix(rowCount: rowCount, columnCount: columnCount, rowStart: rowStart,
                               indices: outIndices, values: outValues)
        return CSRBuild(matrix: matrix, times: hasTimes ? outTimes : nil, duplicatesCombined: n - outIndices.count)
    }
}
