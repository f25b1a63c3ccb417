import StrataEngine

/// The split criterion of a classification tree (regression trees always use squared error).
package enum TreeCriterionChoice: String, OptionChoice, Sendable {
    case gini, entropy
}

extension ModelKinds {
    package static let depth = CommandOption<Int?>.int("depth", in: 1...200, describedAs: "unlimited", "maximum depth of a tree (unlimited: grow until leaves are pure)")
    package static let minLeaf = CommandOption.int("min_leaf", in: 1...1_000_000, default: 1, "rows every leaf keeps at least")
    package static let minSplit = CommandOption.int("min_split", in: 2...1_000_000, default: 2, "a node with fewer rows is not split")
    package static let criterion = CommandOption<TreeCriterionChoice>.choice("criterion", default: .gini, "split criterion for classification (regression uses squared error)")
    package static let trees = CommandOption.int("trees", in: 1...10_000, default: 100, "number of trees in the forest")
    package static let maxFeatures = CommandOption.text("max_features", default: "auto", "features tried per node: auto (sqrt for classification, all for regression), all, sqrt, log2, a fraction or a count")

    static let treeHandling = "Text columns are split natively (levels ordered by mean target, best prefix goes left; a level "
        + "unseen in training counts as missing); missing values go to the side learned at each split, trying both as scikit-learn does."

    static func treeParameters(_ o: ModelOptions, classification: Bool, forest: Bool) throws -> TreeParameters {
        let text = o[maxFeatures]
        let features: MaxFeatures
        if text == "auto" {
            features = forest && classification ? .sqrt : .all
        } else if let parsed = MaxFeatures(text: text) {
            features = parsed
        } else {
            throw EngineError("max_features=\(text) is not understood", suggestion: "use auto, all, sqrt, log2, a fraction like 0.3 or a count like 4")
        }
        return TreeParameters(criterion: classification ? (o[criterion] == .entropy ? .entropy : .gini) : .squaredError,
                              maxDepth: o[depth], minSamplesSplit: o[minSplit], minSamplesLeaf: o[minLeaf],
                              maxFeatures: features, seed: o.seed)
    }

    package static let tree = ModelKind(
        name: "tree", title: "decision tree (CART)",
        summary: "A CART decision tree (Gini or entropy; squared error for a numeric target), as scikit-learn's DecisionTree.",
        options: [depth, minLeaf, minSplit, criterion, maxFeatures],
        details: "Grows depth first, splitting numbers at midpoints between consecutive values (the same splits as scikit-learn on "
            + "data without ties); importance is the mean decrease in impurity. Per-row contributions are exact TreeSHAP, in probability.",
        examples: ["model tree customers target=churned features=age,tenure_months,orders,spend,support_calls,channel depth=4 folds=3 as churn_tree"],
        handling: treeHandling,
        classifier: { o in .classifier(DecisionTreeClassifierEstimator(parameters: try treeParameters(o, classification: true, forest: false))) },
        regressor: { o in .regressor(DecisionTreeRegressorEstimator(parameters: try treeParameters(o, classification: false, forest: false))) })

    package static let forest = ModelKind(
        name: "forest", title: "random forest",
        summary: "A random forest: bootstrap samples, random features per node, trees grown on both cores (same result on one).",
        options: [trees, depth, minLeaf, minSplit, criterion, maxFeatures],
        details: "Each tree grows on a bootstrap sample, trying max_features features per node (sqrt for classification); "
            + "probabilities are the mean over trees; the out-of-bag score uses each row's left-out trees. Per-row contributions "
            + "are exact TreeSHAP averaged over the trees, in probability (as shap does for scikit-learn forests).",
        examples: ["model forest customers target=churned features=age,tenure_months,orders,spend,support_calls,channel trees=20 depth=6 folds=3 as churn_rf"],
        handling: treeHandling,
        classifier: { o in
            .classifier(RandomForestClassifierEstimator(parameters: ForestParameters(
                treeCount: o[trees], tree: try treeParameters(o, classification: true, forest: true), seed: o.seed))) { model, _ in
                model.outOfBagAccuracy.map { [.note("out-of-bag accuracy: \(DescribeFormat.number($0))")] } ?? []
            }
        },
        regressor: { o in
            .regressor(RandomForestRegressorEstimator(parameters: ForestParameters(
                treeCount: o[trees], tree: try treeParameters(o, classification: false, forest: true), seed: o.seed))) { model, _ in
                model.outOfBagR2.map { [.note("out-of-bag R²: \(DescribeFormat.number($0))")] } ?? []
            }
        })
}
