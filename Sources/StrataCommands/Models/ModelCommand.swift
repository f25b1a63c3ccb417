import StrataEngine

/// `model KIND TABLE target=COL …`: one command per entry of the kinds table, all run by the same
/// code: read the target and features, fit on every row, bind the model, and print its parameters,
/// its handling of text and missing values and what the kind adds (coefficients…).
package enum ModelCommand {
    package static func spec(for kind: ModelKind) -> CommandSpec {
        CommandSpec(
            "model \(kind.name)", group: .models, summary: kind.summary,
            arguments: [.table("table", help: "one row per customer (or other unit), with the target column")],
            options: ModelInput.options + kind.options,
            binding: .named { p in "\(p.subject ?? "table")_\(kind.name)" },
            details: kind.details + " " + kind.handling + " Task: \(kind.tasks). Without 'as NAME' the model is called TABLE_\(kind.name); "
                + "use it with 'predict NAME TABLE' (add explain=N for each row's top reasons).",
            examples: kind.examples
        ) { parsed, ctx in try run(kind, parsed, &ctx) }
    }

    /// The kind's estimator for the input's task.
    package static func fitting(_ kind: ModelKind, _ options: ModelOptions, task: PredictiveModel.Task) throws -> ModelFitting {
        switch task {
        case .binaryClassification:
            guard let build = kind.classifier else { throw options.parsed.error("\(kind.name) cannot classify") }
            return try build(options)
        case .regression:
            guard let build = kind.regressor else { throw options.parsed.error("\(kind.name) cannot predict a number") }
            return try build(options)
        }
    }

    private static func run(_ kind: ModelKind, _ parsed: ParsedCommand, _ ctx: inout CommandContext) throws -> CommandOutput {
        let input = try ModelInput(parsed, ctx, kind: kind)
        let options = ModelOptions(parsed, settings: ctx.workspace.settings)
        let fitting = try fitting(kind, options, task: input.task)
        let classes = input.classes
        let refit: @Sendable (ModelFrame, [Double], RunContext) throws -> PredictiveModel = { frame, y, context in
            try fitting.fit(frame, y, classes, context).model
        }
        let seed = options.seed
        let scheme = try ModelValidation.scheme(parsed, y: input.y, classification: input.isClassification, classes: classes, seed: seed)
        let validation = try ModelValidation.run(scheme, frame: input.frame, y: input.y, classification: input.isClassification,
                                                 refit: refit, context: ctx.run)
        let threshold = parsed[ModelInput.threshold]
        let (figuresTable, figures) = try ValidationReport.table(validation, y: input.y, classification: input.isClassification, threshold: threshold)
        let foldTable = try ValidationReport.foldTable(validation, y: input.y, classification: input.isClassification)
        let fitted = try fitting.fit(input.frame, input.y, classes, ctx.run)
        let object = ModelObject(kind: kind.name, title: kind.title, model: fitted.model, target: input.targetColumn,
                                 positiveClass: input.positiveClass, featureColumns: input.frame.featureNames,
                                 training: input.frame, trainingTarget: input.y, trainingTable: input.tableName, refit: refit,
                                 validation: validation.description, validationFigures: figures, folds: validation.foldCount,
                                 testShare: parsed[ModelInput.test], seed: seed, threshold: threshold)
        let name = try ctx.bindResult(object, for: parsed)
        let parameters = fitted.model.parameterValues.map { "\($0.name)=\($0.value)" }.joined(separator: " ")
        var out = CommandOutput([.note("\(name): \(kind.title)\(parameters.isEmpty ? "" : " (\(parameters))"), predicting "
                                       + (input.positiveClass.map { "\(input.targetColumn) = \($0)" } ?? input.targetColumn)
                                       + " from \(input.frame.features.count) features, \(Format.count(input.frame.rowCount)) rows of \(input.tableName)")])
        out.blocks += input.notes
        if let foldTable { out.append(.table(foldTable, title: "folds", showShape: false)) }
        out.append(.table(figuresTable, title: validation.description
                          + (input.isClassification ? ", threshold \(DescribeFormat.number(threshold))" : ""), showShape: false))
        if validation.foldCount != nil { out.append(.note("mean, sd, min and max over folds; pooled: every row's out-of-fold score together")) }
        out.blocks += fitted.report(input.frame.featureNames)
        out.append(.note("the model kept is refitted on all \(Format.count(input.frame.rowCount)) rows; the figures above are for held-out rows"))
        out.append(.note("handling: " + kind.handling))
        out.append(.note("next: predict \(name) TABLE explain=3 (adds \(object.predictionColumn) and reasons)"))
        return out
    }
}
