import Testing
@testable import StrataEngine

@Suite struct OpsDescribeTests {
    @Test func quartilesMatchNumPyLinearInterpolation() throws {
        let s = try intColumn("x", [4, 1, 3, 2]).summary()
        #expect(s.count == 4 && s.missing == 0)
        #expect(s.min == .int(1) && s.max == .int(4))
        #expect(s.q25 == .float(1.75))
        #expect(s.median == .float(2.5))
        #expect(s.q75 == .float(3.25))
        #expect(s.mean == 2.5)
        #expect(abs((s.std ?? 0) - 1.2909944487358056) < 1e-15)
        #expect(s.distinct == 4)
    }

    @Test func sampleStandardDeviation() throws {
        let s = try floatColumn("x", [2, 4, 4, 4, 5, 5, 7, 9]).summary()
        #expect(abs((s.std ?? 0) - 2.138089935299395) < 1e-15)
        #expect(s.mean == 5)
        #expect(s.q25 == .float(4) && s.median == .float(4.5) && s.q75 == .float(5.5))
        #expect(s.top == [ValueCount(value: .float(4), count: 3), ValueCount(value: .float(5), count: 2),
                          ValueCount(value: .float(2), count: 1)])
    }

    @Test func missingValuesAreCountedAndSkipped() throws {
        let s = try floatColumn("x", [nil, 10, .nan, 20, nil]).summary()
        #expect(s.count == 2 && s.missing == 3)
        #expect(s.mean == 15)
        #expect(s.q25 == .float(12.5))
    }

    @Test func allMissingAndEmptyColumnsHaveNoStatistics() throws {
        for column in [intColumn("x", [nil, nil]), intColumn("x", [])] {
            let s = try column.summary()
            #expect(s.count == 0)
            #expect(s.mean == nil && s.std == nil)
            #expect(s.min == .missing && s.median == .missing && s.max == .missing)
            #expect(s.distinct == 0 && s.top.isEmpty)
        }
    }

    @Test func oneRowHasNoStandardDeviation() throws {
        let s = try intColumn("x", [7]).summary()
        #expect(s.mean == 7 && s.std == nil)
        #expect(s.q25 == .float(7) && s.q75 == .float(7))
    }

    @Test func stringsGetCountsAndTopValuesWithTiesInFirstAppearanceOrder() throws {
        let s = try stringColumn("s", ["b", "a", "c", "a", "b", nil, "d"]).summary()
        #expect(s.count == 6 && s.missing == 1 && s.distinct == 4)
        #expect(s.mean == nil && s.min == .missing)
        #expect(s.top == [ValueCount(value: .string("b"), count: 2), ValueCount(value: .string("a"), count: 2),
                          ValueCount(value: .string("c"), count: 1)])
    }

    @Test func datesGetOrderStatisticsAsDatesRoundedDown() throws {
        let s = try dateColumn("d", ["2024-01-01", "2024-01-02", nil, "2024-01-05", "2024-01-04"]).summary()
        #expect(s.min == day("2024-01-01") && s.max == day("2024-01-05"))
        // Days 0, 1, 3, 4 (from Jan 1): q25 = 0.75 → Jan 1, median = 2 → Jan 3, q75 = 3.25 → Jan 4.
        #expect(s.q25 == day("2024-01-01"))
        #expect(s.median == day("2024-01-03"))
        #expect(s.q75 == day("2024-01-04"))
        #expect(s.mean == nil)
    }

    @Test func timestampsBeforeTheEpochRoundDownToo() throws {
        let s = try Column(name: "t", data: .timestamp([-3, -2])).summary()
        #expect(s.median == .timestamp(-3))
    }

    @Test func booleansGetShareOfTrueAndMinMax() throws {
        let s = try boolColumn("b", [true, false, true, true, nil]).summary()
        #expect(s.mean == 0.75)
        #expect(abs((s.std ?? 0) - 0.5) < 1e-15)
        #expect(s.min == .bool(false) && s.max == .bool(true))
        #expect(s.median == .missing)
    }

    @Test func describeTableHasOneRowPerColumn() throws {
        let t = try makeTable(intColumn("n", [1, 2, 3, 4]), stringColumn("s", ["x", "y", "x", nil]),
                              dateColumn("d", ["2024-01-01", nil, nil, "2024-03-01"]))
        let d = try t.describe()
        #expect(d.columnNames == ["column", "type", "count", "missing", "mean", "std", "min", "25%", "50%", "75%",
                                  "max", "distinct", "top"])
        #expect(cells(d, "column") == ["n", "s", "d"].map { .string($0) })
        #expect(cells(d, "type") == ["int", "string", "date"].map { .string($0) })
        #expect(cells(d, "count") == [.int(4), .int(3), .int(2)])
        #expect(cells(d, "missing") == [.int(0), .int(1), .int(2)])
        #expect(cells(d, "mean") == [.float(2.5), .missing, .missing])
        #expect(cells(d, "25%") == [.string("1.75"), .missing, .string("2024-01-16")])
        #expect(cells(d, "max") == [.string("4"), .missing, .string("2024-03-01")])
        #expect(cells(d, "top") == [.string("1 (1), 2 (1), 3 (1)"), .string("x (2), y (1)"),
                                    .string("2024-01-01 (1), 2024-03-01 (1)")])
        let subset = try t.describe(of: ["s"])
        #expect(subset.rowCount == 1)
        #expect(throws: EngineError.self) { try t.describe(of: ["nope"]) }
        #expect(try Table.empty.describe().rowCount == 0)
    }

    @Test func orderStatisticsMatchAReferenceOnRandomData() throws {
        var rng = SeededGenerator(seed: 3)
        let ints = (0..<1_001).map { _ in Int64(rng.nextInt(below: 2_000_001)) - 1_000_000 }
        let floats = (0..<999).map { _ in rng.nextGaussian() * 1e6 }
        func reference(_ xs: [Double], _ p: Double) -> Double {
            let s = xs.sorted()
            let h = Double(s.count - 1) * p
            let lo = Int(h)
            return lo + 1 < s.count ? s[lo] + (h - Double(lo)) * (s[lo + 1] - s[lo]) : s[lo]
        }
        let si = try intColumn("i", ints).summary()
        let sf = try floatColumn("f", floats).summary()
        #expect(si.min == .int(ints.min() ?? 0) && si.max == .int(ints.max() ?? 0))
        #expect(sf.min == .float(floats.min() ?? 0) && sf.max == .float(floats.max() ?? 0))
        for (p, i, f) in [(0.25, si.q25, sf.q25), (0.5, si.median, sf.median), (0.75, si.q75, sf.q75)] {
            #expect(approx(i, reference(ints.map { Double($0) }, p), tolerance: 1e-9))
            #expect(approx(f, reference(floats, p), tolerance: 1e-9))
        }
    }

    @Test func mostFrequentScanKeepsFirstAppearanceOnTies() {
        #expect(ValueCounts.mostFrequent(3, counts: [1, 3, 3, 2, 3]) == [1, 2, 4])
        #expect(ValueCounts.mostFrequent(3, counts: [5]) == [0])
        #expect(ValueCounts.mostFrequent(0, counts: [5]) == [])
        #expect(ValueCounts.mostFrequent(2, counts: [1, 1, 2, 1]) == [2, 0])
    }

    @Test func plainNumberFormatting() {
        #expect(DescribeFormat.number(1.75) == "1.75")
        #expect(DescribeFormat.number(2.138089935299395) == "2.13809")
        #expect(DescribeFormat.number(1_234_567.891) == "1234568")
        #expect(DescribeFormat.number(0.000123456789) == "0.000123457")
        #expect(DescribeFormat.number(-0.0) == "0")
        #expect(DescribeFormat.number(3) == "3")
        #expect(DescribeFormat.number(1e20) == "1e+20")
        #expect(DescribeFormat.number(.infinity) == "inf")
    }
}

