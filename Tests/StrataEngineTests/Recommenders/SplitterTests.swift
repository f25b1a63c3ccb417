import Testing
@testable import StrataEngine

@Suite struct SplitterTests {
    /// Users 1…4 with 1, 3, 5 and 8 distinct items; user 4's first item appears twice (a duplicate pair).
    static func table() -> Table {
        var users: [Int64] = [], items: [Int64] = [], times: [Int64] = []
        for (u, n) in [(1, 1), (2, 3), (3, 5), (4, 8)] {
            for i in 0..<n {
                users.append(Int64(u)); items.append(Int64(100 + i)); times.append(Int64(u * 1000 + i * 10))
            }
        }
        users.append(4); items.append(100); times.append(4999)
        return try! Table(columns: [Column(name: "user", data: .int(users)), Column(name: "item", data: .int(items)),
                                    Column(name: "t", data: .timestamp(times))])
    }

    static let columns = SplitColumns(user: "user", item: "item", time: "t")

    static func testCountsByUser(_ split: TableSplit, _ t: Table) -> [Int64: Int] {
        guard case .int(let u) = t.column("user")!.data, case .int(let it) = t.column("item")!.data else { return [:] }
        var pairs = Set<[Int64]>()
        for r in split.testRows { pairs.insert([u[r], it[r]]) }
        var out: [Int64: Int] = [:]
        for p in pairs { out[p[0], default: 0] += 1 }
        return out
    }

    @Test func perUserRuleAndDeterminism() throws {
        let t = Self.table()
        let a = try Splitter.split(t, columns: Self.columns, method: .perUser(testFraction: 0.2), seed: 7, context: .quiet)
        // floor(0.2·n + 0.5): n=1 → 0, 3 → 1, 5 → 1, 8 → 2
        #expect(Self.testCountsByUser(a, t) == [2: 1, 3: 1, 4: 2])
        #expect(a.trainRows.count + a.testRows.count == t.rowCount && a.rowsLeftOut == 0)
        #expect(Set(a.trainRows).isDisjoint(with: a.testRows))
        let again = try Splitter.split(t, columns: Self.columns, method: .perUser(testFraction: 0.2), seed: 7, context: .quiet)
        #expect(again.testRows == a.testRows)
        // both rows of the duplicated pair (rows 9 and 17) are on the same side
        #expect(a.testRows.contains(9) == a.testRows.contains(17))
        let seeds = try (1...20).map { try Splitter.split(t, columns: Self.columns, method: .perUser(testFraction: 0.2), seed: UInt64($0), context: .quiet).testRows }
        #expect(Set(seeds).count > 5)
        #expect(a.testUsersAbsentFromTraining == 0 && a.trainUsers == 4 && a.testUsers == 3)
    }

    @Test func interactionHoldout() throws {
        let t = Self.table()
        let s = try Splitter.split(t, columns: Self.columns, method: .interaction(testFraction: 0.25), seed: 3, context: .quiet)
        let pairs = Set(s.testRows.map { r -> [Int64] in
            guard case .int(let u) = t.column("user")!.data, case .int(let i) = t.column("item")!.data else { return [] }
            return [u[r], i[r]]
        })
        #expect(pairs.count == 4)            // round(0.25 · 17 pairs)
    }

    @Test func lastNByTime() throws {
        let t = Self.table()
        let s = try Splitter.split(t, columns: Self.columns, method: .lastN(count: 1), seed: 0, context: .quiet)
        // user 1 has one pair and stays in training; user 4's latest is the duplicate of item 100 (t=4999)
        #expect(s.testRows == [3, 8, 9, 17])
        #expect(s.description == "each user's last 1 pair by time (users with ≤ 1 stay in training)")
    }

    @Test func temporalCutCountsAbsentUsers() throws {
        let t = Self.table()
        let s = try Splitter.split(t, columns: Self.columns, method: .temporal(cutoff: 3000), seed: 0, context: .quiet)
        #expect(s.trainRows == [0, 1, 2, 3])
        #expect(s.testUsersAbsentFromTraining == 2)       // users 3 and 4 appear only after the cut
        #expect(s.testItemsAbsentFromTraining == 5)       // items 103…107
    }

    @Test func userFoldsPartitionUsers() throws {
        let t = Self.table()
        var testUsers: [Int64] = []
        for fold in 1...2 {
            let s = try Splitter.split(t, columns: Self.columns, method: .userFold(folds: 2, fold: fold, testFraction: 0.5),
                                       seed: 11, context: .quiet)
            testUsers += Self.testCountsByUser(s, t).keys
        }
        // every user with at least one held-out pair (n ≥ 1: floor(0.5·1 + 0.5) = 1) is tested in exactly one fold
        #expect(testUsers.sorted() == [1, 2, 3, 4])
    }

    @Test func badInput() {
        let t = Self.table()
        #expect(throws: EngineError.self) { _ = try Splitter.split(t, columns: Self.columns, method: .perUser(testFraction: 1.5), seed: 1, context: .quiet) }
        #expect(throws: EngineError.self) { _ = try Splitter.split(t, columns: SplitColumns(user: "user", item: "item"), method: .lastN(count: 1), seed: 1, context: .quiet) }
        #expect(throws: EngineError.self) { _ = try Splitter.split(t, columns: Self.columns, method: .userFold(folds: 3, fold: 4, testFraction: 0.2), seed: 1, context: .quiet) }
        #expect(throws: EngineError.self) { _ = try Splitter.split(t, columns: SplitColumns(user: "usr", item: "item"), method: .perUser(testFraction: 0.2), seed: 1, context: .quiet) }
        let empty = try! Table(columns: [Column(name: "user", data: .int([])), Column(name: "item", data: .int([]))])
        #expect(throws: EngineError.self) { _ = try Splitter.split(empty, columns: Self.columns, method: .perUser(testFraction: 0.2), seed: 1, context: .quiet) }
    }
}
