import Testing
@testable import StrataLanguage

@Suite struct ChartScratch {
    @Test func show() {
        let style = RenderStyle(width: 60, ascii: false, color: false)
        let ascii = RenderStyle(width: 60, ascii: true, color: false)
        let ks = (2...10).map(Double.init)
        let inertia = [900.0, 500, 300, 250, 220, 200, 190, 182, 176]
        let sil = [0.41, 0.52, 0.61, 0.55, 0.48, 0.44, 0.40, 0.38, 0.37]
        let line = Chart.line(title: "k sweep", series: [ChartSeries("inertia", x: ks, y: inertia), ChartSeries("silhouette", x: ks, y: sil, secondaryAxis: true)],
                              marks: [ChartMark(x: 4, y: 0.61, label: "best k = 4", secondaryAxis: true)], xLabel: "k", yLabel: "inertia", secondaryLabel: "silhouette", height: 10)
        var charts: [Chart] = [line,
            Chart.bar(title: "bars", labels: ["GB", "NL", "France", "EIRE"], values: [120, 35.5, 12, 0.2]),
            Chart.bar(title: "vbars", labels: ["GB", "NL", "France", "EIRE"], values: [120, 35.5, 12, -20], orientation: .vertical, height: 8),
            Chart.histogram(title: "hist", values: [1, 2, 2, 3, 3, 3, 4, 4, 5, 9, 12, 30], bins: .count(6), height: 8),
            Chart.histogram(title: "hist log", values: [1, 2, 2, 3, 3, 3, 4, 4, 5, 9, 12, 30, 100, 1000, 5000], bins: .count(12), logX: true, height: 8),
            Chart.scatter(title: "scatter", x: [1, 2, 3, 4, 5, 6, 1.5, 2.5], y: [1, 4, 9, 16, 25, 36, 30, 20], labels: [0, 0, 0, 1, 1, 1, 2, 2], height: 8),
            Chart.heatmap(title: "heat", rowLabels: ["Champions", "Lost"], columnLabels: ["recency", "frequency", "monetary"], values: [[0.2, 3.1, 4.0], [2.5, 0.3, nil]]),
            Chart.sparkline(title: "spark", values: [1, 3, 2, 5, 8, 6, nil, 2]),
            Chart.box(title: "box", groups: [("a", [1, 2, 3, 4, 5, 6, 7, 30]), ("b", [10, 12, 14, 15, 16])]),
            Chart.dendrogram(title: "dendro", leafCount: 5, merges: [(0, 1, 1.0, 2), (2, 3, 1.5, 2), (5, 6, 3.0, 4), (4, 7, 6.0, 5)], labels: ["a", "b", "c", "d", "e"]),
            Chart.dendrogram(title: "dendro v", leafCount: 5, merges: [(0, 1, 1.0, 2), (2, 3, 1.5, 2), (5, 6, 3.0, 4), (4, 7, 6.0, 5)], labels: ["a", "b", "c", "d", "e"], orientation: .vertical, height: 8),
            Chart.dendrogram(title: "dendro trunc", leafCount: 5, merges: [(0, 1, 1.0, 2), (2, 3, 1.5, 2), (5, 6, 3.0, 4), (4, 7, 6.0, 5)], leafLimit: 3),
        ]
        charts.append(Chart.scatter(title: "one group", groups: [ChartSeries("pts", x: (0..<50).map { Double($0) }, y: (0..<50).map { Double($0 * $0) })], height: 8))
        for c in charts {
            print(ChartRenderer.render(c, style: style))
            print(ChartRenderer.render(c, style: ascii))
        }
    }
}
