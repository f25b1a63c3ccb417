import StrataEngine

/// One predictive algorithm as the model commands see it: its word and help, its typed options, and
/// how parsed options become an estimator for classification, regression or both. Everything else —
/// reading the table, the target and features, validation, the report, `predict`, `evaluate models`,
/// `model report` and `model sweep` — is common to every kind.
package struct ModelKind: Sendable {
    package let name: String
    package let title: String
    package let summary: String
    /// The kind's own options, after the options every kind shares.
    package let options: [any OptionDeclaration]
    package let details: String
    package let examples: [String]
    /// One sentence: how this kind treats text (categorical) columns and missing values.
    package let handling: String
    /// Nil when the kind cannot classify (or regress).
    package let classifier: (@Sendable (ModelOptions) throws -> ModelFitting)?
    package let regressor: (@Sendable (ModelOptions) throws -> ModelFitting)?

    package init(name: String, title: String, summary: String, options: [any OptionDeclaration], details: String,
                 examples: [String], handling: String,
                 classifier: (@Sendable (ModelOptions) throws -> ModelFitting)? = nil,
                 regressor: (@Sendable (ModelOptions) throws -> ModelFitting)? = nil) {
        self.name = name
        self.title = title
        self.summary = summary
        self.options = options
        self.details = details
        self.examples = examples
        self.handling = handling
        self.classifier = classifier
        self.regressor = regressor
    }

    /// `model NAME`, declared from the entry.
    package var command: CommandSpec { ModelCommand.spec(for: self) }

    /// The tasks the kind supports, as help says them.
    package var tasks: String {
        switch (classifier != nil, regressor != nil) {
        case (true, true): return "classification or regression"
        case (true, false): return "binary classification"
        default: return "regression"
        }
    }
}

/// A configured estimator, seen without its type: fits rows and returns the model with the blocks
/// its report adds (coefficients, convergence…). Made with `classifier(_:report:)` or
/// `regressor(_:report:)`, whose overloads pick up `ExplainsPredictions` at compile time.
package struct ModelFitting: Sendable {
    package struct Fitted: Sendable {
        package let model: PredictiveModel
        /// What the kind prints after the common report (built only when the report is printed).
        package let report: @Sendable ([String]) -> [OutputBlock]
    }

    /// Rows, target (0/1 for classification, with [negative, positive] class names), context.
    package let fit: @Sendable (ModelFrame, [Double], [String]?, RunContext) throws -> Fitted

    package static func classifier<E: Estimator>(_ estimator: E, report: @escaping @Sendable (E.Model, [String]) -> [OutputBlock] = { _, _ in [] })
        -> ModelFitting where E.TrainingData == ClassificationData, E.Model: Classifier, E.Model.Features == ModelFrame {
        ModelFitting { frame, y, classes, context in
            let (data, positive) = try classification(frame, y, classes)
            let model = try estimator.fit(data, context: context)
            return Fitted(model: try PredictiveModel(classifier: model, positive: positive)) { report(model, $0) }
        }
    }

    package static func classifier<E: Estimator>(_ estimator: E, report: @escaping @Sendable (E.Model, [String]) -> [OutputBlock] = { _, _ in [] })
        -> ModelFitting where E.TrainingData == ClassificationData, E.Model: Classifier & ExplainsPredictions, E.Model.Features == ModelFrame {
        ModelFitting { frame, y, classes, context in
            let (data, positive) = try classification(frame, y, classes)
            let model = try estimator.fit(data, context: context)
            return Fitted(model: try PredictiveModel(classifier: model, positive: positive)) { report(model, $0) }
        }
    }

    package static func regressor<E: Estimator>(_ estimator: E, report: @escaping @Sendable (E.Model, [String]) -> [OutputBlock] = { _, _ in [] })
        -> ModelFitting where E.TrainingData == RegressionData, E.Model: Regressor, E.Model.Features == ModelFrame {
        ModelFitting { frame, y, _, context in
            let model = try estimator.fit(RegressionData(frame: frame, target: y), context: context)
            return Fitted(model: PredictiveModel(regressor: model)) { report(model, $0) }
        }
    }

    package static func regressor<E: Estimator>(_ estimator: E, report: @escaping @Sendable (E.Model, [String]) -> [OutputBlock] = { _, _ in [] })
        -> ModelFitting where E.TrainingData == RegressionData, E.Model: Regressor & ExplainsPredictions, E.Model.Features == ModelFrame {
        ModelFitting { frame, y, _, context in
            let model = try estimator.fit(RegressionData(frame: frame, target: y), context: context)
            return Fitted(model: PredictiveModel(regressor: model)) { report(model, $0) }
        }
    }

    /// 0/1 targets as a two-class `ClassTarget` ([negative, positive]).
    private static func classification(_ frame: ModelFrame, _ y: [Double], _ classes: [String]?) throws -> (ClassificationData, String) {
        let names = classes ?? ["0", "1"]
        guard names.count == 2 else { throw EngineError("a binary target needs two classes") }
        return (ClassificationData(frame: frame, target: ClassTarget(labels: y.map { $0 == 1 ? 1 : 0 }, classes: names)), names[1])
    }
}

/// A kind's options as its builder reads them: what was typed, except where `model sweep` sets one
/// option to each of its values in turn.
package struct ModelOptions: Sendable {
    package let parsed: ParsedCommand
    package let settings: Settings
    package var overrides: [String: OptionValue] = [:]

    package init(_ parsed: ParsedCommand, settings: Settings, overrides: [String: OptionValue] = [:]) {
        self.parsed = parsed
        self.settings = settings
        self.overrides = overrides
    }

    package subscript<Value>(option: CommandOption<Value>) -> Value {
        if let raw = overrides[option.key], let value = Value(optionValue: raw) { return value }
        return parsed[option]
    }

    package func isGiven<Value>(_ option: CommandOption<Value>) -> Bool {
        overrides[option.key] != nil || parsed.isGiven(option)
    }

    /// The seed every kind shares (`seed=`, else the session's).
    package var seed: UInt64 {
        if case .int(let v)? = overrides[ModelKinds.seed.key] { return UInt64(bitPattern: Int64(v)) }
        return parsed.seed(ModelKinds.seed, settings)
    }

    package func error(_ message: String, at option: some OptionDeclaration) -> SyntaxError {
        parsed.error(message, at: parsed.options[option.spec.key]?.span ?? parsed.verbSpan)
    }
}
