import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// The segmentation and clustering commands end to end through the interpreter.
@Suite struct SegmentationCommandTests {
    /// The hand-computed RFM case of SegmentationRFMTests as a session table, plus a customer table
    /// with two well-separated groups for clustering and bad-input columns.
    static func interpreter() throws -> Interpreter {
        var ws = Workspace()
        func days(_ d: Int) -> Int64 { CivilCalendar.days(year: 2024, month: 1, day: d) }
        ws.bind("tx", table: try Table(columns: [
            Column.fromValues(name: "customer", type: .string,
                              values: ["A", "A", "A", "B", "B", "C", nil, "D", "E", "C"].map { $0.map(Value.string) ?? .missing }),
            Column(name: "day", data: .date([1, 1, 5, 3, 8, 9, 9, 2, 4, 9].map(days))),
            Column(name: "invoice", data: .string(codes: [0, 0, 1, 2, 3, 4, 5, 6, 7, 4], dictionary: ["i1", "i2", "i3", "C1", "i4", "i5", "i6", "C2"])),
            Column(name: "amount", data: .float([10, 5, 20, 100, -30, 15, 50, 15, -5, 0])),
        ]))
        ws.bind("people", table: try Table(columns: [
            Column(name: "id", data: .int(Array(1...8))),
            Column(name: "x", data: .float([1, 1.2, 0.8, 1.1, 9, 9.3, 8.8, 9.1])),
            Column(name: "y", data: .float([2, 2.1, 1.9, 2.2, 7, 7.2, 6.9, 7.1])),
            Column(name: "flat", data: .float([3, 3, 3, 3, 3, 3, 3, 3])),
            Column.fromValues(name: "gap", type: .float, values: [1, nil, 3, 4, 5, nil, 7, 8].map { $0.map(Value.float) ?? .missing }),
            Column.fromValues(name: "empty", type: .float, values: Array(repeating: .missing, count: 8)),
            Column(name: "name", data: .string(codes: [0, 1, 0, 1, 0, 1, 0, 1], dictionary: ["p", "q"])),
            Column(name: "churned", data: .int([0, 0, 0, 1, 1, 1, 1, 0])),
        ]))
        return Interpreter(registry: StandardCommands.registry, workspace: ws)
    }

