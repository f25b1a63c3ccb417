import Testing
@testable import StrataEngine

@Suite struct OpsJoinTests {
    @Test func innerJoinKeepsLeftOrderThenRightOrder() throws {
        let left = try makeTable(intColumn("id", [2, 1, 3, 2]), stringColumn("l", ["p", "q", "r", "s"]))
        let right = try makeTable(intColumn("id", [2, 9, 2, 1]), stringColumn("r", ["A", "B", "C", "D"]))
        let j = try left.joined(with: right, on: [JoinKey("id")])
        #expect(j.columnNames == ["id", "l", "r"])
        #expect(cells(j, "id") == [2, 2, 1, 2, 2].map { .int($0) })
        #expect(cells(j, "l") == ["p", "p", "q", "s", "s"].map { .string($0) })
        #expect(cells(j, "r") == ["A", "C", "D", "A", "C"].map { .string($0) })
    }

    @Test func leftJoinKeepsUnmatchedRowsWithMissingRightColumns() throws {
        let left = try makeTable(intColumn("id", [1, 5, nil]), floatColumn("x", [1, 2, 3]))
        let right = try makeTable(intColumn("id", [1, nil]), stringColumn("name", ["one", "nobody"]))
        let j = try left.joined(with: right, on: [JoinKey("id")], kind: .left)
        #expect(cells(j, "id") == [.int(1), .int(5), .missing])
        #expect(cells(j, "x") == [.float(1), .float(2), .float(3)])
        // A missing key never matches, not even the right side's missing key.
        #expect(cells(j, "name") == [.string("one"), .missing, .missing])
        let inner = try left.joined(with: right, on: [JoinKey("id")])
        #expect(inner.rowCount == 1)
    }

    @Test func stringKeysMatchAcrossDifferentDictionaries() throws {
        let left = try makeTable(Column(name: "k", data: .string(codes: [0, 1, 2, 0], dictionary: ["b", "a", "zz"])))
        let right = try makeTable(
            Column(name: "k", data: .string(codes: [0, 1, 2], dictionary: ["a", "b", "unused"])),
            intColumn("v", [10, 20, 30])
        )
        let j = try left.joined(with: right, on: [JoinKey("k")], kind: .left)
        #expect(cells(j, "k") == ["b", "a", "zz", "b"].map { .string($0) })
        #expect(cells(j, "v") == [.int(20), .int(10), .missing, .int(20)])
    }

    @Test func multiKeyJoinWithDifferentNamesKeepsTheRightKeyColumn() throws {
        let left = try makeTable(stringColumn("city", ["x", "x", "y"]), intColumn("year", [2020, 2021, 2020]))
        let right = try makeTable(
            stringColumn("town", ["x", "y", "x"]), intColumn("yr", [2021, 2020, 2020]), intColumn("pop", [7, 8, 9])
        )
        let j = try left.joined(with: right, on: [JoinKey("city", "town"), JoinKey("year", "yr")])
        #expect(j.columnNames == ["city", "year", "town", "yr", "pop"])
        #expect(cells(j, "pop") == [.int(9), .int(7), .int(8)])
        #expect(cells(j, "town") == ["x", "x", "y"].map { .string($0) })
    }

    @Test func clashingRightColumnsGetASuffix() throws {
        let left = try makeTable(intColumn("id", [1]), intColumn("v", [1]), intColumn("v_right", [2]))
        let right = try makeTable(intColumn("id", [1]), intColumn("v", [3]), intColumn("w", [4]))
        let j = try left.joined(with: right, on: [JoinKey("id")])
        #expect(j.columnNames == ["id", "v", "v_right", "v_right2", "w"])
        #expect(cells(j, "v_right2") == [.int(3)])
        let differentKeyNames = try left.joined(with: right, on: [JoinKey("v", "id")])
        #expect(differentKeyNames.columnNames == ["id", "v", "v_right", "id_right", "v_right2", "w"])
    }

