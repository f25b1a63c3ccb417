import Testing
@testable import StrataEngine

@Suite struct OpsCancellationTests {
    let table: Table
    let stop = RunContext(cancellation: Cancellation { true })

    init() throws {
        table = try makeTable(intColumn("k", [1, 2, 1]), floatColumn("x", [1, 2, 3]))
    }

    @Test func longOperationsStopWhenAskedTo() throws {
        #expect(throws: CancelledError.self) { try table.grouped(by: ["k"], aggregates: [.count()], context: stop) }
        #expect(throws: CancelledError.self) { try table.sortPermutation(by: [SortKey("x")], context: stop) }
        #expect(throws: CancelledError.self) { try table.joined(with: table, on: [JoinKey("k")], context: stop) }
        #expect(throws: CancelledError.self) { try table.describe(context: stop) }
        #expect(throws: CancelledError.self) { try table.valueCounts(of: "k", context: stop) }
    }

    @Test func emptyInputsFinishWithoutReachingACheck() throws {
        let empty = try makeTable(intColumn("k", []))
        #expect(try empty.sortPermutation(by: [SortKey("k")], context: stop) == [])
    }
}
