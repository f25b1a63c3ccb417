import StrataEngine

/// The tables `evaluate` prints and binds.
package enum EvaluationTables {
    package typealias Named = (name: String, result: RecommenderEvaluation)

    package static func textColumn(_ name: String, _ values: [String]) -> Column {
        Column.fromValues(name: name, type: .string, values: values.map { .string($0) })
    }

    package static func numberColumn(_ name: String, _ values: [Double?]) -> Column {
        Column.fromValues(name: name, type: .float, values: values.map { $0.map { .float($0) } ?? .missing })
    }

    /// Models × metrics.
    package static func summary(_ results: [Named], metrics: [EvaluationMetric]) throws -> Table {
        var columns = [textColumn("model", results.map(\.name)),
                       Column(name: "users", data: .int(results.map { Int64($0.result.counts.evaluatedUsers) }))]
        for m in metrics {
            guard let k = results.first?.result.k else { break }
            columns.append(numberColumn(m.heading(k: k), results.map { $0.result.value(m) }))
        }
        return try Table(columns: columns)
    }

    /// One table per metric: k down, models across.
    package static func againstK(_ evaluations: [(String, [RecommenderEvaluation])], metrics: [EvaluationMetric]) throws -> [(EvaluationMetric, Table)] {
        guard let ks = evaluations.first?.1.map(\.k) else { return [] }
        return try metrics.map { m in
            var columns = [Column(name: "k", data: .int(ks.map { Int64($0) }))]
            for (name, results) in evaluations { columns.append(numberColumn(name, results.map { $0.value(m) })) }
            return (m, try Table(columns: columns))
        }
    }

    /// One line per model of a metric against k (metrics with no value per k, such as MRR, give none).
    package static func chartAgainstK(_ evaluations: [(String, [RecommenderEvaluation])], metric: EvaluationMetric) -> Chart? {
        let series = evaluations.compactMap { name, results -> ChartSeries? in
            let points = results.compactMap { r in r.value(metric).map { (Double(r.k), $0) } }
            guard points.count >= 2 else { return nil }
            return ChartSeries(name, x: points.map(\.0), y: points.map(\.1))
        }
        guard !series.isEmpty else { return nil }
        return Chart.line(title: "\(metric.rawValue) against k", series: series, xLabel: "k", yLabel: metric.rawValue,
                          showPoints: true)
    }

    /// k, model, one column per metric: the bound result of a k range.
    package static func longByK(_ evaluations: [(String, [RecommenderEvaluation])], metrics: [EvaluationMetric]) throws -> Table {
        var ks: [Int64] = [], names: [String] = []
        var values: [[Double?]] = metrics.map { _ in [] }
        for (name, results) in evaluations {
            for r in results {
                ks.append(Int64(r.k)); names.append(name)
                for (j, m) in metrics.enumerated() { values[j].append(r.value(m)) }
            }
        }
        var columns = [Column(name: "k", data: .int(ks)), textColumn("model", names)]
        for (j, m) in metrics.enumerated() { columns.append(numberColumn(m.rawValue, values[j])) }
        return try Table(columns: columns)
    }

    /// Per-user metrics for every model, long form: user, model, metric columns.
    package static func perUser(_ results: [Named]) throws -> Table {
        let metrics = EvaluationMetric.allCases.filter { m in results.first?.result.perUser[m] != nil }
        var users: [String] = [], models: [String] = []
        var values: [[Double?]] = metrics.map { _ in [] }
        for (name, r) in results {
            users += r.userIds
            models += [String](repeating: name, count: r.userIds.count)
            for (j, m) in metrics.enumerated() {
                values[j] += (r.perUser[m] ?? []).map { $0.isNaN ? nil : $0 }
            }
        }
        var columns = [textColumn("user", users), textColumn("model", models)]
        for (j, m) in metrics.enumerated() { columns.append(numberColumn(m.rawValue, values[j])) }
        return try Table(columns: columns)
    }

    /// Segment × model means of the per-user metrics.
    package static func bySegment(_ results: [Named], segments: [String: String], metrics: [EvaluationMetric]) throws -> Table {
        let perUserMetrics = metrics.filter(\.isPerUser)
        let names = Set(results.flatMap { $0.result.userIds.map { segments[$0] ?? "missing" } }).sorted()
        var segmentColumn: [String] = [], modelColumn: [String] = [], userCounts: [Int64] = []
        var values: [[Double?]] = perUserMetrics.map { _ in [] }
        for segment in names {
            for (name, r) in results {
                let rows = r.userIds.indices.filter { (segments[r.userIds[$0]] ?? "missing") == segment }
                segmentColumn.append(segment); modelColumn.append(name); userCounts.append(Int64(rows.count))
                for (j, m) in perUserMetrics.enumerated() {
                    let column = r.perUser[m] ?? []
                    let picked = rows.map { column[$0] }.filter { !$0.isNaN }
                    values[j].append(picked.isEmpty ? nil : picked.reduce(0, +) / Double(picked.count))
                }
            }
        }
        let k = results.first?.result.k ?? 0
        var columns = [textColumn("segment", segmentColumn), textColumn("model", modelColumn),
                       Column(name: "users", data: .int(userCounts))]
        for (j, m) in perUserMetrics.enumerated() { columns.append(numberColumn(m.heading(k: k), values[j])) }
        return try Table(columns: columns)
    }
}
