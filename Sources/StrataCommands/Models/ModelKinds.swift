import Foundation
import StrataEngine

/// The predictive model kinds, one entry each (as `ClusterKinds`): `model NAME`, `model sweep`,
/// help and docs/commands.md all read this list, so a new algorithm is its engine file plus one
/// entry here.
///
/// To add a kind (e.g. `tree`):
/// 1. Its estimator takes `ClassificationData` (and/or `RegressionData`); its fitted model conforms to
///    `Classifier` (and/or `Regressor`) with `Features == ModelFrame`, and to `ExplainsPredictions`
///    if it can give per-row contributions (then `predict … explain=N` works for it, found at
///    compile time by the `ModelFitting` overloads).
/// 2. Declare its options below as `CommandOption`s (every `model` command already takes `seed=`,
///    which a random kind reads as `o.seed`; do not list it again) and add one `ModelKind` value to `all`, with
///    `classifier: { o in .classifier(MyEstimator(…o[option]…)) }` and/or `regressor:`. Read options
///    through the `ModelOptions` given (`o[option]`, `o.seed`), never from the parsed command, so
///    `model sweep` can vary any of them. `report:` adds blocks after the common report.
/// 3. Give `handling`: one sentence on text columns and missing values.
package enum ModelKinds {
    package static let all: [ModelKind] = [logistic, linear, ridge, tree, forest, gbm]

    package static let seed = CommandOption<Int?>.int("seed", describedAs: "the session seed (set seed)", "random seed for the folds (and the model, if it is random)")

    // MARK: logistic regression

    package static let c = CommandOption.number("c", in: 1e-12...1e12, default: 1, "inverse L2 penalty strength (scikit-learn's C): smaller shrinks more")
    package static let maxIter = CommandOption.int("max_iter", in: 1...10_000, default: 100, "Newton iterations at most")

    static let linearHandling = "Numeric features are standardised inside the model; a missing number becomes the training mean plus "
        + "an indicator column 'FEATURE (missing)'; a text column is one-hot encoded (one column per training level), and a missing "
        + "or unseen level is all zeros."

    package static let logistic = ModelKind(
        name: "logistic", title: "logistic regression",
        summary: "L2-penalised logistic regression for a binary target, features standardised inside the model.",
        options: [c, maxIter],
        details: "Minimises ½‖w‖² + C·Σ log loss on standardised features by Newton's method (the same model as scikit-learn's "
            + "StandardScaler + LogisticRegression(C)); the coefficients are printed on the original scale with their odds ratios "
            + "and per-sd effects. Contributions per row are exact on the log-odds scale.",
        examples: ["model logistic customers target=churned features=age,tenure_months,orders,spend,support_calls,channel folds=3 as lr",
                   "model logistic customers target=churned features=support_calls,tenure_months,country c=0.1 test=0.25 seed=7"],
        handling: linearHandling,
        classifier: { o in
            .classifier(LogisticRegression(LogisticRegressionParameters(c: o[c], maxIterations: o[maxIter]))) { model, _ in
                var blocks = [OutputBlock.table(coefficientTable(model.predictor, logOdds: true), title: "coefficients (original scale; log-odds of \(model.classes[1]))", showShape: false)]
                if !model.converged {
                    blocks.append(.warning("Newton's method stopped at max_iter=\(model.parameters.maxIterations) before converging: raise max_iter or lower C"))
                }
                return blocks
            }
        })

    // MARK: linear and ridge regression

    package static let alpha = CommandOption.number("alpha", in: 0...1e12, default: 1, "L2 penalty strength (scikit-learn's Ridge alpha)")

    package static let linear = ModelKind(
        name: "linear", title: "linear regression",
        summary: "Ordinary least squares for a numeric target, features standardised inside the model.",
        options: [],
        details: "Least squares with an intercept (scikit-learn's LinearRegression); the first level of each text column is the "
            + "reference level (left out, as its effect is in the intercept). Coefficients are printed on the original scale. "
            + "Refused when features are collinear: use ridge.",
        examples: ["model linear customers target=spend features=age,tenure_months,orders,support_calls,channel folds=3 as spend_lm"],
        handling: "Numeric features are standardised inside the model; a missing number becomes the training mean plus an indicator "
            + "column 'FEATURE (missing)'; a text column is one-hot encoded without its first level, and a missing or unseen level is all zeros.",
        regressor: { _ in .regressor(LinearRegression()) { model, _ in regressionReport(model) } })

    package static let ridge = ModelKind(
        name: "ridge", title: "ridge regression",
        summary: "L2-penalised least squares (ridge) for a numeric target, features standardised inside the model.",
        options: [alpha],
        details: "Minimises Σ (y − ŷ)² + alpha·‖w‖² on standardised features (scikit-learn's StandardScaler + Ridge(alpha)); "
            + "coefficients are printed on the original scale.",
        examples: ["model ridge customers target=spend features=age,tenure_months,orders,support_calls,channel alpha=10 folds=3"],
        handling: linearHandling,
        regressor: { o in .regressor(LinearRegression(LinearRegressionParameters(alpha: o[alpha]))) { model, _ in regressionReport(model) } })

    // MARK: reports

    static func regressionReport(_ model: LinearRegressionModel) -> [OutputBlock] {
        [.table(coefficientTable(model.predictor, logOdds: false), title: "coefficients (original scale)", showShape: false)]
    }

    /// term, coefficient, per_sd (the change for one training sd of the column) and, for log-odds,
    /// the odds ratio of one unit.
    static func coefficientTable(_ p: LinearPredictor, logOdds: Bool) -> Table {
        var columns: [(String, DataType)] = [("term", .string), ("coefficient", .float), ("per_sd", .float)]
        if logOdds { columns.append(("odds_ratio", .float)) }
        var t = SummaryTable(columns)
        var first: [Value] = [.string("(intercept)"), .float(p.intercept), .missing]
        if logOdds { first.append(.missing) }
        t.row(first)
        let scales = Dictionary(p.encoding.columns.map { ($0.label, $0) }, uniquingKeysWith: { a, _ in a })
        for (label, coefficient) in p.labelledCoefficients {
            let column = scales[label]
            var row: [Value] = [.string(label + (column?.isUsed == false ? " (constant, left out)" : "")), .float(coefficient),
                                column?.isUsed == true ? .float(coefficient * (column?.scale ?? 1)) : .missing]
            if logOdds { row.append(.float(exp(coefficient))) }
            t.row(row)
        }
        return t.table.showingEstimates()
    }
}
