import Testing
@testable import StrataEngine

/// Samples with replacement are bounded by the table's width, not only by a row count.
@Suite struct BadInputSampleSizeTests {
    @Test func aSampleWithReplacementIsBoundedInCells() throws {
        let table = try Table(columns: (0..<4).map { Column(name: "c\($0)", data: .int([1, 2, 3])) })
        let limit = ResultLimits.maxCells / 4
        #expect(RowSampler.maxRows(columnCount: 4) == limit)
        #expect(throws: EngineError.self) { try table.sampled(.count(limit + 1), replace: true, seed: 1) }
        #expect(throws: EngineError.self) { try table.sampled(.count(RowSampler.maxRows), replace: true, seed: 1) }
        #expect(try table.sampled(.count(10), replace: true, seed: 1).rowCount == 10)
        // Without replacement the distinct-rows rule speaks first.
        do {
            _ = try table.sampled(.count(limit + 1), replace: false, seed: 1)
            Issue.record("expected an error")
        } catch let e as EngineError {
            #expect(e.message.contains("distinct rows"))
        }
    }
}

@Suite struct JoinResultLimitTests {
    /// A many-to-many join whose result would exceed the cell limit is refused before anything is built.
    @Test func hugeManyToManyJoinIsRefused() throws {
        let n = 20_000
        let left = try Table(columns: [Column(name: "k", data: .int([Int64](repeating: 1, count: n)))])
        let right = try Table(columns: [Column(name: "k", data: .int([Int64](repeating: 1, count: n))),
                                        Column(name: "v", data: .int([Int64](repeating: 2, count: n)))])
        #expect(throws: EngineError.self) { try left.joined(with: right, on: [JoinKey("k")]) }
    }
}
