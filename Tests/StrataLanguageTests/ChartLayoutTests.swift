import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Every chart fits the width it is given, renders the same every time, and survives bad input.
@Suite struct ChartLayoutTests {
    static func stripEscapes(_ s: String) -> String {
        s.replacing(/\u{1B}\[[0-9;]*m/, with: "")
    }

    @Test(arguments: [20, 24, 40, 63, 80, 100, 157])
    func nothingExceedsTheWidth(width: Int) {
        for chart in ChartSamples.all {
            for ascii in [false, true] {
                for color in [false, true] {
                    var unsized = chart
                    unsized.width = nil
                    let text = ChartRenderer.render(unsized, style: RenderStyle(width: width, ascii: ascii, color: color))
                    for line in Self.stripEscapes(text).split(separator: "\n") {
                        #expect(DisplayWidth.of(String(line)) <= width, "\(chart.title ?? "chart") at \(width): \(line)")
                    }
                }
            }
        }
    }

    @Test func asciiModeUsesOnlyASCII() {
        for chart in ChartSamples.all {
            let text = ChartRenderer.render(chart, style: RenderStyle(width: 100, ascii: true, color: false))
            #expect(text.unicodeScalars.allSatisfy { $0.isASCII }, "\(chart.title ?? "chart"): \(text)")
        }
    }

    @Test func colourOnlyWhenTheStyleSaysSo() {
        // A scatter of several groups draws braille with colour and markers without, so it differs by design.
        for chart in ChartSamples.all where chart != ChartSamples.scatter {
            let plain = ChartRenderer.render(chart, style: RenderStyle(width: 100, ascii: false, color: false))
            #expect(!plain.contains("\u{1B}"))
            let colored = ChartRenderer.render(chart, style: RenderStyle(width: 100, ascii: false, color: true))
            #expect(Self.stripEscapes(colored) == plain)
        }
    }

    @Test func renderingIsDeterministic() {
        for chart in ChartSamples.all {
            let a = OutputRenderer.render(CommandOutput([.chart(chart)]), style: .batch)
            let b = OutputRenderer.render(CommandOutput([.chart(chart)]), style: .batch)
            #expect(a == b)
        }
    }

    @Test func heightIsFixedWhenNotATerminal() {
        // 100 columns: 16 plot rows, plus the axis line and tick labels.
        let chart = Chart.line(series: [ChartSeries("s", x: [0, 1, 2], y: [1, 3, 2])])
        let lines = ChartRenderer.render(chart, style: .batch).split(separator: "\n")
        #expect(lines.count == 16 + 2)
        var tall = chart
        tall.height = 5
        #expect(ChartRenderer.render(tall, style: .batch).split(separator: "\n").count == 5 + 2)
    }

    @Test func badInputNeverTraps() {
        let style = RenderStyle.batch
        let empty: [Chart] = [
            Chart.bar(labels: [], values: []), Chart.histogram(values: []), Chart.line(series: []),
            Chart.scatter(groups: [ChartSeries("s", x: [.nan], y: [1])]), Chart.heatmap(rowLabels: [], columnLabels: [], values: []),
            Chart.sparkline(values: [Double?.none]), Chart.box(groups: []), Chart.dendrogram(leafCount: 0, merges: [DendrogramMerge]()),
        ]
        for chart in empty { #expect(!ChartRenderer.render(chart, style: style).isEmpty) }
        let loop = Chart.dendrogram(leafCount: 3, merges: [(0, 1, 1, 2), (3, 3, 2, 3)])
        #expect(ChartRenderer.render(loop, style: style).contains("cannot draw the dendrogram"))
        let forward = Chart.dendrogram(leafCount: 3, merges: [(0, 4, 1, 2)])
        #expect(ChartRenderer.render(forward, style: style).contains("not a leaf or an earlier merge"))
        let huge = Chart.bar(labels: ["a", "b"], values: [1e300, -.infinity])
        #expect(ChartRenderer.render(huge, style: style).contains("1e+300"))
        let logNonPositive = Chart.line(series: [ChartSeries("s", x: [1, 2, 3], y: [0, -1, 10])], yKind: .log10)
        #expect(ChartRenderer.render(logNonPositive, style: style).contains("2 points left out"))
    }

    @Test func scatterGroupsHaveDistinctMarkersWithoutColour() {
        let text = ChartRenderer.render(ChartSamples.scatter, style: .batch)
        #expect(text.contains("● cluster 0") && text.contains("▲ cluster 1"))
        // With colour the groups are braille dots instead.
        let colored = ChartRenderer.render(ChartSamples.scatter, style: RenderStyle(width: 100, ascii: false, color: true))
        #expect(colored.contains("\u{1B}[34m"))
    }

    @Test func largeDendrogramTruncatesToTheLastMerges() {
        // A chain over 200 points drawn as its last 9 merges.
        let merges: [DendrogramMerge] = (0..<199).map { i in
            DendrogramMerge(left: i == 0 ? 0 : 199 + i, right: i + 1, height: Double(i + 1), size: i + 2)
        }
        let chart = Chart.dendrogram(leafCount: 200, merges: merges, leafLimit: 10)
        let text = ChartRenderer.render(chart, style: .batch)
        #expect(text.contains("(191)"))
        #expect(text.contains("the last 9 merges of 199"))
        // Untruncated, a deep chain still renders (no recursion).
        #expect(!ChartRenderer.render(Chart.dendrogram(leafCount: 200, merges: merges), style: .batch).isEmpty)
    }
}
