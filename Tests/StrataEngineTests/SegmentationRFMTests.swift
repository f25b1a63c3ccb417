import Testing
@testable import StrataEngine

/// RFM, tiers, profiles and migration on tables small enough to work out by hand.
@Suite struct SegmentationRFMTests {
    /// Nine rows. E has only a return; one row has no customer; C has a free line on its invoice;
    /// B's return comes after its last purchase. The last date is 2024-01-09, so asof is 2024-01-10.
    static func transactions() throws -> Table {
        try Table(columns: [
            stringColumn("customer", ["A", "A", "A", "B", "B", "C", nil, "D", "E", "C"]),
            dateColumn("day", ["2024-01-01", "2024-01-01", "2024-01-05", "2024-01-03", "2024-01-08",
                               "2024-01-09", "2024-01-09", "2024-01-02", "2024-01-04", "2024-01-09"]),
            stringColumn("invoice", ["i1", "i1", "i2", "i3", "C1", "i4", "i5", "i6", "C2", "i4"]),
            floatColumn("amount", [10, 5, 20, 100, -30, 15, 50, 15, -5, 0]),
        ])
    }

    static func options() -> RFMOptions {
        var o = RFMOptions(customer: "customer", date: "day", amount: "amount")
        o.invoice = "invoice"
        return o
    }

    static func ints(_ t: Table, _ name: String) -> [Int64] {
        (0..<t.rowCount).compactMap { if case .int(let v) = t.column(name)?.value(at: $0) { return v } else { return nil } }
    }

    static func strings(_ t: Table, _ name: String) -> [String] {
        (0..<t.rowCount).compactMap { if case .string(let v) = t.column(name)?.value(at: $0) { return v } else { return nil } }
    }

