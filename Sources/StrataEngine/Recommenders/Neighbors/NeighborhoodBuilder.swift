/// Builds kept-neighbour lists for the rows of an interaction matrix (items for item-kNN, users
/// for user-kNN), transforming the values as the similarity measure asks.
enum NeighborhoodBuilder {
    /// `rows` holds the entities to compare, `columns` its transpose; the means are those of
    /// each orientation's rows.
    static func lists(
        rows: CSRMatrix, columns: CSRMatrix, rowMeans: [Double], columnMeans: [Double],
        options: NeighborhoodOptions, context: RunContext
    ) throws -> NeighborLists {
        let rowSide: SparseRows
        let columnSide: SparseRows
        switch options.similarity {
        case .cosine:
            rowSide = SparseRows(rows, binary: options.binary)
            columnSide = SparseRows(columns, binary: options.binary)
        case .jaccard:
            rowSide = SparseRows(rows, binary: true)
            columnSide = SparseRows(columns, binary: true)
        case .adjustedCosine:
            rowSide = SparseRows(rows, binary: false) { _, c, v in Float(Double(v) - columnMeans[c]) }
            columnSide = SparseRows(columns, binary: false) { r, _, v in Float(Double(v) - columnMeans[r]) }
        case .pearson:
            rowSide = SparseRows(rows, binary: false) { r, _, v in Float(Double(v) - rowMeans[r]) }
            columnSide = SparseRows(columns, binary: false) { _, c, v in Float(Double(v) - rowMeans[c]) }
        }
        let keep = options.savedNeighbors > 0 ? options.savedNeighbors : rows.rowCount
        let setup = SimilarityKernel.Setup(measure: options.similarity, keep: keep,
                                           shrinkage: options.shrinkage, minSimilarity: options.minSimilarity)
        return try SimilarityKernel.topNeighbors(rows: rowSide, columns: columnSide, setup: setup, context: context)
    }

    static func validate(_ options: NeighborhoodOptions, _ data: Interactions) throws {
        guard options.neighbors >= 1 else {
            throw EngineError("neighbors must be at least 1, got \(options.neighbors)")
        }
        guard options.savedNeighbors >= 0 else {
            throw EngineError("saved neighbours must be 0 (all) or more, got \(options.savedNeighbors)")
        }
        guard options.shrinkage >= 0, options.shrinkage.isFinite else {
            throw EngineError("shrinkage must be 0 or more, got \(options.shrinkage)")
        }
        guard !data.byUser.values.isEmpty else {
            throw EngineError("the training interactions are empty", suggestion: "check the split or the filter that produced them")
        }
    }
}
