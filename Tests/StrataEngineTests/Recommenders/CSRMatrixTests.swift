import Testing
@testable import StrataEngine

@Suite struct CSRMatrixTests {
    @Test func tripletsSortColumnsAndCombineDuplicates() {
        // (0,2)=1 then (0,2)=3 repeated; (1,0)=5; (0,1)=2
        let rows: [Int32] = [0, 1, 0, 0]
        let cols: [Int32] = [2, 0, 2, 1]
        let vals: [Double] = [1, 5, 3, 2]
        let times: [Int64] = [10, 20, 5, 30]
        func build(_ rule: DuplicateRule) -> CSRBuild {
            CSRMatrix.fromTriplets(rows: rows, columns: cols, values: vals, times: times,
                                   rowCount: 3, columnCount: 3, duplicates: rule)
        }
        let last = build(.last)
        #expect(last.matrix.rowStart == [0, 2, 3, 3])
        #expect(last.matrix.indices == [1, 2, 0])
        #expect(last.matrix.values == [2, 3, 5])
        #expect(last.times == [30, 5, 20])
        #expect(last.duplicatesCombined == 1)
        #expect(build(.first).matrix.values == [2, 1, 5])
        #expect(build(.first).times == [30, 10, 20])
        #expect(build(.mean).matrix.values == [2, 2, 5])
        #expect(build(.sum).matrix.values == [2, 4, 5])
        #expect(build(.max).matrix.values == [2, 3, 5])
        #expect(build(.max).times == [30, 10, 20])   // latest of the combined rows
        #expect(last.matrix.value(row: 0, column: 2) == 3)
        #expect(last.matrix.value(row: 2, column: 2) == nil)
        #expect(last.matrix.value(row: 7, column: 0) == nil)
    }

    @Test func transposeMatchesDenseTranspose() {
        var g = SeededGenerator(seed: 5)
        let n = 2000, rc = 37, cc = 53
        let rows = (0..<n).map { _ in Int32(g.nextInt(below: rc)) }
        let cols = (0..<n).map { _ in Int32(g.nextInt(below: cc)) }
        let vals = (0..<n).map { _ in Double(g.nextInt(below: 5) + 1) }
        let m = CSRMatrix.fromTriplets(rows: rows, columns: cols, values: vals, rowCount: rc, columnCount: cc,
                                       duplicates: .sum).matrix
        var dense = [[Float]](repeating: [Float](repeating: 0, count: cc), count: rc)
        for k in 0..<n { dense[Int(rows[k])][Int(cols[k])] += Float(vals[k]) }
        for r in 0..<rc {
            let row = m.row(r)
            #expect(Array(row.indices) == Array(row.indices).sorted())
            for (c, v) in zip(row.indices, row.values) { #expect(dense[r][Int(c)] == v) }
            #expect(row.indices.count == dense[r].filter { $0 != 0 }.count)
        }
        let t = m.transposed()
        #expect(t.rowCount == cc && t.columnCount == rc && t.nonZeroCount == m.nonZeroCount)
        for c in 0..<cc {
            let col = t.row(c)
            #expect(Array(col.indices) == Array(col.indices).sorted())
            for (r, v) in zip(col.indices, col.values) { #expect(dense[Int(r)][c] == v) }
        }
        let back = t.transposed()
        #expect(back.rowStart == m.rowStart && back.indices == m.indices && back.values == m.values)
    }

    @Test func emptyMatrix() {
        let m = CSRMatrix.fromTriplets(rows: [], columns: [], values: [], rowCount: 2, columnCount: 3, duplicates: .last)
        #expect(m.matrix.nonZeroCount == 0 && m.matrix.rowStart == [0, 0, 0])
        #expect(m.matrix.transposed().rowStart == [0, 0, 0, 0])
    }
}