    @Test func handComputedRFMWithAverageTies() throws {
        let r = try RFM.compute(try Self.transactions(), options: Self.options())
        let t = r.table
        #expect(r.asOf == CivilCalendar.days(year: 2024, month: 1, day: 10))
        #expect(Self.strings(t, "customer") == ["A", "B", "C", "D"])
        #expect(Self.ints(t, "recency") == [5, 7, 1, 8])
        #expect(Self.ints(t, "frequency") == [2, 1, 1, 1])
        #expect((0..<4).map { t.column("monetary")?.value(at: $0) } == [.float(35), .float(70), .float(15), .float(15)])
        // n = 4, edges 1.6, 2.2, 2.8, 3.4. Recency ranks (fewest days last): D 1, B 2, A 3, C 4.
        #expect(Self.ints(t, "r_score") == [4, 2, 5, 1])
        // Frequency: B, C, D tie on 1 (average rank 2 → score 2), A rank 4 → 5.
        #expect(Self.ints(t, "f_score") == [5, 2, 2, 2])
        // Monetary: C, D tie on 15 (rank 1.5 → 1), A rank 3 → 4, B rank 4 → 5.
        #expect(Self.ints(t, "m_score") == [4, 5, 1, 1])
        #expect(Self.strings(t, "rfm") == ["454", "225", "521", "121"])
        // FM = (F + M + 1) / 2: A R4 FM5, B R2 FM4, C R5 FM2, D R1 FM2.
        #expect(Self.strings(t, "segment") == ["Champions", "At risk", "Potential loyalist", "Lost"])
        #expect(r.rowsWithoutCustomer == 1 && r.returnRows == 2 && r.customersWithoutPurchase == 1)
        #expect(r.rowsUsed == 9 && r.rowsOnOrAfterAsOf == 0)
        #expect(r.bins.filter { $0.metric == .frequency } == [
            RFMBin(metric: .frequency, score: 2, lowest: 1, highest: 1, customers: 3),
            RFMBin(metric: .frequency, score: 5, lowest: 2, highest: 2, customers: 1)])
    }

    @Test func firstTiesSplitEqualValuesByRowOrder() throws {
        var o = Self.options()
        o.ties = .first
        let t = try RFM.compute(try Self.transactions(), options: o).table
        #expect(Self.ints(t, "f_score") == [5, 1, 2, 4])
        #expect(Self.ints(t, "m_score") == [4, 5, 1, 2])
    }

    @Test func rowsWithoutInvoiceCountRowsAndAsOfCutsTheWindow() throws {
        var o = Self.options()
        o.invoice = nil
        o.asOf = CivilCalendar.days(year: 2024, month: 1, day: 9)
        let r = try RFM.compute(try Self.transactions(), options: o)
        // C's rows on 2024-01-09 are on asof, so C drops out; A now has 3 purchase rows.
        #expect(Self.strings(r.table, "customer") == ["A", "B", "D"])
        #expect(Self.ints(r.table, "frequency") == [3, 1, 1])
        #expect(Self.ints(r.table, "recency") == [4, 6, 7])
        #expect(r.rowsOnOrAfterAsOf == 2)  // C's two rows; the customerless row is counted apart
    }

    @Test func explicitCutPoints() throws {
        var o = Self.options()
        o.cuts[.recency] = [2, 6]
        let t = try RFM.compute(try Self.transactions(), options: o).table
        // Recency 5, 7, 1, 8 in (−∞,2], (2,6], (6,∞) scored 3, 2, 1 (fewer days is better).
        #expect(Self.ints(t, "r_score") == [2, 1, 3, 1])
        #expect(t.column("segment") == nil)  // recency scores only reach 3, so no names
        #expect(throws: EngineError.self) { _ = try RankScores.scores([1, 2], cuts: [5, 3], direction: .higherIsBetter) }
    }

    @Test func badRFMInput() throws {
        var o = Self.options()
        o.date = "amount"
        #expect(throws: EngineError.self) { _ = try RFM.compute(try Self.transactions(), options: o) }
        o = Self.options()
        o.amount = "invoice"
        #expect(throws: EngineError.self) { _ = try RFM.compute(try Self.transactions(), options: o) }
        o = Self.options()
        o.asOf = CivilCalendar.days(year: 2023, month: 1, day: 1)
        #expect(throws: EngineError.self) { _ = try RFM.compute(try Self.transactions(), options: o) }
    }

    @Test func segmentMapCoversEveryCell() {
        var seen = Set<String>()
        for r in 1...5 { for f in 1...5 { for m in 1...5 { if let s = RFMSegments.name(r: r, f: f, m: m) { seen.insert(s) } } } }
        #expect(seen == Set(RFMSegments.names))
        #expect(RFMSegments.name(r: 5, f: 5, m: 5) == "Champions")
        #expect(RFMSegments.name(r: 1, f: 5, m: 5) == "Can't lose them")
        #expect(RFMSegments.name(r: 6, f: 1, m: 1) == nil)
    }

    @Test func tiersByQuantilesAndThresholds() throws {
        let values: [Double] = [1, 2, 3, 4, 5, 6, 7, 8, .nan]
        let q = try Tiers.byQuantiles(values, count: 4, labels: ["Low", "Mid", "High", "Top"])
        #expect(q.cuts == [2.75, 4.5, 6.25])
        #expect(q.labels == ["Low", "Low", "Mid", "Mid", "High", "High", "Top", "Top", nil])
        #expect(q.bands.map(\.count) == [2, 2, 2, 2] && q.missing == 1)
        #expect(q.bands[1].mean == 3.5)
        let t = try Tiers.byThresholds(values, thresholds: [3, 6], labels: nil)
        #expect(t.labels.prefix(8) == ["T1", "T1", "T2", "T2", "T2", "T3", "T3", "T3"])  // 3 and 6 go up
        #expect(throws: EngineError.self) { _ = try Tiers.byThresholds(values, thresholds: [3, 6], labels: ["a", "b"]) }
        #expect(throws: EngineError.self) { _ = try Tiers.byThresholds(values, thresholds: [6, 3], labels: nil) }
    }

    @Test func profileMeansIndicesAndTopValues() throws {
        let t = try Table(columns: [stringColumn("seg", ["x", "x", "y", nil]), floatColumn("v", [1, 3, 8, 4]),
                                    stringColumn("cat", ["p", "q", "q", "q"])])
        let p = try SegmentProfile.compute(t, by: "seg")
        #expect(p.labels == ["x", "y", "(missing)"] && p.sizes == [2, 1, 1])
        #expect(p.overallMeans == [4])
        #expect(p.means.map { $0[0] } == [2, 8, 4])
        #expect(p.index(segment: 0, column: 0) == 50 && p.index(segment: 1, column: 0) == 200)
        #expect(p.top[0][0]?.value == "p" && p.top[0][0]?.share == 0.5)
        #expect(p.top[1][0]?.value == "q" && p.top[1][0]?.share == 1)
        let table = try p.table()
        #expect(table.columnNames == ["seg", "size", "share", "v", "v_index"])
        let ordered = try SegmentProfile.compute(t, by: "seg", order: ["y"])
        #expect(ordered.labels == ["y", "x", "(missing)"])
    }

    @Test func migrationCountsWithOnlyInOnePeriod() throws {
        let a = try Table(columns: [stringColumn("id", ["c1", "c2", "c3", "c4", nil]), stringColumn("s", ["s1", "s1", "s2", "s2", "s1"])])
        let b = try Table(columns: [stringColumn("cid", ["c1", "c2", "c3", "c5"]), stringColumn("s", ["s1", "s2", "s2", "s1"])])
        let m = try SegmentMigration.compute(from: a, to: b, key: ("id", "cid"), segment: ("s", "s"))
        #expect(m.fromLabels == ["s1", "s2"] && m.toLabels == ["s1", "s2"])
        #expect(m.counts == [[1, 1], [0, 1]])
        #expect(m.onlyInFrom == [0, 1] && m.onlyInTo == [1, 0])
        #expect(m.inBoth == 3 && m.unchanged == 2 && m.skippedMissingKeys == 1)
        let shares = try m.rowSharesTable()
        #expect(shares.column("s2")?.value(at: 1) == .float(0.5) && shares.column("(gone)")?.value(at: 1) == .float(0.5))
        let dup = try Table(columns: [stringColumn("cid", ["c1", "c1"]), stringColumn("s", ["s1", "s2"])])
        #expect(throws: EngineError.self) { _ = try SegmentMigration.compute(from: a, to: dup, key: ("id", "cid"), segment: ("s", "s")) }
    }
}
