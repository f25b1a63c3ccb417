/// Compressed sparse rows: row r's entries are `indices[rowStart[r]..<rowStart[r+1]]`, sorted by
/// column, with `values` alongside. Columns are `Int32` and values `Float` to halve the memory of the
/// interaction data, which is what the algorithms stream through.
public struct CSRMatrix: Sendable {
    public let rowCount: Int
    public let columnCount: Int
    public let rowStart: [Int]
    public let indices: [Int32]
    public let values: [Float]

    /// Wraps arrays the caller already built as valid CSR (see `validated` for untrusted input).
    public init(rowCount: Int, columnCount: Int, rowStart: [Int], indices: [Int32], values: [Float]) {
        precondition(rowStart.count == rowCount + 1 && indices.count == values.count
                     && rowStart.last == indices.count, "inconsistent CSR arrays")
        self.rowCount = rowCount
        self.columnCount = columnCount
        self.rowStart = rowStart
        self.indices = indices
        self.values = values
    }

    public static func empty(rowCount: Int, columnCount: Int) -> CSRMatrix {
        CSRMatrix(rowCount: rowCount, columnCount: columnCount,
                  rowStart: [Int](repeating: 0, count: rowCount + 1), indices: [], values: [])
    }

    /// Stored entries (after duplicates were combined).
    public var nonZeroCount: Int { indices.count }

    @inline(__always)
    public func row(_ r: Int) -> (indices: ArraySlice<Int32>, values: ArraySlice<Float>) {
        let range = rowStart[r]..<rowStart[r + 1]
        return (indices[range], values[range])
    }

    @inline(__always)
    public func rowLength(_ r: Int) -> Int { rowStart[r + 1] - rowStart[r] }

    /// The stored value at (r, c), by binary search in the row; nil when absent.
    public func value(row r: Int, column c: Int) -> Float? {
        guard r >= 0, r < rowCount else { return nil }
        var lo = rowStart[r], hi = rowStart[r + 1]
        let target = Int32(truncatingIfNeeded: c)
        while lo < hi {
            let mid = (lo + hi) >> 1
            if indices[mid] < target { lo = mid + 1 } else { hi = mid }
        }
        return lo < rowStart[r + 1] && indices[lo] == target ? values[lo] : nil
    }

    /// The same matrix by columns: one counting sort. Walking rows in order fills every output row in
    /// increasing column order, so no per-row sort is needed.
    public func transposed() -> CSRMatrix {
        let nnz = indices.count
        var start = [Int](repeating: 0, count: columnCount + 1)
        var outIndices = [Int32](repeating: 0, count: nnz)
        var outValues = [Float](repeating: 0, count: nnz)
        indices.withUnsafeBufferPointer { idx in
            values.withUnsafeBufferPointer { val in
                rowStart.withUnsafeBufferPointer { rs in
                    start.withUnsafeMutableBufferPointer { st in
                        for c in idx { st[Int(c) + 1] += 1 }
                        for c in 0..<columnCount { st[c + 1] += st[c] }
                        var cursor = Array(st.dropLast())
                        cursor.withUnsafeMutableBufferPointer { cur in
                            outIndices.withUnsafeMutableBufferPointer { oi in
                                outValues.withUnsafeMutableBufferPointer { ov in
                                    for r in 0..<rowCount {
                                        for k in rs[r]..<rs[r + 1] {
                                            let c = Int(idx[k])
                                            let p = cur[c]
                                            oi[p] = Int32(truncatingIfNeeded: r)
                                            ov[p] = val[k]
                                            cur[c] = p + 1
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }
        return CSRMatrix(rowCount: columnCount, columnCount: rowCount, rowStart: start,
                         indices: outIndices, values: outValues)
    }

    /// The same sparsity pattern with other values (e.g. timestamps aligned with ratings).
    public func replacingValues(_ newValues: [Float]) -> CSRMatrix {
        CSRMatrix(rowCount: rowCount, columnCount: columnCount, rowStart: rowStart, indices: indices, values: newValues)
    }
}