@Suite struct OpsValueCountsTests {
    let column = stringColumn("s", ["b", "a", nil, "c", "a", "b", "c", "c"])

    @Test func byCountWithTiesInFirstAppearanceOrder() throws {
        let vc = try column.valueCounts()
        #expect(cells(vc.values) == ["c", "b", "a"].map { .string($0) })
        #expect(vc.counts == [3, 2, 2])
        #expect(vc.missingCount == 1)
    }

    @Test func otherOrders() throws {
        let first = try column.valueCounts(order: .firstAppearance)
        #expect(cells(first.values) == ["b", "a", "c"].map { .string($0) })
        #expect(first.counts == [2, 2, 3])
        let byValue = try intColumn("x", [3, -1, 3, nil, 2]).valueCounts(order: .value)
        #expect(cells(byValue.values) == [.int(-1), .int(2), .int(3)])
        #expect(byValue.counts == [1, 1, 2])
    }

    @Test func asATableWithOptionalMissingRow() throws {
        let t = try makeTable(column)
        let vc = try t.valueCounts(of: "s", includeMissing: true)
        #expect(vc.columnNames == ["s", "count"])
        #expect(cells(vc, "s") == [.string("c"), .string("b"), .string("a"), .missing])
        #expect(cells(vc, "count") == [.int(3), .int(2), .int(2), .int(1)])
        let named = try makeTable(intColumn("count", [1, 1])).valueCounts(of: "count")
        #expect(named.columnNames == ["count", "n"])
    }

    @Test func distinctValuesAndCount() throws {
        #expect(cells(try column.distinctValues()) == ["b", "a", "c"].map { .string($0) })
        #expect(try column.distinctCount() == 3)
        #expect(try intColumn("x", []).distinctCount() == 0)
        #expect(try floatColumn("x", [0.0, -0.0, nil]).distinctCount() == 1)
    }
}
