import Testing
@testable import StrataEngine

@Suite struct OpsSelectionTests {
    let table: Table

    init() throws {
        table = try makeTable(intColumn("x", [0, 1, nil, 3, 4]), stringColumn("s", ["a", "b", "c", nil, "e"]))
    }

    @Test func filterByBoolArray() throws {
        let f = try table.filtering(mask: [true, false, true, false, true])
        #expect(cells(f, "x") == [.int(0), .missing, .int(4)])
        #expect(cells(f, "s") == [.string("a"), .string("c"), .string("e")])
        #expect(throws: EngineError.self) { try table.filtering(mask: [true]) }
    }

    @Test func filterByBoolColumnTreatsMissingAsFalse() throws {
        let f = try table.filtering(mask: boolColumn("m", [true, nil, true, true, false]))
        #expect(cells(f, "x") == [.int(0), .missing, .int(3)])
        #expect(throws: EngineError.self) { try table.filtering(mask: intColumn("m", [1, 1, 1, 1, 1])) }
    }

    @Test func headTailAndSliceClampToTheTable() throws {
        #expect(cells(table.head(2), "x") == [.int(0), .int(1)])
        #expect(table.head(99).rowCount == 5)
        #expect(table.head(-3).rowCount == 0)
        #expect(cells(table.tail(2), "s") == [.missing, .string("e")])
        #expect(table.tail(0).rowCount == 0)
        #expect(cells(table.slice(rows: 1..<3), "x") == [.int(1), .missing])
        #expect(table.slice(rows: 4..<100).rowCount == 1)
        #expect(table.slice(rows: -5..<2).rowCount == 2)
        #expect(table.slice(rows: 10..<20).rowCount == 0)
        #expect(Table.empty.head().rowCount == 0)
    }
}

@Suite struct OpsSampleTests {
    let table: Table

    init() throws {
        table = try makeTable(intColumn("i", (0..<100).map { Int64($0) }))
    }

    @Test func sameSeedSameRowsInOriginalOrder() throws {
        let a = try table.sampled(.count(10), seed: 42)
        let b = try table.sampled(.count(10), seed: 42)
        let values = cells(a, "i")
        #expect(values == cells(b, "i"))
        let ints = values.compactMap { v -> Int64? in if case .int(let x) = v { return x } else { return nil } }
        #expect(ints.count == 10)
        #expect(ints == ints.sorted())
        #expect(Set(ints).count == 10)
        #expect(cells(try table.sampled(.count(10), seed: 43), "i") != values)
    }

    @Test func indicesComeFromTheSeededGenerator() throws {
        var g1 = SeededGenerator(seed: 7)
        var g2 = SeededGenerator(seed: 7)
        let expected = g2.sampleIndices(count: 5, from: 100).sorted()
        #expect(try RowSampler.indices(.count(5), from: 100, replace: false, using: &g1) == expected)
        var g3 = SeededGenerator(seed: 7)
        var g4 = SeededGenerator(seed: 7)
        let draws = (0..<5).map { _ in g4.nextInt(below: 100) }
        #expect(try RowSampler.indices(.count(5), from: 100, replace: true, using: &g3) == draws)
    }

    @Test func fractionsRoundToNearestEven() throws {
        #expect(try table.sampled(.fraction(0.25), seed: 1).rowCount == 25)
        let ten = try makeTable(intColumn("i", (0..<10).map { Int64($0) }))
        #expect(try ten.sampled(.fraction(0.25), seed: 1).rowCount == 2)   // 2.5 → 2
        #expect(try ten.sampled(.fraction(0.35), seed: 1).rowCount == 4)   // 3.5 → 4
        #expect(try ten.sampled(.fraction(1), seed: 1).rowCount == 10)
        #expect(try ten.sampled(.fraction(2.5), replace: true, seed: 1).rowCount == 25)
    }

    @Test func withReplacementMayRepeatAndKeepsDrawOrder() throws {
        let small = try makeTable(intColumn("i", [0, 1, 2]))
        let s = try small.sampled(.count(50), replace: true, seed: 9)
        #expect(s.rowCount == 50)
        #expect(Set(cells(s, "i")).count <= 3)
    }

    @Test func edgeCasesAndErrors() throws {
        #expect(try table.sampled(.count(0), seed: 1).rowCount == 0)
        #expect(try table.sampled(.count(100), seed: 1).rowCount == 100)
        #expect(try Table.empty.sampled(.count(0), replace: true, seed: 1).rowCount == 0)
        #expect(throws: EngineError.self) { try table.sampled(.count(101), seed: 1) }
        #expect(throws: EngineError.self) { try table.sampled(.count(-1), seed: 1) }
        #expect(throws: EngineError.self) { try table.sampled(.fraction(1.5), seed: 1) }
        #expect(throws: EngineError.self) { try table.sampled(.fraction(.nan), seed: 1) }
        #expect(throws: EngineError.self) { try table.sampled(.fraction(1e300), replace: true, seed: 1) }
        let empty = try makeTable(intColumn("i", []))
        #expect(throws: EngineError.self) { try empty.sampled(.count(1), replace: true, seed: 1) }
    }
}
