import StrataEngine

/// Figures that a command prints rather than binds, under the names the Spark job gives them:
/// pca's explained variance per component (`evaluation_<table>`), and abtest's per-variant value,
/// lift and raw p-value per metric (`evaluation_abtest_<metric>`).
enum CellFigures {
    static func figures(of cell: Cell, in workspace: Workspace, registry: CommandRegistry) -> [String: [MetricKey: Double]] {
        guard cell.succeeded, let parsed = try? CommandParser(registry: registry, workspace: workspace).parse(cell.source) else { return [:] }
        switch parsed.spec.name {
        case "pca":
            guard let name = parsed.resultName else { return [:] }
            return [name: explainedVariance(cell.output)]
        case "abtest":
            return abtest(parsed, workspace)
        default:
            return [:]
        }
    }

    /// The "explained variance" table: component PCj, variance, ratio → figures at k = j.
    private static func explainedVariance(_ output: CommandOutput) -> [MetricKey: Double] {
        var out: [MetricKey: Double] = [:]
        for block in output.blocks {
            guard case .table(let t, let title, _, _, _) = block, title == "explained variance",
                  let component = t.column("component"), let variance = t.column("variance"), let ratio = t.column("ratio") else { continue }
            for row in 0..<t.rowCount {
                guard case .string(let label) = component.value(at: row), let k = Int(label.dropFirst(2)) else { continue }
                if let v = variance.value(at: row).doubleValue { out[MetricKey(metric: "explained_variance", k: k)] = v }
                if let r = ratio.value(at: row).doubleValue { out[MetricKey(metric: "explained_variance_ratio", k: k)] = r }
            }
        }
        return out
    }

    /// Recomputed from the engine (the printed table rounds): each variant's rate or mean, and each
    /// treatment's absolute lift and unadjusted p-value. Only the plain form the job maps (no by=).
    private static func abtest(_ parsed: ParsedCommand, _ workspace: Workspace) -> [String: [MetricKey: Double]] {
        guard !parsed[ABTestOptions.sequential], !parsed.isGiven(ABTestOptions.by), let metrics = parsed[ABTestOptions.metric],
              let table = workspace.table(parsed.subject ?? ""), let input = try? ABTestInput(parsed, table) else { return [:] }
        var seed = workspace.settings.seed
        if let given = parsed[ABTestOptions.seed] { seed = UInt64(bitPattern: Int64(given)) }
        var out: [String: [MetricKey: Double]] = [:]
        for metric in metrics {
            guard let section = try? ABTestSection(parsed, input, metric: metric, seed: seed), section.segments.count == 1,
                  let analysis = section.segments[0].analysis else { continue }
            let value = section.kind == .conversion ? "rate" : "mean"
            var figures: [MetricKey: Double] = [:]
            for v in analysis.variants { figures[MetricKey(metric: "\(value)[\(v.label)]", k: nil)] = v.value }
            for c in analysis.comparisons {
                figures[MetricKey(metric: "lift[\(c.treatment)]", k: nil)] = c.lift.absolute
                figures[MetricKey(metric: "p[\(c.treatment)]", k: nil)] = c.pValue
            }
            out["abtest_" + metric] = figures
        }
        return out
    }
}
