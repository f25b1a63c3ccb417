extension FeatureMatrix {
    /// Clustering works on finite numbers only; names the first offending cell.
    func requireFiniteFeatures(for what: String) throws {
        guard let position = values.firstIndex(where: { !$0.isFinite }) else { return }
        let row = position / Swift.max(1, columnCount), column = position % Swift.max(1, columnCount)
        let name = column < columnNames.count ? columnNames[column] : "column \(column + 1)"
        throw EngineError("\(what) needs finite numbers, but row \(row + 1) of '\(name)' is \(values[position])",
                          suggestion: "drop or fill missing and infinite values first (missing=drop or missing=mean)")
    }
}
