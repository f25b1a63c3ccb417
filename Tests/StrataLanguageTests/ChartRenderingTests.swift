import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Exact renderings of small charts, Unicode and ASCII, at the batch width (100 columns, no colour).
/// Each expectation was read and checked by eye before it was frozen here.
@Suite struct ChartRenderingTests {
    static func render(_ chart: Chart, ascii: Bool) -> String {
        ChartRenderer.render(chart, style: RenderStyle(width: 100, ascii: ascii, color: false))
    }

    @Test func barsUnicode() {
        #expect(Self.render(ChartSamples.bars, ascii: false) == """
        orders by country
        country
        GB      ██████████████████████████ 12.0
        NL      ███████▋ 3.5
        France  ▍ 0.2
        """)
    }

    @Test func barsASCII() {
        #expect(Self.render(ChartSamples.bars, ascii: true) == """
        orders by country
        country
        GB      ########################## 12.0
        NL      #######= 3.5
        France  . 0.2
        """)
    }

    @Test func sweepUnicode() {
        #expect(Self.render(ChartSamples.sweep, ascii: false) == """
        k sweep
        inertia                           silhouette
        1000 ┤●⡀              ┊                ├ 0.7
             │ ⠈⠒⠤⡀           ✕⡀               │
             │    ⠈⠑⠤⣀   ⢀⡠⠔⠒⠉┊⠈⠉⠒⠢⠤⢄⣀         ├ 0.6
         500 ┤      ⢀⡠▲⠓⠛⠣⠤⢄⣀⡀┊       ▲⠑⠒⠤⢄⣀⡀  ├ 0.5
             │  ⢀⡠⠔⠊⠁        ⠈●⠉⠉⠉⠑⠒⠒⠒●⠒⠒⠒⠢⠤⠬⠭▲│
           0 ┤▲⠊⠁             ┊                ├ 0.4
             └┬───────┬───────┬───────┬───────┬┘
              2       3       4       5       6
                              k
        ● inertia   ▲ silhouette (right axis)
        ✕ best k = 4
        """)
    }

    @Test func sweepASCII() {
        #expect(Self.render(ChartSamples.sweep, ascii: true) == """
        k sweep
        inertia                           silhouette
        1000 +**              :                + 0.7
             |  **            :                |
             |    ***     ooooXooo             + 0.6
         500 +      oooooo    :   oooooooo     + 0.5
             |  oooo      ****************ooooo|
           0 +oo              :                + 0.4
             ++-------+-------+-------+-------++
              2       3       4       5       6
                              k
        * inertia   o silhouette (right axis)
        X best k = 4
        """)
    }

    @Test func histogramUnicode() {
        #expect(Self.render(ChartSamples.histogram, ascii: false) == """
        hist
        count
        5 ┤      ██████
          │▃▃▃▃▃▃██████
          │████████████
          │████████████▆▆▆▆▆▆▆▆▆▆▆▆
        0 └───┬─────┬─────┬─────┬──
              2     4     6     8
                       x
        1 missing or non-finite values
        skipped
        10 values in 4 bins (fixed
        count)
        """)
    }

    @Test func scatterASCII() {
        #expect(Self.render(ChartSamples.scatter, ascii: true) == """
        40 +                         o
           |
        20 +               o    o
           |          *
         0 +*    *
           ++----+----+----+----+----+
            1    2    3    4    5    6
        * cluster 0   o cluster 1
        """)
    }

    @Test func heatmapUnicode() {
        #expect(Self.render(ChartSamples.heatmap, ascii: false) == """
        migration
                  Champions      Lost
        Champions     ██ 40     ░░ 10
        Lost          ░░  5        NA
        shades: ░ 5.0–13.8  ▒ 13.8–22.5  ▓ 22.5–31.3  █ 31.3–40.0
        """)
    }

    @Test func heatmapASCII() {
        #expect(Self.render(ChartSamples.heatmap, ascii: true) == """
        migration
                  Champions      Lost
        Champions     ## 40     .. 10
        Lost          ..  5        NA
        shades: . 5.0-13.8  : 13.8-22.5  + 22.5-31.3  # 31.3-40.0
        """)
    }

    @Test func dendrogramUnicode() {
        #expect(Self.render(ChartSamples.dendrogram, ascii: false) == """
        e ┤─────────────────────────┐
          │                         │
        a ┤────┐                    │
          │    ├────────┐           │
        b ┤────┘        │           │
          │             ├───────────┘
        c ┤──────┐      │
          │      ├──────┘
        d ┤──────┘
          └┬───────┬────────┬───────┬
           0       2        4       6
                  merge height
        """)
    }

    @Test func dendrogramASCII() {
        #expect(Self.render(ChartSamples.dendrogram, ascii: true) == """
        e +-------------------------+
          |                         |
        a +----+                    |
          |    +--------+           |
        b +----+        |           |
          |             +-----------+
        c +------+      |
          |      +------+
        d +------+
          ++-------+--------+-------+
           0       2        4       6
                  merge height
        """)
    }

    @Test func verticalDendrogramUnicode() {
        #expect(Self.render(ChartSamples.verticalDendrogram, ascii: false) == """
        merge height
        10 ┤
           │  ┌────────────┐
           │  │       ┌────┴────┐
         0 ┤  │    ┌──┴─┐    ┌──┴─┐
           │  │    │    │    │    │
           └──┬────┬────┬────┬────┬──
              4    0    1    2    3
        """)
    }

    @Test func sparkUnicode() {
        #expect(Self.render(ChartSamples.spark, ascii: false) == """
        ▁▃▂▅█▆ ▂  min 1  max 8
        """)
    }

    @Test func sparkASCII() {
        #expect(Self.render(ChartSamples.spark, ascii: true) == """
        _-.=#+ .  min 1  max 8
        """)
    }

    @Test func boxASCII() {
        #expect(Self.render(ChartSamples.box, ascii: true) == """
        a + |-==#===                           o
          |
        b +            |-===#=|
          ++-----+-----+-----+-----+-----+-----+
           0     5    10    15    20    25    30
        box Q1-Q3, # median, whiskers within 1.5
        IQR, o outliers
        """)
    }

    @Test func verticalBarsUnicode() {
        #expect(Self.render(ChartSamples.verticalBars, ascii: false) == """
         4 ┤
         2 ┤████      ▃▃▃▃
         0 ┤████      ████
           │     ████
        -2 └─┬────┬────┬───
             a    b    c
        """)
    }
}
