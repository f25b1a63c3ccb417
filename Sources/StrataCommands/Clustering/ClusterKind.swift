/// One row of the clustering kinds table, seen without its estimator type: what `cluster`,
/// `cluster sweep`, `assign` and help read.
package protocol ClusterKindEntry: Sendable {
    /// The word after `cluster` (`kmeans`).
    var name: String { get }
    /// How output names the algorithm (`k-means`).
    var title: String { get }
    /// Nil when `cluster sweep` cannot fit this kind for a range of k.
    var sweep: ClusterSweep? { get }
    /// `cluster NAME`, declared from the entry.
    var command: CommandSpec { get }
}

/// One clustering algorithm as the `cluster` commands see it: its word and help, its typed options,
/// how parsed options become an estimator, and what its report adds to the common one. The common
/// part — features chosen and scaled, validity figures, sizes, means, the clustering kept — is the
/// same for every kind.
package struct ClusterKind<Fitter: Estimator>: ClusterKindEntry where Fitter.TrainingData == FeatureMatrix, Fitter.Model: ClusterModel {
    package let name: String
    package let title: String
    package let summary: String
    /// Without `as NAME` the clustering is called TABLE_suffix.
    package let bindingSuffix: String
    /// The kind's own options, after the feature options every kind shares.
    package let options: [any OptionDeclaration]
    package let details: String
    package let examples: [String]
    /// Parsed options (and the session's settings, for the seed) → the estimator to fit.
    package let build: @Sendable (ParsedCommand, Settings) throws -> Fitter
    /// What the first line says after the parameters.
    package var headline: @Sendable (Fitter.Model) -> String = { ClusterReport.clusterCountText($0.clusterCount) }
    /// The fit's own inertia where it minimised it; otherwise the validity figures compute it.
    package var inertia: @Sendable (Fitter.Model) -> Double? = { _ in nil }
    /// Blocks after the common report (tables, warnings, a chart).
    package var extras: @Sendable (Fitter.Model, ParsedCommand) -> [OutputBlock] = { _, _ in [] }
    package var sweep: ClusterSweep?

    package var command: CommandSpec {
        let suffix = bindingSuffix
        return CommandSpec(
            "cluster \(name)", group: .segmentation, summary: summary,
            arguments: [.table("table", help: "one row per customer (or other unit)")],
            options: ClusterInput.options + options,
            binding: .named { p in "\(p.subject ?? "table")_\(suffix)" },
            details: details, examples: examples
        ) { parsed, ctx in try run(parsed, &ctx) }
    }

    private func run(_ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput {
        let input = try ClusterInput(parsed, ctx)
        let model = try build(parsed, ctx.workspace.settings).fit(input.scaled, context: ctx.run)
        let validity = try ValidityFigures(input.scaled, labels: model.labels, inertia: inertia(model),
                                           seed: parsed.seed(ClusterKinds.seed, ctx.workspace.settings), context: ctx.run)
        let clustering = Clustering(method: title, model: model, featureColumns: input.scaled.columnNames, scaler: input.scaler,
                                    table: try input.labelled(model.labels), scaledFeatures: input.scaled, validity: validity.figures)
        let name = try ctx.bindResult(clustering, for: parsed)
        var out = try ClusterReport.output(clustering, name: name,
                                           headline: "\(title), \(input.featureNote), " + ClusterReport.parameterText(clustering.parameters)
                                            + headline(model),
                                           perCluster: validity.perCluster, validityNotes: validity.notes, inputNotes: input.notes)
        out.blocks += extras(model, parsed)
        return out
    }
}

/// How `cluster sweep` fits a kind at each k.
package struct ClusterSweep: Sendable {
    /// How the sweep's help names the method (`hierarchical (one Ward tree cut at each k)`).
    package let help: String
    /// Options the sweep reads for this kind only.
    package let options: [any OptionDeclaration]
    /// Readies a sweep over the scaled rows (with the seed); the result fits one k, or is nil once
    /// k is past what the rows allow.
    package let prepare: @Sendable (ParsedCommand, FeatureMatrix, UInt64, RunContext) throws -> (Int) throws -> SweepPoint?

    /// A sweep that fits the kind afresh at each k.
    package static func refitting<E: Estimator>(
        help: String, options: [any OptionDeclaration] = [],
        inertia: @escaping @Sendable (E.Model) -> Double? = { _ in nil },
        _ estimator: @escaping @Sendable (ParsedCommand, Int, UInt64) -> E
    ) -> ClusterSweep where E.TrainingData == FeatureMatrix, E.Model: ClusterModel {
        ClusterSweep(help: help, options: options) { parsed, x, seed, context in
            { k in
                let model = try estimator(parsed, k, seed).fit(x, context: context)
                return SweepPoint(labels: model.labels, inertia: inertia(model))
            }
        }
    }
}

/// One k of a sweep: the labels, and the fit's own inertia where it has one.
package struct SweepPoint {
    package let labels: [Int]
    package let inertia: Double?
}
