@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// Small charts shared by the chart tests: every kind, with awkward values in some.
enum ChartSamples {
    static let merges: [(left: Int, right: Int, height: Double, size: Int)] = [(0, 1, 1.0, 2), (2, 3, 1.5, 2), (5, 6, 3.0, 4), (4, 7, 6.0, 5)]

    static let bars = Chart.bar(title: "orders by country", labels: ["GB", "NL", "France"], values: [12, 3.5, 0.2],
                                categoryLabel: "country", width: 40)
    static let sweep = Chart.line(
        title: "k sweep",
        series: [ChartSeries("inertia", x: [2, 3, 4, 5, 6], y: [900, 500, 300, 250, 220]),
                 ChartSeries("silhouette", x: [2, 3, 4, 5, 6], y: [0.41, 0.52, 0.61, 0.55, 0.48], secondaryAxis: true)],
        marks: [ChartMark(x: 4, y: 0.61, label: "best k = 4", secondaryAxis: true)],
        xLabel: "k", yLabel: "inertia", secondaryLabel: "silhouette", width: 44, height: 6)
    static let histogram = Chart.histogram(title: "hist", values: [1, 2, 2, 3, 3, 3, 4, 4, 5, 9, .nan], bins: .count(4),
                                           xLabel: "x", width: 30, height: 4)
    static let scatter = Chart.scatter(x: [1, 2, 3, 4, 5, 6], y: [1, 4, 9, 16, 25, 36], labels: [0, 0, 0, 1, 1, 1], width: 30, height: 5)
    static let heatmap = Chart.heatmap(title: "migration", rowLabels: ["Champions", "Lost"], columnLabels: ["Champions", "Lost"],
                                       values: [[40, 10], [5, nil]])
    static let dendrogram = Chart.dendrogram(leafCount: 5, merges: merges, labels: ["a", "b", "c", "d", "e"], width: 30)
    static let verticalDendrogram = Chart.dendrogram(leafCount: 5, merges: merges, orientation: .vertical, width: 30, height: 5)
    static let spark = Chart.sparkline(values: [1, 3, 2, 5, 8, 6, nil, 2])
    static let box = Chart.box(groups: [("a", [1, 2, 3, 4, 5, 6, 7, 30]), ("b", [10, 12, 14, 15, 16])], width: 40)
    static let verticalBars = Chart.bar(labels: ["a", "b", "c"], values: [3, -1, 2], orientation: .vertical, width: 20, height: 4)

    static let all: [Chart] = [bars, sweep, histogram, scatter, heatmap, dendrogram, verticalDendrogram, spark, box, verticalBars,
                               Chart.histogram(values: (0..<500).map { Double($0 % 37) * 1.7 }, bins: .freedmanDiaconis, logCounts: true),
                               Chart.histogram(values: (1..<400).map { Double($0 * $0) }, bins: .count(200), logX: true),
                               Chart.dendrogram(leafCount: 5, merges: merges, leafLimit: 3)]
}
