import Foundation
import Testing
@testable import StrataEngine

/// 5-fold CV AUC on real data against LightGBM and HistGradientBoosting with the same folds
/// (Fixtures/boosting_reference.json, made by Tests/fixtures-src/boosting_reference.py).
@Suite struct GradientBoostingReferenceTests {
    struct Reference: Decodable {
        struct Dataset: Decodable {
            let name: String
            let path: String
            let target: String
            let dropped: [String]
            let fold_of_row: String
            let lightgbm_auc: Double
            let hgb_auc: Double
        }
        let datasets: [Dataset]
    }

    static let dataDirectory = "/work/shared/data"

    /// A small reader for these two files: `,` or `;` separated, quotes stripped; a column is
    /// numeric when every cell parses, else categorical.
    static func load(_ dataset: Reference.Dataset) throws -> (ModelFrame, [Int]) {
        let text = try String(contentsOfFile: dataDirectory + "/" + dataset.path, encoding: .utf8)
        var lines = text.split(whereSeparator: \.isNewline).map(String.init)
        let separator: Character = lines[0].contains(";") ? ";" : ","
        let split = { (line: String) in line.split(separator: separator, omittingEmptySubsequences: false)
            .map { $0.trimmingCharacters(in: CharacterSet(charactersIn: "\"")) } }
        let header = split(lines.removeFirst())
        let rows = lines.map(split)
        var features: [ModelFrame.Feature] = []
        var labels: [Int] = []
        for (c, name) in header.enumerated() where !dataset.dropped.contains(name) {
            let cells = rows.map { $0[c] }
            if name == dataset.target {
                labels = cells.map { $0 == "1" || $0 == "yes" ? 1 : 0 }
            } else if cells.allSatisfy({ Double($0) != nil }) {
                features.append(.numeric(name: name, values: cells.map { Double($0) ?? .nan }))
            } else {
                let levels = Array(Set(cells)).sorted()
                let index = Dictionary(uniqueKeysWithValues: levels.enumerated().map { ($1, Int32($0)) })
                features.append(.categorical(name: name, codes: cells.map { index[$0] ?? -1 }, levels: levels))
            }
        }
        return (try ModelFrame(rowCount: rows.count, features: features), labels)
    }

    /// Mann–Whitney AUC, ties counted half.
    static func auc(_ scores: [Double], _ labels: [Int]) -> Double {
        let order = scores.indices.sorted { scores[$0] < scores[$1] }
        var rankSum = 0.0, i = 0
        while i < order.count {
            var j = i
            while j + 1 < order.count && scores[order[j + 1]] == scores[order[i]] { j += 1 }
            let rank = Double(i + j) / 2 + 1
            for k in i...j where labels[order[k]] == 1 { rankSum += rank }
            i = j + 1
        }
        let positives = Double(labels.filter { $0 == 1 }.count), negatives = Double(labels.count) - positives
        return (rankSum - positives * (positives + 1) / 2) / (positives * negatives)
    }

    @Test func crossValidatedAUCMatchesLightGBM() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/boosting_reference.json")
        let reference = try JSONDecoder().decode(Reference.self, from: Data(contentsOf: url))
        for dataset in reference.datasets {
            guard FileManager.default.fileExists(atPath: Self.dataDirectory + "/" + dataset.path) else { continue }
            let (frame, labels) = try Self.load(dataset)
            let folds = dataset.fold_of_row.map { Int(String($0)) ?? 0 }
            var aucs: [Double] = []
            for k in 0..<5 {
                let train = folds.indices.filter { folds[$0] != k }, test = folds.indices.filter { folds[$0] == k }
                let data = ClassificationData(frame: frame.takingRows(train),
                                              target: ClassTarget(labels: train.map { labels[$0] }, classes: ["0", "1"]))
                let model = try GradientBoostingClassifier().fit(data, context: .quiet)
                let scores = try model.rawScores(frame.takingRows(test))
                aucs.append(Self.auc(scores, test.map { labels[$0] }))
            }
            let mean = aucs.reduce(0, +) / 5
            print("\(dataset.name): ours \(mean), LightGBM \(dataset.lightgbm_auc), HGB \(dataset.hgb_auc)")
            #expect(abs(mean - dataset.lightgbm_auc) < 0.01, "\(dataset.name): \(mean) vs LightGBM \(dataset.lightgbm_auc)")
            #expect(abs(mean - dataset.hgb_auc) < 0.01, "\(dataset.name): \(mean) vs HGB \(dataset.hgb_auc)")
        }
    }
}
