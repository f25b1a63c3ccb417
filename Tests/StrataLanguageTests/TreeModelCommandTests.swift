import Testing
@testable import StrataKit
@testable import StrataCommands
@testable import StrataSession

/// `model tree`, `model forest` and `predict … explain=3` end to end on the bundled customers.
@Suite struct TreeModelCommandTests {
    func run(_ i: Interpreter, _ line: String, sourceLocation: SourceLocation = #_sourceLocation) -> String {
        if case .success(let o) = i.execute(line) { return OutputRenderer.render(o, style: RenderStyle(width: 200, ascii: false, color: false)) }
        Issue.record("failed: \(line): \(i.execute(line))", sourceLocation: sourceLocation)
        return ""
    }

    @Test func treeAndForestFitPredictAndExplain() {
        let i = Interpreter(registry: StandardCommands.registry, workspace: Workspace())
        _ = run(i, "load \"datasets/customers.csv\" as customers")
        let tree = run(i, "model tree customers target=churned features=age,tenure_months,orders,spend,support_calls,channel depth=4 folds=3 as t")
        #expect(tree.contains("decision tree"))
        #expect(tree.contains("AUC"))
        let forest = run(i, "model forest customers target=churned features=age,tenure_months,orders,spend,support_calls,channel trees=10 depth=6 folds=3 seed=5 as f")
        #expect(forest.contains("random forest"))
        #expect(forest.contains("out-of-bag accuracy"))
        let explained = run(i, "predict f customers explain=3 as scored")
        #expect(!explained.isEmpty)
        #expect(i.workspace.names.contains("scored"))
        if case .failure(let m) = i.execute("model tree customers target=churned features=age max_features=lots") {
            #expect("\(m)".contains("max_features=lots"))
        } else {
            Issue.record("bad max_features accepted")
        }
    }
}
