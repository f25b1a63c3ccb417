import Foundation
import Testing
@testable import StrataEngine

/// scikit-learn 1.9.1 and shap 0.51 figures written by `Tests/fixtures-src/trees_reference.py`.
struct TreeReferenceFixture: Decodable {
    struct Tree: Decodable {
        let children_left: [Int]
        let children_right: [Int]
        let feature: [Int]
        let threshold: [Double]
        let value: [[Double]]
        let cover: [Double]
    }
    struct Case: Decodable {
        let name: String
        let tree: Tree
        let importances: [Double]
    }
    struct ShapSet: Decodable {
        let trees: [Tree]
        let shap: [[Double]]
        let expected: Double
        let proba: [Double]
    }
    let x: [[Double]]
    let y_class: [Int]
    let y_reg: [Double]
    let cases: [Case]
    let shap: [String: ShapSet]

    static let shared: TreeReferenceFixture = {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/trees_reference.json")
        do { return try JSONDecoder().decode(TreeReferenceFixture.self, from: Data(contentsOf: url)) }
        catch { fatalError("trees fixture unreadable: \(error)") }
    }()

    var frame: ModelFrame {
        let columns = (0..<(x.first?.count ?? 0)).map { j in ModelFrame.Feature.numeric(name: "x\(j)", values: x.map { $0[j] }) }
        return try! ModelFrame(rowCount: x.count, features: columns)
    }
}

extension TreeStructure {
    /// A scikit-learn tree's arrays as a TreeStructure (numeric splits; missing go left is unused).
    init(sklearn t: TreeReferenceFixture.Tree) {
        self.init(outputCount: t.value.first?.count ?? 1)
        for node in t.feature.indices { addNode(value: t.value[node], cover: t.cover[node]) }
        for node in t.feature.indices where t.feature[node] >= 0 {
            setSplit(node, feature: t.feature[node], threshold: t.threshold[node], missingGoesLeft: true,
                     left: t.children_left[node], right: t.children_right[node], gain: 0)
        }
    }
}

@Suite struct TreeReferenceTests {
    let fixture = TreeReferenceFixture.shared

    func parameters(_ name: String) -> TreeParameters {
        switch name {
        case "gini_depth4": return TreeParameters(criterion: .gini, maxDepth: 4)
        case "entropy_leaf20": return TreeParameters(criterion: .entropy, minSamplesLeaf: 20)
        case "gini_depth7_split30": return TreeParameters(criterion: .gini, maxDepth: 7, minSamplesSplit: 30)
        default: return TreeParameters(criterion: .squaredError, maxDepth: 5, minSamplesSplit: 10)
        }
    }

    @Test func sameSplitsAsScikitLearn() throws {
        for c in fixture.cases {
            let tree: TreeStructure
            let importances: [Double]
            if c.name.hasPrefix("regression") {
                let model = try DecisionTreeRegressorEstimator(parameters: parameters(c.name))
                    .fit(RegressionData(frame: fixture.frame, target: fixture.y_reg), context: .quiet)
                tree = model.tree
                importances = model.featureImportances ?? []
            } else {
                let target = ClassTarget(labels: fixture.y_class, classes: ["0", "1"])
                let model = try DecisionTreeClassifierEstimator(parameters: parameters(c.name))
                    .fit(ClassificationData(frame: fixture.frame, target: target), context: .quiet)
                tree = model.tree
                importances = model.featureImportances ?? []
            }
            #expect(tree.nodeCount == c.tree.feature.count, "\(c.name): node count")
            guard tree.nodeCount == c.tree.feature.count else { continue }
            for node in 0..<tree.nodeCount {
                let isLeaf = c.tree.feature[node] < 0
                #expect(tree.isLeaf(node) == isLeaf, "\(c.name) node \(node)")
                if !isLeaf {
                    #expect(Int(tree.feature[node]) == c.tree.feature[node], "\(c.name) node \(node) feature")
                    #expect(tree.threshold[node] == c.tree.threshold[node], "\(c.name) node \(node) threshold")
                    #expect(Int(tree.left[node]) == c.tree.children_left[node])
                }
                #expect(tree.cover[node] == c.tree.cover[node])
                for (a, b) in zip(tree.value(at: node), c.tree.value[node]) { #expect(abs(a - b) < 1e-9, "\(c.name) value") }
            }
            for (a, b) in zip(importances, c.importances) { #expect(abs(a - b) < 1e-9, "\(c.name) importance") }
        }
    }

    @Test func treeSHAPEqualsShapOnTheSameStructures() throws {
        let frame = fixture.frame.takingRows(Array(0..<20))
        for name in ["tree", "forest"] {
            guard let set = fixture.shap[name] else { Issue.record("no \(name)"); continue }
            let trees = set.trees.map { TreeStructure(sklearn: $0) }
            let scale = 1 / Double(trees.count)
            let phi = try TreeSHAP.contributions(trees, output: 1, scale: scale, frame: frame)
            let expected = trees.reduce(0) { $0 + TreeSHAP.expectedValue($1, output: 1) } * scale
            #expect(abs(expected - set.expected) < 1e-9, "\(name) expected value")
            for row in 0..<20 {
                for f in 0..<4 { #expect(abs(phi[row][f] - set.shap[row][f]) < 1e-6, "\(name) row \(row) feature \(f)") }
                // Additivity: expected value + contributions = the predicted probability.
                #expect(abs(expected + phi[row].reduce(0, +) - set.proba[row]) < 1e-9, "\(name) row \(row) sum")
            }
        }
    }
}
