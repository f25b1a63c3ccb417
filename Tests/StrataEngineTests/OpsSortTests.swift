import Testing
@testable import StrataEngine

@Suite struct OpsSortTests {
    @Test func singleIntAscendingIsStableWithMissingLast() throws {
        let t = try makeTable(intColumn("x", [3, nil, 1, 2, 1]), intColumn("id", [0, 1, 2, 3, 4]))
        #expect(try t.sortPermutation(by: [SortKey("x")]) == [2, 4, 3, 0, 1])
        let sorted = try t.sorted(by: [SortKey("x")])
        #expect(cells(sorted, "x") == [.int(1), .int(1), .int(2), .int(3), .missing])
        #expect(cells(sorted, "id") == [.int(2), .int(4), .int(3), .int(0), .int(1)])
    }

    @Test func descendingKeepsMissingLastAndTiesInRowOrder() throws {
        let t = try makeTable(intColumn("x", [3, nil, 1, 2, 1, nil]))
        #expect(try t.sortPermutation(by: [SortKey("x", descending: true)]) == [0, 3, 2, 4, 1, 5])
    }

    @Test func negativeAndExtremeIntegers() throws {
        let t = try makeTable(intColumn("x", [0, -1, Int64.max, Int64.min, 5, -300]))
        #expect(try t.sortPermutation(by: [SortKey("x")]) == [3, 5, 1, 0, 4, 2])
        #expect(try t.sortPermutation(by: [SortKey("x", descending: true)]) == [2, 4, 0, 1, 5, 3])
    }

    @Test func floatsOrderNumericallyWithNaNAsMissingAndSignedZerosTied() throws {
        let t = try makeTable(Column(name: "f", data: .float([2.5, .nan, -1, 0.0, -.infinity, -0.0, .infinity, -1e-300])))
        // -0.0 (row 5) and 0.0 (row 3) tie, so they keep row order; NaN is missing and goes last.
        #expect(try t.sortPermutation(by: [SortKey("f")]) == [4, 2, 7, 3, 5, 0, 6, 1])
        #expect(try t.sortPermutation(by: [SortKey("f", descending: true)]) == [6, 0, 3, 5, 7, 2, 4, 1])
    }

    @Test func stringsSortByUnicodeScalarsAcrossDictionaryOrder() throws {
        let t = try makeTable(stringColumn("s", ["b", "a", "B", "é", nil, "a", "ab", ""]))
        // "" < "B" < "a" = "a" < "ab" < "b" < "é", missing last.
        #expect(try t.sortPermutation(by: [SortKey("s")]) == [7, 2, 1, 5, 6, 0, 3, 4])
        #expect(try t.sortPermutation(by: [SortKey("s", descending: true)]) == [3, 0, 6, 1, 5, 2, 7, 4])
    }

    @Test func stringDictionaryWithRepeatsAndUnusedEntries() throws {
        let c = Column(name: "s", data: .string(codes: [2, 0, 3, 1, -1], dictionary: ["z", "a", "z", "m", "unused"]))
        let t = try makeTable(c)
        // Codes 0 and 2 are both "z" and tie; code -1 is missing.
        #expect(try t.sortPermutation(by: [SortKey("s")]) == [3, 2, 0, 1, 4])
    }

    @Test func multipleKeysWithMixedDirections() throws {
        let t = try makeTable(
            stringColumn("g", ["b", "a", "b", "a", nil, "a"]),
            intColumn("v", [1, 2, 3, nil, 0, 2])
        )
        let p = try t.sortPermutation(by: [SortKey("g"), SortKey("v", descending: true)])
        // a: v 2 (row 1), 2 (row 5), missing (row 3); b: 3 (row 2), 1 (row 0); then the missing group.
        #expect(p == [1, 5, 3, 2, 0, 4])
    }

    @Test func boolsAndDates() throws {
        let t = try makeTable(
            boolColumn("b", [true, false, nil, true, false]),
            dateColumn("d", ["2024-03-01", "2023-12-31", "2024-01-15", nil, "2023-12-31"])
        )
        #expect(try t.sortPermutation(by: [SortKey("b")]) == [1, 4, 0, 3, 2])
        #expect(try t.sortPermutation(by: [SortKey("d", descending: true)]) == [0, 2, 1, 4, 3])
    }

    @Test func emptyAndOneRowTables() throws {
        let empty = try makeTable(intColumn("x", []))
        #expect(try empty.sortPermutation(by: [SortKey("x")]) == [])
        #expect(try empty.sorted(by: [SortKey("x")]).rowCount == 0)
        let one = try makeTable(stringColumn("s", [nil]))
        #expect(try one.sortPermutation(by: [SortKey("s", descending: true)]) == [0])
    }

    @Test func errorsNameTheColumnAndSuggest() throws {
        let t = try makeTable(intColumn("amount", [1]))
        do {
            _ = try t.sortPermutation(by: [SortKey("amonut")])
            Issue.record("expected an error")
        } catch let e as EngineError {
            #expect(e.message == "no column 'amonut'")
            #expect(e.suggestion == "did you mean 'amount'?")
        }
        #expect(throws: EngineError.self) { try t.sortPermutation(by: []) }
    }

    @Test func matchesAReferenceComparatorSortOnRandomData() throws {
        var rng = SeededGenerator(seed: 11)
        let n = 5_000
        var a: [Int64?] = []
        var b: [Double?] = []
        var s: [String?] = []
        for _ in 0..<n {
            a.append(rng.nextInt(below: 10) == 0 ? nil : Int64(rng.nextInt(below: 7)) - 3)
            b.append(rng.nextInt(below: 12) == 0 ? nil : Double(rng.nextInt(below: 5)) / 2)
            s.append(rng.nextInt(below: 9) == 0 ? nil : ["x", "y", "Z", "é", ""][rng.nextInt(below: 5)])
        }
        let t = try makeTable(intColumn("a", a), floatColumn("b", b), stringColumn("s", s))
        let p = try t.sortPermutation(by: [SortKey("s"), SortKey("a", descending: true), SortKey("b")])

        func order<T: Comparable>(_ x: T?, _ y: T?, descending: Bool) -> Int {
            switch (x, y) {
            case (nil, nil): return 0
            case (nil, _): return 1
            case (_, nil): return -1
            case let (x?, y?): return x == y ? 0 : ((x < y) != descending ? -1 : 1)
            }
        }
        let bytes = s.map { $0.map { Array($0.utf8) } }
        let reference = (0..<n).sorted { i, j in
            let byteOrder: Int
            switch (bytes[i], bytes[j]) {
            case (nil, nil): byteOrder = 0
            case (nil, _): byteOrder = 1
            case (_, nil): byteOrder = -1
            case let (x?, y?): byteOrder = x == y ? 0 : (x.lexicographicallyPrecedes(y) ? -1 : 1)
            }
            if byteOrder != 0 { return byteOrder < 0 }
            let c2 = order(a[i], a[j], descending: true)
            if c2 != 0 { return c2 < 0 }
            let c3 = order(b[i], b[j], descending: false)
            if c3 != 0 { return c3 < 0 }
            return i < j
        }
        #expect(p == reference)
    }

    @Test func computedKeyColumnsSortToo() throws {
        let key = intColumn("computed", [2, 1, 2])
        #expect(try RowSorter.permutation(keys: [ColumnSortKey(key, descending: true)], rowCount: 3) == [0, 2, 1])
        #expect(throws: EngineError.self) { try RowSorter.permutation(keys: [ColumnSortKey(key)], rowCount: 4) }
    }
}