    @Test func intAndFloatKeysCompareAsNumbers() throws {
        let left = try makeTable(intColumn("k", [3, 4, 9_007_199_254_740_993]))
        let right = try makeTable(floatColumn("k", [3.0, 3.5, 9_007_199_254_740_992]), stringColumn("tag", ["three", "half", "big"]))
        let j = try left.joined(with: right, on: [JoinKey("k")], kind: .left)
        // 2^53 + 1 is not equal to the float 2^53, even though converting it to a float would round it there.
        #expect(cells(j, "tag") == [.string("three"), .missing, .missing])
        let reversed = try right.joined(with: left, on: [JoinKey("k")])
        #expect(cells(reversed, "tag") == [.string("three")])
    }

    @Test func incompatibleKeyTypesAreRejected() throws {
        let a = try makeTable(dateColumn("d", ["2024-01-01"]))
        let b = try makeTable(Column(name: "d", data: .timestamp([0])))
        let c = try makeTable(stringColumn("d", ["1"]))
        #expect(throws: EngineError.self) { try a.joined(with: b, on: [JoinKey("d")]) }
        #expect(throws: EngineError.self) { try a.joined(with: c, on: [JoinKey("d")]) }
        #expect(throws: EngineError.self) { try a.joined(with: a, on: []) }
        do {
            _ = try a.joined(with: c, on: [JoinKey("d", "dd")])
            Issue.record("expected an error")
        } catch let e as EngineError {
            #expect(e.message == "no column 'dd' in the right table")
            #expect(e.suggestion == "did you mean 'd'?")
        }
    }

    @Test func dateAndBoolAndFloatKeys() throws {
        let left = try makeTable(dateColumn("d", ["2024-01-01", "2024-01-02"]), boolColumn("b", [true, false]),
                                 Column(name: "f", data: .float([-0.0, 1.5])))
        let right = try makeTable(dateColumn("d", ["2024-01-02", "2024-01-01"]), boolColumn("b", [false, true]),
                                  Column(name: "f", data: .float([1.5, 0.0])), intColumn("v", [2, 1]))
        let j = try left.joined(with: right, on: [JoinKey("d"), JoinKey("b"), JoinKey("f")])
        #expect(cells(j, "v") == [.int(1), .int(2)])
    }

    @Test func emptySidesAndExplodingJoins() throws {
        let left = try makeTable(intColumn("k", [1, 1, 2]))
        let emptyRight = try makeTable(intColumn("k", []), stringColumn("v", []))
        #expect(try left.joined(with: emptyRight, on: [JoinKey("k")]).rowCount == 0)
        let l = try left.joined(with: emptyRight, on: [JoinKey("k")], kind: .left)
        #expect(cells(l, "v") == [.missing, .missing, .missing])
        let emptyLeft = try makeTable(intColumn("k", []))
        #expect(try emptyLeft.joined(with: left, on: [JoinKey("k")], kind: .left).rowCount == 0)
        #expect(throws: EngineError.self) { try left.joined(with: left, on: [JoinKey("k")], maxRows: 4) }
        #expect(try left.joined(with: left, on: [JoinKey("k")], maxRows: 5).rowCount == 5)
    }

    @Test func rowPairsAreExposed() throws {
        let left = try makeTable(intColumn("k", [1, 2]))
        let right = try makeTable(intColumn("k", [2, 2, 3]))
        let pairs = try Join.rowPairs(left: left, right: right, on: [JoinKey("k")], kind: .left)
        #expect(pairs.left == [0, 1, 1])
        #expect(pairs.right == [-1, 0, 1])
    }

    @Test func joinKeysParseFromText() throws {
        #expect(try JoinKey(parsing: "id") == JoinKey("id", "id"))
        #expect(try JoinKey(parsing: "customer_id:id") == JoinKey("customer_id", "id"))
        #expect(throws: EngineError.self) { try JoinKey(parsing: "a:") }
        #expect(throws: EngineError.self) { try JoinKey(parsing: "a:b:c") }
    }
}
