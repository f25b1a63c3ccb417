/// A read-only sparse matrix in row form, with values already transformed for one similarity
/// (centred, or absent when every value is 1). The similarity kernel walks one orientation and
/// its transpose, each a `SparseRows`.
struct SparseRows: Sendable {
    let rowCount: Int
    let rowStart: [Int]
    let indices: [Int32]
    /// nil: every stored value is 1 (binary input).
    let values: [Float]?

    init(rowCount: Int, rowStart: [Int], indices: [Int32], values: [Float]?) {
        self.rowCount = rowCount
        self.rowStart = rowStart
        self.indices = indices
        self.values = values
    }

    /// The structure of `matrix`, with each value mapped by `transform(row, column, value)`,
    /// or no values at all when `binary`.
    init(_ matrix: CSRMatrix, binary: Bool, transform: ((Int, Int, Float) -> Float)? = nil) {
        rowCount = matrix.rowCount
        rowStart = matrix.rowStart
        indices = matrix.indices
        if binary {
            values = nil
        } else if let transform {
            var out = [Float](repeating: 0, count: matrix.values.count)
            for r in 0..<matrix.rowCount {
                for p in matrix.rowStart[r]..<matrix.rowStart[r + 1] {
                    out[p] = transform(r, Int(matrix.indices[p]), matrix.values[p])
                }
            }
            values = out
        } else {
            values = matrix.values
        }
    }

    func count(of row: Int) -> Int { rowStart[row + 1] - rowStart[row] }

    /// √Σ v² of each row (the row's length when binary).
    func norms() -> [Double] {
        (0..<rowCount).map { r in
            guard let values else { return Double(count(of: r)).squareRoot() }
            var s = 0.0
            for p in rowStart[r]..<rowStart[r + 1] { s += Double(values[p]) * Double(values[p]) }
            return s.squareRoot()
        }
    }
}
