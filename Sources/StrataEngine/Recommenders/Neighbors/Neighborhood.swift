/// What item-kNN and user-kNN share, over one orientation of the interaction matrix: each row
/// (an item for item-kNN, a user for user-kNN) keeps its most similar rows, and a rating at
/// (row, column) is predicted from the row's neighbours that have a value in that column.
public struct Neighborhood: Sendable {
    public enum Orientation: Sendable {
        /// Rows are items (items × users): item-kNN.
        case items
        /// Rows are users (users × items): user-kNN.
        case users
    }

    public let orientation: Orientation
    public let options: NeighborhoodOptions
    /// Each row's kept neighbours, best first.
    public let similar: NeighborLists
    /// The interaction matrix in this orientation.
    let rows: CSRMatrix
    let rowMeans: [Double]
    let globalMean: Double

    static func fit(_ data: Interactions, orientation: Orientation, options: NeighborhoodOptions,
                    context: RunContext) throws -> Neighborhood {
        try NeighborhoodBuilder.validate(options, data)
        var options = options
        if options.savedNeighbors > 0 { options.savedNeighbors = max(options.savedNeighbors, options.neighbors) }
        let itemMeans = InteractionStats.rowMeans(data.byItem)
        let userMeans = InteractionStats.rowMeans(data.byUser)
        let (rows, columns, rowMeans, columnMeans) = orientation == .items
            ? (data.byItem, data.byUser, itemMeans, userMeans) : (data.byUser, data.byItem, userMeans, itemMeans)
        let lists = try NeighborhoodBuilder.lists(rows: rows, columns: columns, rowMeans: rowMeans,
                                                  columnMeans: columnMeans, options: options, context: context)
        return Neighborhood(orientation: orientation, options: options, similar: lists, rows: rows, rowMeans: rowMeans,
                            globalMean: InteractionStats.globalMean(data.byUser))
    }

    /// The `neighbors` most similar kept neighbours of `row` that have a value in `column`, best first.
    func contributing(row: Int, column: Int) -> [(neighbor: Int, similarity: Double, value: Double)] {
        var found: [(neighbor: Int, similarity: Double, value: Double)] = []
        for p in similar.range(of: row) {
            let n = Int(similar.neighbors[p])
            if let v = rows.value(row: n, column: column) {
                found.append((n, Double(similar.similarities[p]), Double(v)))
                if found.count == options.neighbors { break }
            }
        }
        return found
    }

    /// Surprise's KNNBasic rule, Σ s·r / Σ s over the contributing neighbours, or with `meanCentered`
    /// (KNNWithMeans) the row's mean plus the weighted mean of their deviations from their own means.
    /// The global mean without a neighbour (or for indices outside the data); clipped to the scale.
    func predict(row: Int, column: Int, kind: FeedbackKind) -> Double {
        guard row >= 0, row < rows.rowCount, column >= 0, column < rows.columnCount else { return globalMean }
        var weighted = 0.0, weights = 0.0
        for n in contributing(row: row, column: column) {
            weighted += n.similarity * (options.meanCentered ? n.value - rowMeans[n.neighbor] : n.value)
            weights += n.similarity
        }
        guard weights > 0 else { return globalMean }
        return kind.clip((options.meanCentered ? rowMeans[row] : 0) + weighted / weights)
    }
}