    @discardableResult
    func run(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o) }
        Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
        return ""
    }

    /// Fails with a message and leaves the workspace as it was.
    func failure(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        let before = i.workspace.names
        let rows = before.map { i.workspace.table($0)?.columnCount ?? -1 }
        guard case .failure(let m) = i.execute(line) else {
            Issue.record("expected a failure: \(line)", sourceLocation: sourceLocation)
            return ""
        }
        #expect(i.workspace.names == before && before.map { i.workspace.table($0)?.columnCount ?? -1 } == rows,
                "the workspace changed", sourceLocation: sourceLocation)
        return m
    }

    func close(_ v: Value?, _ expected: Double) -> Bool {
        if case .float(let x)? = v { return abs(x - expected) <= 1e-12 * max(1, abs(expected)) }
        return false
    }

    func column(_ i: Interpreter, _ table: String, _ name: String) -> [Value] {
        guard let t = i.workspace.table(table), let c = t.column(name) else { return [] }
        return (0..<t.rowCount).map { c.value(at: $0) }
    }

    @Test func rfmPrintsBinsTiesAndExclusions() throws {
        let i = try Self.interpreter()
        let text = run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice as r")
        #expect(column(i, "r", "recency") == [.int(5), .int(7), .int(1), .int(8)])
        #expect(column(i, "r", "segment") == ["Champions", "At risk", "Potential loyalist", "Lost"].map(Value.string))
        #expect(text.contains("r: 4 customers as of 2024-01-10, from 9 rows"))
        #expect(text.contains("ties=average"))
        #expect(text.contains("rows left out: 1 without a customer"))
        #expect(text.contains("1 customers with no purchase before asof are left out"))
        #expect(text.contains("│ frequency │     2 │      1 │       1 │         3 │"))
        _ = run(i, "rfm tx customer=customer date=day amount=amount ties=first as r2")
        #expect(column(i, "r2", "frequency") == [.int(3), .int(1), .int(2), .int(1)])  // rows, not invoices
        let cuts = run(i, "rfm tx customer=customer date=day amount=amount rcuts=2,6 as r3")
        #expect(column(i, "r3", "r_score") == [.int(2), .int(1), .int(3), .int(1)])
        #expect(cuts.contains("segment names need 1–5 scores"))
    }

    @Test func scoreManualAndLearned() throws {
        let i = try Self.interpreter()
        let text = run(i, "score people criteria=\"x:-1, y:3\" scale=minmax as s")
        // x and y both span their range; weights 0.25 (lower is better) and 0.75.
        let scores = column(i, "s", "score").compactMap { if case .float(let v) = $0 { return v } else { return nil } }
        #expect(scores.count == 8)
        #expect(abs(scores[0] - (0.25 * (1 - 0.2 / 8.5) + 0.75 * (0.1 / 5.3))) < 1e-12)
        #expect(text.contains("│ x         │ lower is better  │ minmax  │   0.25 │"))
        let learned = run(i, "score people criteria=x,y target=churned scale=quantile as l")
        // Churned rows have x ranks 3, 5, 6, 8 → AUC (22 − 10)/16 = 0.75, power 0.5; y ranks 4, 5, 6, 8 → 13/16,
        // power 0.625. Weights 0.5/1.125 = 4/9 and 5/9, both higher (the score rises with churn).
        #expect(learned.contains("weights learned from churned"))
        #expect(learned.contains("│ x         │ higher is better │ quantile │ 0.4444 │ 0.7500 │ 0.500 │ 0.4444 │"))
        #expect(learned.contains("│ y         │ higher is better │ quantile │ 0.5556 │ 0.8125 │ 0.625 │ 0.5556 │"))
        #expect(failure(i, "score people criteria=x:1,y target=churned").contains("learned"))
        #expect(failure(i, "score people criteria=x,churned target=churned").contains("cannot also be a criterion"))
        #expect(failure(i, "score people criteria=x,flat").contains("'flat' is constant"))
        #expect(failure(i, "score people criteria=x,nope").contains("no column 'nope'"))
    }

    @Test func segmentTiersAndProfile() throws {
        let i = try Self.interpreter()
        let text = run(i, "segment people by x tiers=2 labels=low,high")
        #expect(column(i, "people", "tier") == ["low", "low", "low", "low", "high", "high", "high", "high"].map(Value.string))
        #expect(text.contains("a value equal to a cut point goes to the tier above"))
        _ = run(i, "segment people by x thresholds=1.1,9 labels=a,b,c name=band")
        #expect(column(i, "people", "band") == ["a", "b", "a", "b", "c", "c", "b", "c"].map(Value.string))
        #expect(failure(i, "segment people by x thresholds=1,2 labels=a,b").contains("3 tiers need 3 labels"))
        #expect(failure(i, "segment people by name tiers=2").contains("text"))
        let profile = run(i, "profile people by tier cols=x,y cats=name order=low,high")
        let p = try #require(i.workspace.table("people_profile"))
        #expect(p.column("tier")?.value(at: 0) == .string("low"))
        #expect(close(p.column("x_index")?.value(at: 0), 100 * 1.025 / 5.0375))
        #expect(profile.contains("index vs overall mean"))
        #expect(failure(i, "profile people").contains("needs 'by COLUMN'"))
    }

    @Test func migrateCountsCustomers() throws {
        let i = try Self.interpreter()
        _ = run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice as now")
        _ = run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice asof=2024-01-06 as before")
        let text = run(i, "migrate before now on=customer by=segment")
        let m = try #require(i.workspace.table("before_to_now"))
        #expect(m.rowCount == 4)  // A, B, D before (3 segments) plus (new)
        #expect(text.contains("3 customers in both"))
        #expect(text.contains("1 only in now"))
        #expect(failure(i, "migrate before now on=nope").contains("no column 'nope'"))
    }

    @Test func scaleAddsColumnsAndRefusesConstant() throws {
        let i = try Self.interpreter()
        _ = run(i, "scale people cols=x,y scale=minmax lower=y")
        #expect(close(column(i, "people", "x_minmax").first, 0.2 / 8.5))
        #expect(close(column(i, "people", "y_minmax").first, 1 - 0.1 / 5.3))
        #expect(failure(i, "scale people cols=flat scale=zscore").contains("divide by zero"))
        #expect(failure(i, "scale people cols=gap").contains("2 of 8 rows have missing values"))
        _ = run(i, "scale people cols=gap missing=drop scale=zscore")
        #expect(column(i, "people", "gap_zscore")[1] == .missing)
    }

    @Test func clusterKMeansProfileAssignAndPCA() throws {
        let i = try Self.interpreter()
        let text = run(i, "cluster kmeans people cols=x,y k=2 seed=1 n_init=2 as c")
        let c = try #require(i.workspace["c"].flatMap { if case .object(let o) = $0 { return o as? Clustering } else { return nil } })
        #expect(Set(c.labels[0..<4]).count == 1 && Set(c.labels[4..<8]).count == 1 && c.labels[0] != c.labels[4])
        #expect(text.contains("silhouette") && text.contains("davies_bouldin") && text.contains("cluster means (original units)"))
        #expect(c.parameters.contains { $0.name == "seed" && $0.value == "1" })
        _ = run(i, "profile c")
        #expect(i.workspace.table("c_profile")?.rowCount == 2)
        _ = run(i, "assign c people as again")
        #expect(column(i, "again", "cluster") == c.labels.map { .int(Int64($0)) })
        let pca = run(i, "pca c as flat2d")
        #expect(i.workspace.table("flat2d")?.column("PC2") != nil && i.workspace.table("flat2d")?.column("cluster") != nil)
        #expect(pca.contains("explained variance"))
        let sweep = run(i, "cluster sweep kmeans people cols=x,y k=2..4 seed=1 n_init=2")
        #expect(i.workspace.table("people_sweep")?.rowCount == 3)
        #expect(sweep.contains("best k by silhouette: 2"))
    }

    @Test func hierarchicalDBSCANAndKDist() throws {
        let i = try Self.interpreter()
        _ = run(i, "cluster hierarchical people cols=x,y linkage=ward k=2 as h")
        guard case .object(let o)? = i.workspace["h"], let h = o as? Clustering else { Issue.record("no clustering"); return }
        #expect(h.tree?.dendrogram.merges.count == 7 && h.labels == [0, 0, 0, 0, 1, 1, 1, 1])
        _ = run(i, "cluster sweep hierarchical people cols=x,y k=2..3")
        let d = run(i, "cluster dbscan people cols=x,y scale=none eps=1 minpts=3 as d")
        #expect(d.contains("2 clusters, 0 noise points"))
        let noisy = run(i, "cluster dbscan people cols=x,y scale=none eps=0.01 minpts=3")
        #expect(noisy.contains("every point is noise"))
        let one = run(i, "cluster dbscan people cols=x,y scale=none eps=50 minpts=2")
        #expect(one.contains("everything is one cluster"))
        let k = run(i, "kdist people cols=x,y k=2")
        #expect(k.contains("suggested eps") && i.workspace.table("people_kdist")?.rowCount == 8)
    }

    @Test func badClusteringInputFailsWithMessages() throws {
        let i = try Self.interpreter()
        #expect(failure(i, "cluster kmeans people cols=x,y k=9").contains("k=9 is more than the number of rows (8)"))
        _ = run(i, "derive people twin = if(x > 5, 1, 0)")
        #expect(failure(i, "cluster kmeans people cols=twin k=3").contains("distinct points (2)"))
        #expect(failure(i, "cluster kmeans people cols=x,flat k=2").contains("'flat' is constant"))
        #expect(failure(i, "cluster kmeans people cols=x,empty k=2").contains("no values"))
        #expect(failure(i, "cluster kmeans people cols=x,name k=2").contains("'name' is text"))
        #expect(failure(i, "cluster kmeans people cols=x,gap k=2").contains("2 of 8 rows have missing values"))
        #expect(failure(i, "cluster dbscan people cols=x,y eps=0").contains("eps must be a positive distance"))
        #expect(failure(i, "cluster dbscan people cols=x,y eps=-1").contains("eps must be a positive distance"))
        #expect(failure(i, "cluster hierarchical people cols=x,y").contains("needs k= or height="))
        #expect(failure(i, "cluster kmeans people cols=x,y").contains("needs k="))
        _ = run(i, "filter people where id = 1 as one")
        #expect(failure(i, "cluster kmeans one cols=x,y k=1").contains("at least 2 rows"))
        _ = run(i, "cluster kmeans people cols=x,gap missing=drop k=2 seed=1 as dropped")
        _ = run(i, "cluster kmeans people cols=x,gap missing=mean k=2 seed=1 as filled")
        guard case .object(let a)? = i.workspace["dropped"], case .object(let b)? = i.workspace["filled"],
              let dropped = a as? Clustering, let filled = b as? Clustering else { Issue.record("missing clusterings"); return }
        #expect(dropped.table.rowCount == 6 && filled.table.rowCount == 8)
        #expect(failure(i, "assign people people").contains("not a clustering"))
        #expect(failure(i, "sweep").contains("unknown command"))
    }
}
