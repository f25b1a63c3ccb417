import Testing
@testable import StrataEngine

@Suite struct OpsGroupByTests {
    let table: Table

    init() throws {
        table = try makeTable(
            stringColumn("g", ["a", "b", "a", nil, "b", "a", nil]),
            intColumn("v", [1, 2, nil, 4, 6, 3, 5]),
            floatColumn("f", [1, nil, 2, 4, 8, 4, nil]),
            stringColumn("s", ["x", "y", "x", nil, "z", "w", "q"])
        )
    }

    func column(_ name: String) throws -> Column { try table.requireColumn(name) }

    @Test func everyAggregateOnAStringKeyWithMissingValues() throws {
        let v = try column("v"), f = try column("f"), s = try column("s")
        let result = try table.grouped(by: ["g"], aggregates: [
            .count(as: "n"),
            Aggregate(.count, of: v, as: "n_v"),
            Aggregate(.sum, of: v, as: "sum_v"),
            Aggregate(.mean, of: v, as: "mean_v"),
            Aggregate(.median, of: f, as: "median_f"),
            Aggregate(.std, of: f, as: "std_f"),
            Aggregate(.min, of: s, as: "min_s"),
            Aggregate(.max, of: s, as: "max_s"),
            Aggregate(.first, of: v, as: "first_v"),
            Aggregate(.last, of: v, as: "last_v"),
            Aggregate(.distinct, of: s, as: "distinct_s"),
            Aggregate(.last, of: f, as: "last_f"),
        ])
        let t = result.table
        #expect(result.notes.isEmpty)
        #expect(t.columnNames == ["g", "n", "n_v", "sum_v", "mean_v", "median_f", "std_f", "min_s", "max_s",
                                  "first_v", "last_v", "distinct_s", "last_f"])
        // Groups in order of first appearance; the missing key is a group of its own.
        #expect(cells(t, "g") == [.string("a"), .string("b"), .missing])
        #expect(cells(t, "n") == [.int(3), .int(2), .int(2)])
        #expect(cells(t, "n_v") == [.int(2), .int(2), .int(2)])
        #expect(cells(t, "sum_v") == [.int(4), .int(8), .int(9)])
        #expect(cells(t, "mean_v") == [.float(2), .float(4), .float(4.5)])
        #expect(cells(t, "median_f") == [.float(2), .float(8), .float(4)])
        let std = cells(t, "std_f")
        #expect(approx(std[0], 1.5275252316519468))
        #expect(std[1] == .missing && std[2] == .missing)
        #expect(cells(t, "min_s") == [.string("w"), .string("y"), .string("q")])
        #expect(cells(t, "max_s") == [.string("x"), .string("z"), .string("q")])
        #expect(cells(t, "first_v") == [.int(1), .int(2), .int(4)])
        #expect(cells(t, "last_v") == [.int(3), .int(6), .int(5)])
        #expect(cells(t, "distinct_s") == [.int(2), .int(2), .int(1)])
        #expect(cells(t, "last_f") == [.float(4), .float(8), .float(4)])
        #expect(t.column("mean_v")?.type == .float)
        #expect(t.column("min_s")?.type == .string)
    }

    @Test func multipleKeysIncludingMissing() throws {
        let t = try makeTable(
            stringColumn("k1", ["a", "a", "b", "a", nil, nil]),
            intColumn("k2", [1, 2, 1, 1, 1, nil]),
            floatColumn("x", [1, 2, 3, 4, 5, 6])
        )
        let r = try t.grouped(by: ["k1", "k2"], aggregates: [.count(), Aggregate(.sum, of: try t.requireColumn("x"), as: "x")]).table
        #expect(cells(r, "k1") == [.string("a"), .string("a"), .string("b"), .missing, .missing])
        #expect(cells(r, "k2") == [.int(1), .int(2), .int(1), .int(1), .missing])
        #expect(cells(r, "count") == [.int(2), .int(1), .int(1), .int(1), .int(1)])
        #expect(cells(r, "x") == [.float(5), .float(2), .float(3), .float(5), .float(6)])
    }

    @Test func sampleStandardDeviationAndEvenMedian() throws {
        let t = try makeTable(intColumn("x", [2, 4, 4, 4, 5, 5, 7, 9]), intColumn("y", [1, 2, 3, 4, nil, nil, nil, nil]))
        let r = try t.grouped(by: [], aggregates: [
            Aggregate(.std, of: try t.requireColumn("x"), as: "std"),
            Aggregate(.median, of: try t.requireColumn("y"), as: "median"),
        ]).table
        #expect(approx(cells(r, "std")[0], 2.138089935299395))
        #expect(cells(r, "median") == [.float(2.5)])
    }

    @Test func noKeysGivesOneRowEvenForAnEmptyTable() throws {
        let t = try makeTable(intColumn("x", []), stringColumn("s", []))
        let r = try t.grouped(by: [], aggregates: [
            .count(),
            Aggregate(.sum, of: try t.requireColumn("x"), as: "sum"),
            Aggregate(.mean, of: try t.requireColumn("x"), as: "mean"),
            Aggregate(.min, of: try t.requireColumn("s"), as: "min"),
            Aggregate(.distinct, of: try t.requireColumn("s"), as: "distinct"),
        ]).table
        #expect(r.rowCount == 1)
        #expect(cells(r, "count") == [.int(0)])
        #expect(cells(r, "sum") == [.int(0)])
        #expect(cells(r, "mean") == [.missing])
        #expect(cells(r, "min") == [.missing])
        #expect(cells(r, "distinct") == [.int(0)])
    }

    @Test func emptyTableWithKeysHasNoGroupsButTypedColumns() throws {
        let t = try makeTable(stringColumn("g", []), intColumn("x", []))
        let r = try t.grouped(by: ["g"], aggregates: [
            .count(), Aggregate(.mean, of: try t.requireColumn("x"), as: "m"), Aggregate(.max, of: try t.requireColumn("x"), as: "mx"),
        ]).table
        #expect(r.rowCount == 0)
        #expect(r.columns.map(\.type) == [.string, .int, .float, .int])
    }

    @Test func allMissingInputGivesMissingResults() throws {
        let t = try makeTable(intColumn("g", [1, 1, 2]), floatColumn("x", [nil, nil, nil]))
        let x = try t.requireColumn("x")
        let r = try t.grouped(by: ["g"], aggregates: [
            Aggregate(.count, of: x, as: "n"), Aggregate(.sum, of: x, as: "sum"), Aggregate(.mean, of: x, as: "mean"),
            Aggregate(.median, of: x, as: "median"), Aggregate(.min, of: x, as: "min"), Aggregate(.first, of: x, as: "first"),
            Aggregate(.std, of: x, as: "std"),
        ]).table
        #expect(cells(r, "n") == [.int(0), .int(0)])
        #expect(cells(r, "sum") == [.float(0), .float(0)])
        for name in ["mean", "median", "min", "first", "std"] {
            #expect(cells(r, name) == [.missing, .missing])
        }
    }

    @Test func integerSumOverflowFallsBackToFloatWithANote() throws {
        let t = try makeTable(intColumn("g", [1, 1, 2]), intColumn("x", [Int64.max, 1, 5]))
        let x = try t.requireColumn("x")
        let r = try t.grouped(by: ["g"], aggregates: [Aggregate(.sum, of: x, as: "sum"), Aggregate(.mean, of: x, as: "mean")])
        #expect(r.table.column("sum")?.type == .float)
        #expect(cells(r.table, "sum") == [.float(9.223372036854775808e18), .float(5)])
        #expect(cells(r.table, "mean") == [.float(4.611686018427387904e18), .float(5)])
        #expect(r.notes.count == 1)
    }

    @Test func booleansCountAsZeroAndOne() throws {
        let t = try makeTable(boolColumn("b", [true, false, true, nil]))
        let b = try t.requireColumn("b")
        let r = try t.grouped(by: [], aggregates: [
            Aggregate(.sum, of: b, as: "sum"), Aggregate(.mean, of: b, as: "mean"),
            Aggregate(.min, of: b, as: "min"), Aggregate(.max, of: b, as: "max"),
        ]).table
        #expect(cells(r, "sum") == [.int(2)])
        #expect(approx(cells(r, "mean")[0], 2.0 / 3.0))
        #expect(cells(r, "min") == [.bool(false)])
        #expect(cells(r, "max") == [.bool(true)])
    }

    @Test func floatKeysFoldSignedZeroAndTreatNaNAsMissing() throws {
        let t = try makeTable(Column(name: "k", data: .float([0.0, -0.0, .nan, 1.5, .nan])))
        let r = try t.grouped(by: ["k"], aggregates: [.count()]).table
        #expect(cells(r, "k") == [.float(0), .missing, .float(1.5)])
        #expect(cells(r, "count") == [.int(2), .int(2), .int(1)])
    }

    @Test func sparseAndDenseIntegerKeysBothKeepFirstAppearanceOrder() throws {
        let sparse = try makeTable(intColumn("k", [1_000_000_000_000, -5, 1_000_000_000_000, Int64.min, -5, nil]))
        let rs = try sparse.grouped(by: ["k"], aggregates: [.count()]).table
        #expect(cells(rs, "k") == [.int(1_000_000_000_000), .int(-5), .int(Int64.min), .missing])
        #expect(cells(rs, "count") == [.int(2), .int(2), .int(1), .int(1)])
        let dense = try makeTable(intColumn("k", [5, 3, nil, 5, 3, 4]))
        let rd = try dense.grouped(by: ["k"], aggregates: [.count()]).table
        #expect(cells(rd, "k") == [.int(5), .int(3), .missing, .int(4)])
        #expect(cells(rd, "count") == [.int(2), .int(2), .int(1), .int(1)])
    }

    @Test func manyGroupsThroughTheHashIndexMatchAReference() throws {
        var rng = SeededGenerator(seed: 5)
        let keys = (0..<20_000).map { _ in Int64(rng.nextInt(below: 3_000)) * 1_000_003 - 7 }
        let t = try makeTable(intColumn("k", keys), intColumn("one", keys.map { _ in 1 }))
        let r = try t.grouped(by: ["k"], aggregates: [Aggregate(.sum, of: try t.requireColumn("one"), as: "n")]).table
        var order: [Int64] = []
        var counts: [Int64: Int64] = [:]
        for k in keys {
            if counts[k] == nil { order.append(k) }
            counts[k, default: 0] += 1
        }
        #expect(cells(r, "k") == order.map(Value.int))
        #expect(cells(r, "n") == order.map { .int(counts[$0] ?? -1) })
    }

    @Test func multiKeyGroupsBeyondTheDirectTableMatchAReference() throws {
        // 400 x 400 possible pairs exceed the direct pair table for 3,000 rows, so this takes the bucketed path.
        var rng = SeededGenerator(seed: 8)
        let n = 3_000
        let a: [Int64?] = (0..<n).map { _ in rng.nextInt(below: 50) == 0 ? nil : Int64(rng.nextInt(below: 400)) * 1_000_000_007 }
        let b: [String?] = (0..<n).map { _ in rng.nextInt(below: 60) == 0 ? nil : "s\(rng.nextInt(below: 400))" }
        let v: [Int64?] = (0..<n).map { _ in rng.nextInt(below: 7) == 0 ? nil : Int64(rng.nextInt(below: 5)) }
        let t = try makeTable(intColumn("a", a), stringColumn("b", b), intColumn("v", v))
        let r = try t.grouped(by: ["a", "b"], aggregates: [.count(), Aggregate(.distinct, of: try t.requireColumn("v"), as: "d")]).table

        struct Pair: Hashable { var a: Int64?; var b: String? }
        var order: [Pair] = []
        var counts: [Pair: Int64] = [:]
        var distinct: [Pair: Set<Int64>] = [:]
        for i in 0..<n {
            let key = Pair(a: a[i], b: b[i])
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
            if let x = v[i] { distinct[key, default: []].insert(x) }
        }
        #expect(r.rowCount == order.count)
        #expect(cells(r, "a") == order.map { $0.a.map(Value.int) ?? .missing })
        #expect(cells(r, "b") == order.map { $0.b.map(Value.string) ?? .missing })
        #expect(cells(r, "count") == order.map { .int(counts[$0] ?? -1) })
        #expect(cells(r, "d") == order.map { .int(Int64(distinct[$0]?.count ?? 0)) })
    }

    @Test func repeatedDictionaryEntriesFormOneGroup() throws {
        let c = Column(name: "s", data: .string(codes: [0, 1, 2, 1], dictionary: ["x", "y", "x"]))
        let r = try makeTable(c).grouped(by: ["s"], aggregates: [.count()]).table
        #expect(cells(r, "s") == [.string("x"), .string("y")])
        #expect(cells(r, "count") == [.int(2), .int(2)])
    }

    @Test func datesKeepTheirTypeForMinMaxFirstLast() throws {
        let t = try makeTable(intColumn("g", [1, 1, 1]), dateColumn("d", ["2024-05-01", "2023-01-02", nil]))
        let d = try t.requireColumn("d")
        let r = try t.grouped(by: ["g"], aggregates: [
            Aggregate(.min, of: d, as: "min"), Aggregate(.max, of: d, as: "max"), Aggregate(.last, of: d, as: "last"),
        ]).table
        #expect(cells(r, "min") == [day("2023-01-02")])
        #expect(cells(r, "max") == [day("2024-05-01")])
        #expect(cells(r, "last") == [day("2023-01-02")])
    }

    @Test func computedInputColumnsAreAccepted() throws {
        let computed = floatColumn("tmp", [10, 20, 30, 40, 50, 60, 70])
        let r = try table.grouped(by: ["g"], aggregates: [Aggregate(.sum, of: computed, as: "total")]).table
        #expect(cells(r, "total") == [.float(100), .float(70), .float(110)])
    }

    @Test func invalidRequestsFailWithClearErrors() throws {
        let s = try column("s")
        #expect(throws: EngineError.self) { try table.grouped(by: ["g"], aggregates: [Aggregate(.mean, of: s, as: "m")]) }
        #expect(throws: EngineError.self) { try table.grouped(by: ["g"], aggregates: [Aggregate(.sum, of: nil, as: "m")]) }
        #expect(throws: EngineError.self) { try table.grouped(by: ["g"], aggregates: [.count(as: "g")]) }
        #expect(throws: EngineError.self) { try table.grouped(by: ["g", "g"], aggregates: [.count()]) }
        #expect(throws: EngineError.self) {
            try table.grouped(by: ["g"], aggregates: [Aggregate(.sum, of: intColumn("short", [1]), as: "x")])
        }
        do {
            _ = try table.grouped(by: ["G"], aggregates: [.count()])
            Issue.record("expected an error")
        } catch let e as EngineError {
            #expect(e.suggestion == "did you mean 'g'?")
        }
    }
}
