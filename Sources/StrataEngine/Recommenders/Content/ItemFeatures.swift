/// Item vectors built from metadata, one sparse unit vector per training item.
///
/// Blocks: TF-IDF of each text column's words (tf = count in the item's text, idf =
/// ln((1 + n) / (1 + df)) + 1 as scikit-learn's smooth idf, n = described items), one-hot
/// categories, and numbers scaled to 0…1 by min–max. Each block is scaled to unit length so that
/// a long description does not drown the category, then the whole vector is scaled to unit length.
/// Items without a row in the item table have no vector.
public struct ItemFeatures: Sendable {
    /// "genres:boho", "category=Kitchen", "price".
    public let featureNames: [String]
    public let rowStart: [Int]
    public let features: [Int32]
    public let weights: [Float]
    /// Training items that have a row in the item table.
    public let describedCount: Int

    public func range(of item: Int) -> Range<Int> { rowStart[item]..<rowStart[item + 1] }

    /// Reads `table` for the items of `training` (matching ids as text).
    public static func build(from table: Table, spec: ContentSpec, training: Interactions) throws -> ItemFeatures {
        let idColumn = try table.requireColumn(spec.idColumn)
        var rowOfItem = [Int](repeating: -1, count: training.itemCount)
        for r in 0..<table.rowCount {
            if let i = training.itemIndex(IdEncoder.idText(idColumn, row: r)), rowOfItem[i] < 0 { rowOfItem[i] = r }
        }
        let described = rowOfItem.filter { $0 >= 0 }.count
        guard described > 0 else {
            throw EngineError("no item of the training data has a row in the item table (matched on \(spec.idColumn))",
                              suggestion: "name the item table's id column with id=COLUMN")
        }
        guard !spec.allColumns.isEmpty else {
            throw EngineError("no metadata columns given", suggestion: "e.g. text=genres,description categories=category numeric=price")
        }
        var names: [String] = []
        var vocabulary: [String: Int32] = [:]
        func feature(_ name: String) -> Int32 {
            if let f = vocabulary[name] { return f }
            let f = Int32(names.count)
            vocabulary[name] = f
            names.append(name)
            return f
        }
        // Per item, per block: (feature, raw weight).
        var blocks = [[[(Int32, Double)]]](repeating: [], count: training.itemCount)
        for column in spec.textColumns {
            let c = try table.requireColumn(column)
            var counts = [[Int32: Double]](repeating: [:], count: training.itemCount)
            var documentFrequency: [Int32: Double] = [:]
            for i in 0..<training.itemCount where rowOfItem[i] >= 0 {
                let value = c.value(at: rowOfItem[i])
                guard case .string(let text) = value else { continue }
                for w in TextTokens.words(text) { counts[i][feature(column + ":" + w), default: 0] += 1 }
                for f in counts[i].keys { documentFrequency[f, default: 0] += 1 }
            }
            for i in 0..<training.itemCount where !counts[i].isEmpty {
                let n = Double(described)
                blocks[i].append(counts[i].map { f, tf in (f, tf * (naturalLog((1 + n) / (1 + (documentFrequency[f] ?? 0))) + 1)) })
            }
        }
        for column in spec.categoryColumns {
            let c = try table.requireColumn(column)
            for i in 0..<training.itemCount where rowOfItem[i] >= 0 && !c.isMissing(rowOfItem[i]) {
                blocks[i].append([(feature(column + "=" + IdEncoder.idText(c, row: rowOfItem[i])), 1)])
            }
        }
        for column in spec.numericColumns {
            let c = try table.requireColumn(column)
            guard let values = c.doubles() else {
                throw EngineError("column \(column) is not numeric", suggestion: "list it under categories= or text= instead")
            }
            let present = (0..<training.itemCount).compactMap { i -> Double? in
                rowOfItem[i] >= 0 && !values[rowOfItem[i]].isNaN ? values[rowOfItem[i]] : nil
            }
            guard let lo = present.min(), let hi = present.max(), hi > lo else { continue }
            let f = feature(column)
            for i in 0..<training.itemCount where rowOfItem[i] >= 0 && !values[rowOfItem[i]].isNaN {
                blocks[i].append([(f, (values[rowOfItem[i]] - lo) / (hi - lo))])
            }
        }
        var rowStart = [0], features: [Int32] = [], weights: [Float] = []
        for i in 0..<training.itemCount {
            var entries: [(Int32, Double)] = []
            for block in blocks[i] {
                let norm = block.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
                if norm > 0 { entries += block.map { ($0.0, $0.1 / norm) } }
            }
            entries.sort { $0.0 < $1.0 }
            let total = entries.reduce(0) { $0 + $1.1 * $1.1 }.squareRoot()
            for (f, w) in entries where total > 0 && w != 0 {
                features.append(f)
                weights.append(Float(w / total))
            }
            rowStart.append(features.count)
        }
        return ItemFeatures(featureNames: names, rowStart: rowStart, features: features, weights: weights, describedCount: described)
    }
}

#if canImport(Glibc)
import Glibc
private func naturalLog(_ x: Double) -> Double { Glibc.log(x) }
#else
import Darwin
private func naturalLog(_ x: Double) -> Double { Darwin.log(x) }
#endif
