import StrataEngine

/// The charts and tables `model report` prints, each from one engine result.
package enum ModelReportCharts {
    static func percent(_ x: Double) -> String { DescribeFormat.number(x * 100) + "%" }

    /// The ROC curve with the chance diagonal.
    package static func roc(_ curve: ROCCurve) -> Chart {
        Chart.line(title: "ROC curve, AUC \(DescribeFormat.number(curve.area))",
                   series: [ChartSeries("model", x: curve.falsePositiveRates, y: curve.truePositiveRates),
                            ChartSeries("chance", x: [0, 1], y: [0, 1])],
                   xLabel: "false positive rate", yLabel: "true positive rate")
    }

    /// Precision against recall, with the positive rate (what a random ordering achieves).
    package static func precisionRecall(_ curve: PrecisionRecallCurve, positiveRate: Double) -> Chart {
        Chart.line(title: "precision–recall curve, average precision \(DescribeFormat.number(curve.averagePrecision))",
                   series: [ChartSeries("model", x: curve.recalls, y: curve.precisions),
                            ChartSeries("positive rate", x: [0, 1], y: [positiveRate, positiveRate])],
                   xLabel: "recall", yLabel: "precision")
    }

    /// Share of all positives found against share of rows contacted, best-scored first.
    package static func gain(_ lift: LiftTable, rowCount: Int) -> Chart {
        let x = [0] + lift.groups.map { Double($0.cumulativeRows) / Double(max(1, rowCount)) }
        let y = [0] + lift.groups.map(\.cumulativeGain)
        return Chart.line(title: "cumulative gain by decile", series: [ChartSeries("model", x: x, y: y), ChartSeries("random", x: [0, 1], y: [0, 1])],
                          xLabel: "share of rows, highest scores first", yLabel: "share of positives found", showPoints: true)
    }

    package static func liftBars(_ lift: LiftTable) -> Chart {
        Chart.bar(title: "lift by decile (1 = the 10% with the highest scores; 1.0 = no better than random)",
                  labels: lift.groups.map { "\($0.number)" }, values: lift.groups.map(\.lift), valueLabel: "lift", categoryLabel: "decile")
    }

    package static func liftTable(_ lift: LiftTable) -> Table {
        var t = SummaryTable([("decile", .int), ("rows", .int), ("positives", .float), ("response_rate", .float), ("lift", .float),
                              ("cumulative_gain", .float), ("cumulative_lift", .float), ("lowest_score", .float)])
        for g in lift.groups {
            t.row([.int(Int64(g.number)), .int(Int64(g.rows)), .float(g.positives), .float(g.responseRate), .float(g.lift),
                   .float(g.cumulativeGain), .float(g.cumulativeLift), .float(g.lowestScore)])
        }
        return t.table
    }

    /// Observed rate against mean predicted probability per bin, with the diagonal of perfect calibration.
    package static func calibration(_ curve: CalibrationCurve) -> Chart {
        let filled = curve.bins.compactMap { b in b.meanPredicted.flatMap { p in b.observedRate.map { (p, $0) } } }
        return Chart.line(title: "calibration: observed rate against mean predicted probability",
                          series: [ChartSeries("model", x: filled.map(\.0), y: filled.map(\.1)), ChartSeries("perfect", x: [0, 1], y: [0, 1])],
                          xLabel: "mean predicted probability", yLabel: "observed rate", showPoints: true)
    }

    package static func calibrationTable(_ curve: CalibrationCurve) -> Table {
        var t = SummaryTable([("bin", .string), ("rows", .int), ("positives", .int), ("mean_predicted", .float), ("observed_rate", .float)])
        for b in curve.bins {
            t.row([.string("\(DescribeFormat.number(b.lower))–\(DescribeFormat.number(b.upper))"), .int(Int64(b.count)), .int(Int64(b.positives)),
                   b.meanPredicted.map(Value.float) ?? .missing, b.observedRate.map(Value.float) ?? .missing])
        }
        return t.table
    }

    /// The 2×2 counts and the figures read from them.
    package static func confusion(_ m: ConfusionMatrix, positive: String) -> (Table, Table) {
        var counts = SummaryTable([("actual", .string), ("predicted_positive", .int), ("predicted_negative", .int)])
        counts.row([.string("\(positive) (positive)"), .int(Int64(m.truePositives)), .int(Int64(m.falseNegatives))])
        counts.row([.string("other (negative)"), .int(Int64(m.falsePositives)), .int(Int64(m.trueNegatives))])
        var figures = SummaryTable([("metric", .string), ("value", .float)])
        for (name, value) in [("accuracy", m.accuracy), ("precision", m.precision), ("recall", m.recall), ("F1", m.f1), ("specificity", m.specificity)] {
            figures.row([.string(name), .float(value)])
        }
        return (counts.table, figures.table)
    }

    /// Importance bars, largest first.
    package static func importance(_ pairs: [(String, Double)], title: String, valueLabel: String) -> Chart {
        let sorted = pairs.enumerated().sorted { ($0.element.1, -$0.offset) > ($1.element.1, -$1.offset) }.map(\.element)
        return Chart.bar(title: title, labels: sorted.map(\.0), values: sorted.map(\.1), valueLabel: valueLabel, categoryLabel: "feature")
    }

    package static func permutationTable(_ p: PermutationImportance) -> Table {
        var t = SummaryTable([("feature", .string), ("mean_drop", .float), ("sd", .float)])
        for f in p.ranked { t.row([.string(f.name), .float(f.mean), .float(f.standardDeviation)]) }
        return t.table.showingEstimates()
    }

    /// The average prediction against the feature's value (levels for a text feature, as bars).
    package static func partialDependence(_ pd: PartialDependence, scale: String) -> Chart {
        let title = "partial dependence of the \(scale) on \(pd.feature)"
        if pd.isCategorical || pd.points.contains(where: \.isMissing) && pd.points.count <= 2 {
            return Chart.bar(title: title, labels: pd.points.map { $0.isMissing ? "(missing)" : ($0.level ?? DescribeFormat.number($0.value)) },
                             values: pd.points.map(\.averagePrediction), valueLabel: "average \(scale)", categoryLabel: pd.feature)
        }
        let present = pd.points.filter { !$0.isMissing }
        return Chart.line(title: title, series: [ChartSeries("average \(scale)", x: present.map(\.value), y: present.map(\.averagePrediction))],
                          xLabel: pd.feature, yLabel: "average \(scale)", showPoints: true)
    }

    package static func partialDependenceTable(_ pd: PartialDependence) -> Table {
        var t = SummaryTable([(pd.feature, .string), ("average_prediction", .float)])
        for p in pd.points {
            t.row([.string(p.isMissing ? "(missing)" : (p.level ?? DescribeFormat.number(p.value))), .float(p.averagePrediction)])
        }
        return t.table
    }

    /// Residuals (actual − predicted) of a regressor: the fit figures and the residuals' spread.
    package static func residuals(actual: [Double], predicted: [Double]) throws -> Table {
        let metrics = try RegressionMetrics(actual: actual, predicted: predicted)
        let r = zip(actual, predicted).map { $0 - $1 }.sorted()
        func q(_ p: Double) -> Double { Quantiles.linear(sorted: r, p) ?? .nan }
        var t = SummaryTable([("figure", .string), ("value", .float)])
        let mean = r.reduce(0, +) / Double(max(1, r.count))
        for (name, v) in [("RMSE", metrics.rmse), ("MAE", metrics.mae), ("R²", metrics.r2), ("mean residual", mean),
                          ("min residual", r.first ?? .nan), ("residual 25%", q(0.25)), ("median residual", q(0.5)),
                          ("residual 75%", q(0.75)), ("max residual", r.last ?? .nan)] {
            t.row([.string(name), .float(v)])
        }
        return t.table
    }
}
