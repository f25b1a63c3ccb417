import Foundation
import Testing
@testable import StrataEngine

/// Area under the ROC curve by the rank formula (ties share their mean rank).
private func auc(_ scores: [Double], _ labels: [Int]) -> Double {
    let order = scores.indices.sorted { scores[$0] < scores[$1] }
    var ranks = [Double](repeating: 0, count: scores.count)
    var i = 0
    while i < order.count {
        var j = i
        while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
        for k in i...j { ranks[order[k]] = Double(i + j) / 2 + 1 }
        i = j + 1
    }
    let positives = labels.filter { $0 == 1 }.count
    let negatives = labels.count - positives
    let rankSum = labels.indices.filter { labels[$0] == 1 }.reduce(0.0) { $0 + ranks[$1] }
    return (rankSum - Double(positives * (positives + 1)) / 2) / Double(positives * negatives)
}

private struct IranianFixture: Decodable {
    struct Forest: Decodable { let fold: [Int]; let auc: [Double]; let mean_auc: Double; let n_estimators: Int }
    let iranian_forest: Forest
}

@Suite struct ForestTests {
    let small = TreeReferenceFixture.shared

    @Test func identicalOnOneAndTwoThreads() throws {
        let set = try TreeTrainingSet(frame: small.frame, target: .classes(labels: small.y_class.map { Int32($0) }, count: 2))
        let weights = [Double](repeating: 1, count: set.rowCount)
        let parameters = ForestParameters(treeCount: 12, seed: 7)
        let one = try ForestGrower.grow(set, weights: weights, parameters: parameters, context: .quiet, workers: 1)
        let two = try ForestGrower.grow(set, weights: weights, parameters: parameters, context: .quiet, workers: 2)
        #expect(one.trees == two.trees)
        #expect(one.outOfBag.map { $0 ?? [] } == two.outOfBag.map { $0 ?? [] })
        let other = try ForestGrower.grow(set, weights: weights, parameters: ForestParameters(treeCount: 12, seed: 8),
                                          context: .quiet, workers: 2)
        #expect(one.trees != other.trees)
    }

    @Test func forestContributionsAddUpToProbability() throws {
        let target = ClassTarget(labels: small.y_class, classes: ["stay", "churn"])
        let model = try RandomForestClassifierEstimator(parameters: ForestParameters(treeCount: 8, seed: 3))
            .fit(ClassificationData(frame: small.frame, target: target), context: .quiet)
        let rows = small.frame.takingRows(Array(0..<15))
        let phi = try model.contributions(rows)
        let p = try model.predictProbabilities(rows)
        for r in 0..<15 { #expect(abs(model.expectedValue + phi[r].reduce(0, +) - p[r][1]) < 1e-9) }
        #expect(model.outOfBagAccuracy.map { $0 > 0.6 } == true)
        #expect(abs((model.featureImportances ?? []).reduce(0, +) - 1) < 1e-12)
    }

    /// scikit-learn RandomForestClassifier(50 trees) 5-fold CV AUC on the same folds, within 0.01.
    @Test func cvAUCCloseToScikitLearnOnIranianChurn() throws {
        let path = "/work/shared/data/iranian-churn/customer_churn.csv"
        guard FileManager.default.fileExists(atPath: path) else { return }
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/trees_reference.json")
        let reference = try JSONDecoder().decode(IranianFixture.self, from: Data(contentsOf: url)).iranian_forest
        let table = try CSVReader.read(path: path).table
        let names = table.columnNames.filter { $0 != "Churn" }
        let x = try table.features(names).matrix
        let y = try table.features(["Churn"]).matrix.values.map { Int($0) }
        let frame = try ModelFrame(rowCount: x.rowCount, features: (0..<x.columnCount).map { j in
            .numeric(name: names[j], values: (0..<x.rowCount).map { x.values[$0 * x.columnCount + j] })
        })
        var aucs: [Double] = []
        for k in 0..<5 {
            let train = reference.fold.indices.filter { reference.fold[$0] != k }
            let test = reference.fold.indices.filter { reference.fold[$0] == k }
            let target = ClassTarget(labels: train.map { y[$0] }, classes: ["0", "1"])
            let model = try RandomForestClassifierEstimator(parameters: ForestParameters(treeCount: reference.n_estimators, seed: 1))
                .fit(ClassificationData(frame: frame.takingRows(train), target: target), context: .quiet)
            let p = try model.predictProbabilities(frame.takingRows(test)).map { $0[1] }
            aucs.append(auc(p, test.map { y[$0] }))
        }
        let mean = aucs.reduce(0, +) / 5
        #expect(abs(mean - reference.mean_auc) < 0.01, "Strata \(mean) vs scikit-learn \(reference.mean_auc)")
    }

    @Test func categoricalAndMissingSplitNatively() throws {
        // Level "b" and "d" churn, "a" and "c" stay: one categorical split separates them,
        // and missing values (which all churn) learn to go with b and d.
        let codes: [Int32] = [0, 1, 2, 3, 0, 1, 2, 3, -1, -1, 0, 1]
        let labels = [0, 1, 0, 1, 0, 1, 0, 1, 1, 1, 0, 1]
        let frame = try ModelFrame(rowCount: 12, features: [.categorical(name: "plan", codes: codes, levels: ["a", "b", "c", "d"])])
        let model = try DecisionTreeClassifierEstimator()
            .fit(ClassificationData(frame: frame, target: ClassTarget(labels: labels, classes: ["0", "1"])), context: .quiet)
        #expect(model.tree.nodeCount == 3)
        #expect(model.tree.leftCategories[0] == [0, 2])
        #expect(model.tree.missingGoesLeft[0] == false)
        #expect(try model.predict(frame) == labels.map(String.init))
    }

    @Test func badInputIsRefusedClearly() throws {
        let frame = try ModelFrame(rowCount: 3, features: [.numeric(name: "spend", values: [.nan, .nan, .nan])])
        let target = ClassTarget(labels: [0, 1, 0], classes: ["0", "1"])
        #expect(throws: EngineError.self) { try DecisionTreeClassifierEstimator().fit(ClassificationData(frame: frame, target: target), context: .quiet) }
        let ok = try ModelFrame(rowCount: 3, features: [.numeric(name: "spend", values: [1, 2, 3])])
        let one = ClassTarget(labels: [0, 0, 0], classes: ["0", "1"])
        do {
            _ = try RandomForestClassifierEstimator().fit(ClassificationData(frame: ok, target: one), context: .quiet)
            Issue.record("one class accepted")
        } catch let error as EngineError {
            #expect(error.message.contains("only one class"))
        }
    }
}
