import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession
@testable import StrataEngine

/// The charts the segmentation and clustering commands draw after their tables, on the two
/// well-separated groups of SegmentationCommandTests (rows 1–4 near (1, 2), rows 5–8 near (9, 7)).
/// Rendered at the fixed width of a non-terminal (100 columns), so the text is exact.
@Suite struct SegmentationChartTests {
    struct Note: WorkspaceObject {
        var kindName: String { "note" }
        var summary: String { "a value without rows" }
    }

    func run(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o) }
        Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
        return ""
    }

    func failure(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        guard case .failure(let m) = i.execute(line) else {
            Issue.record("expected a failure: \(line)", sourceLocation: sourceLocation)
            return ""
        }
        return m
    }

    /// The output from the line holding `title` on: the chart and what follows it.
    func from(_ title: String, in text: String) -> String {
        guard let r = text.range(of: title) else { return "(no '\(title)' in:\n\(text))" }
        return String(text[r.lowerBound...])
    }

    @Test func sweepDrawsElbowAndSilhouetteWithTheBestK() throws {
        let i = try SegmentationCommandTests.interpreter()
        let text = run(i, "cluster sweep kmeans people cols=x,y k=2..4 seed=1 n_init=2")
        // Inertia falls 0.0295 → 0.0085 on the left axis, silhouette 0.968 → 0.304 on the right;
        // k is whole numbers, the best k (2) is marked on the silhouette line.
        #expect(from("elbow (inertia)", in: text) == """
        elbow (inertia) and silhouette by k
        inertia                                                                                   silhouette
        0.030 ┤✕⠤⢄⣀                                                                                    ├ 1.0
              │┊⠉⠑⠒⠫⠶⣢⡤⣀⡀                                                                              │
              │┊      ⠈⠉⠚⠛⠶⢦⣄⣀                                                                         ├ 0.9
        0.025 ┤┊             ⠉⠙⠓⠲⠤⣄⣀                                                                   │
              │┊                   ⠈⠉⠒⠲⠤⣄⣀                                                             ├ 0.8
              │┊                         ⠈⠉⠛⠲⠦⣤⣀⡀                                                      │
        0.020 ┤┊                               ⠉⠙⠛⠵⢖⣤⢄⣀                                                ├ 0.7
              │┊                                     ⠉⠑⠫⠭⣒⡢▲⣀                                          │
              │┊                                          ⠈●⠒⠛⠵⠶⣤⣀⡀                                    │
        0.015 ┤┊                                                  ⠉⠉⠒⠶⢤⣤⣀⣀                             ├ 0.6
              │┊                                                        ⠉⠒⠫⢍⣒⠒⠤⠤⣀⣀                     │
              │┊                                                             ⠉⠑⠢⠤⣀⡉⠉⠒⠒⠤⠤⣀⣀             ├ 0.5
        0.010 ┤┊                                                                  ⠈⠑⠒⠤⢄⡀  ⠉⠉⠒⠒⠤⠤⣀⣀     │
              │┊                                                                       ⠈⠉⠒⠤⢄⣀     ⠉⠉⠒⠒●├ 0.4
              │┊                                                                             ⠉⠒⠢⠤⣀     │
        0.005 ┤┊                                                                                  ⠉⠑⠒⠤▲├ 0.3
              └┬───────────────────────────────────────────┬──────────────────────────────────────────┬┘
               2                                           3                                          4
                                                           k
        ● inertia   ▲ silhouette (right axis)   ✕ best k = 2
        """)
        let off = run(i, "cluster sweep kmeans people cols=x,y k=2..4 seed=1 n_init=2 chart=no")
        #expect(!off.contains("elbow (inertia)") && off.contains("best k by silhouette: 2"))
    }

    @Test func hierarchicalDrawsItsTreeWithTheCut() throws {
        let i = try SegmentationCommandTests.interpreter()
        let text = run(i, "cluster hierarchical people cols=x,y linkage=ward k=2 as h")
        // Eight points: no truncation; the cut for k=2 lies between the last merges (0.14 and 5.65).
        #expect(text.contains("ward linkage, 8 points"))
        #expect(text.hasSuffix("merge height (ward)\n┊ cut: 2 clusters"))
        // The last 3 merges: the two groups, one split in (3) and row 5, the other in two pairs.
        #expect(run(i, "chart dendrogram h leaves=4 width=60") == """
        h: ward linkage, the last 3 merges of 7
          5 ┤─┐                        ┊
            │ ├────────────────────────────────────────────────┐
        (3) ┤─┘                        ┊                       │
            │                          ┊                       │
        (2) ┤─┐                        ┊                       │
            │ ├────────────────────────────────────────────────┘
        (2) ┤─┘                        ┊
            └┬────────┬────────┬────────┬───────┬────────┬────────┬
             0        1        2        3       4        5        6
                               merge height (ward)
        ┊ cut: 2 clusters
        the last 3 merges of 7; a leaf (N) is a cluster of N points
        """)
        #expect(run(i, "chart dendrogram h orient=vertical width=50 height=8") == """
        h: ward linkage, 8 points
        merge height (ward)
        6 ┤      ┌───────────────────────┐
          │      │                       │
        4 ┤      │                       │
          │┈┈┈┈┈┈│┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈┈│┈┈┈┈┈┈┈┈┈
        2 ┤      │                       │
          │      │                       │
        0 ┤  ┌───┴┬────┬────┐    ┌────┬──┴─┬────┐
          │  │    │    │    │    │    │    │    │
          └──┬────┬────┬────┬────┬────┬────┬────┬──
             5    6    4    7    1    3    0    2
        ┈ cut: 2 clusters
        """)
        let titled = run(i, "chart dendrogram h title=\"the tree\" width=60")
        #expect(titled.hasPrefix("the tree\n"))
        #expect(!run(i, "cluster hierarchical people cols=x,y k=2 chart=no").contains("merge height"))
        let cutByHeight = run(i, "cluster hierarchical people cols=x,y height=1 as hh")
        #expect(cutByHeight.contains("┊ cut: 2 clusters at height 1"))
    }

    @Test func dendrogramNeedsAHierarchicalClustering() throws {
        let i = try SegmentationCommandTests.interpreter()
        _ = run(i, "cluster kmeans people cols=x,y k=2 seed=1 n_init=2 as km")
        let kmeans = failure(i, "chart dendrogram km")
        #expect(kmeans.contains("'km' is a k-means clustering, which has no merge tree; chart dendrogram needs a hierarchical clustering"))
        #expect(kmeans.contains("cluster hierarchical TABLE"))
        #expect(failure(i, "chart dendrogram people").contains("'people' is a table; chart dendrogram needs a hierarchical clustering"))
        #expect(failure(i, "chart dendrogram nope").contains("nothing named 'nope'"))
        _ = run(i, "cluster hierarchical people cols=x,y k=2 as h")
        #expect(failure(i, "chart dendrogram h leaves=1").contains("leaves"))
    }

    @Test func kdistDrawsTheCurveWithTheSuggestedEps() throws {
        let i = try SegmentationCommandTests.interpreter()
        let text = run(i, "kdist people cols=x,y k=2")
        #expect(text.contains("distance to the 2-th nearest neighbour, sorted\ndistance\n"))
        #expect(text.hasSuffix("points, by distance\n✕ suggested eps = 0.0638519"))
        // Ranks 1…8 label the x axis in whole numbers.
        #expect(text.contains("      1            2            3             4            5             6            7            8\n"))
        #expect(!run(i, "kdist people cols=x,y k=2 chart=no").contains("✕"))
    }

    @Test func profileDrawsTheIndexHeatmap() throws {
        let i = try SegmentationCommandTests.interpreter()
        _ = run(i, "cluster kmeans people cols=x,y k=2 seed=1 n_init=2 as c")
        // Overall means 5.0375 and 4.55: cluster 0 at 9.05 and 7.05 is 179.7 and 154.9.
        #expect(from("index vs overall mean by cluster", in: run(i, "profile c")) == """
        index vs overall mean by cluster (100 = average)
                 x        y
        0 ██ 179.7 ██ 154.9
        1 ░░  20.3 ░░  45.1
        shades: ░ 20.3–60.2  ▒ 60.2–100.0  ▓ 100.0–139.8  █ 139.8–179.7
        """)
        let off = run(i, "profile c chart=no")
        #expect(!off.contains("shades:") && off.contains("index vs overall mean (100 = average)"))
    }

    @Test func clusteringScatterColoursByClusterAndCallsNoiseNoise() throws {
        let i = try SegmentationCommandTests.interpreter()
        // eps=0.25, minpts=4: only (1, 2) is a core point; its group is cluster 0, the other group noise.
        _ = run(i, "cluster dbscan people cols=x,y scale=none eps=0.25 minpts=4 as d")
        #expect(run(i, "chart scatter d x=x y=y width=60 height=8") == """
        y against x by cluster
        y
        8 ┤
          │                                                 ●●●●
        6 ┤
          │
        4 ┤
        2 ┤    ▲ ▲▲
          │
        0 ┤
          └┬─────┬────┬─────┬────┬─────┬─────┬────┬─────┬────┬─────┬
           0     1    2     3    4     5     6    7     8    9    10
                                       x
        ● noise   ▲ cluster 0
        """)
        let named = run(i, "chart scatter d x=x y=y color=name width=60 height=8")
        #expect(named.contains("● name=p   ▲ name=q"))
        #expect(failure(i, "chart scatter d x=x y=nope").contains("no column 'nope' in table d"))
        // A clustering's rows also feed bar and box charts.
        #expect(run(i, "chart bar d x=cluster").contains("rows by cluster"))
        #expect(run(i, "chart box d y=x by=cluster").contains("x by cluster"))
        var ws = i.workspace
        ws.bind("memo", .object(Note()))
        let j = Interpreter(registry: StandardCommands.registry, workspace: ws)
        #expect(failure(j, "chart scatter memo x=x y=y").contains("'memo' is a note, which has no rows; a table or a clustering is needed"))
        #expect(failure(j, "show d").contains("not a table"))
    }

    @Test func pcaOfAClusteringDrawsTheProjection() throws {
        let i = try SegmentationCommandTests.interpreter()
        _ = run(i, "cluster kmeans people cols=x,y k=2 seed=1 n_init=2 as c")
        let text = run(i, "pca c as flat2d")
        #expect(text.contains("c on the first two components, by cluster\nPC2 (0.0% of variance)\n"))
        #expect(text.contains("PC1 (100.0% of variance)\n● cluster 0   ▲ cluster 1"))
        #expect(!run(i, "pca c chart=no as again").contains("components, by cluster"))
        #expect(!run(i, "pca people cols=x,y as plain").contains("by cluster"))
    }

    @Test func migrationTiersAndRFMDrawTheirCharts() throws {
        let i = try SegmentationCommandTests.interpreter()
        let now = run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice as now")
        #expect(now.contains("customers by RFM segment\nsegment            rows\nChampions          ███"))
        #expect(!run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice chart=no as quiet").contains("customers by RFM segment"))
        _ = run(i, "rfm tx customer=customer date=day amount=amount invoice=invoice asof=2024-01-06 chart=no as before")
        #expect(from("% of each before segment", in: run(i, "migrate before now on=customer by=segment")) == """
        % of each before segment (rows) in each now segment (columns)
                     Champions Potential l…      At risk         Lost
        Champions       ██ 100       ░░   0       ░░   0       ░░   0
        Loyal           ░░   0       ░░   0       ██ 100       ░░   0
        Lost            ░░   0       ░░   0       ░░   0       ██ 100
        shades: ░ 0–25  ▒ 25–50  ▓ 50–75  █ 75–100
        """)
        #expect(!run(i, "migrate before now on=customer by=segment chart=no").contains("% of each"))
        let tiers = run(i, "segment people by x thresholds=1.1,9 labels=a,b,c name=band")
        #expect(from("rows by band", in: tiers) == """
        rows by band
        band rows
        a    █████████████████████████████████████████████████████████████▍ 2
        b    ████████████████████████████████████████████████████████████████████████████████████████████ 3
        c    ████████████████████████████████████████████████████████████████████████████████████████████ 3
        """)
    }

    @Test func manyMigrationColumnsAreNumberedWithAKey() throws {
        let m = SegmentMigration(fromLabels: ["a"], toLabels: ["p", "q", "r", "s", "t", "u", "v"], counts: [[1, 1, 0, 0, 0, 0, 2]],
                                 onlyInFrom: [0], onlyInTo: Array(repeating: 0, count: 7), skippedMissingKeys: 0)
        let chart = SegmentationCharts.migration(m, from: "h1", to: "h2")
        guard case .heatmap(let h) = chart.kind else { Issue.record("not a heatmap"); return }
        #expect(h.columnLabels == ["1", "2", "3", "4", "5", "6", "7"])  // (gone) left out: nobody is gone
        #expect(h.values == [[25, 25, 0, 0, 0, 0, 50]])
        #expect(chart.notes == ["columns: 1 p, 2 q, 3 r, 4 s, 5 t, 6 u, 7 v"])
    }
}
