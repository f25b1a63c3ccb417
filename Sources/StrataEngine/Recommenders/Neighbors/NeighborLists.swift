/// For each row (an item or a user), its most similar other rows, best first.
/// Row r's neighbours are `neighbors[rowStart[r]..<rowStart[r+1]]`, sorted by similarity
/// descending, equal similarities by lower index.
public struct NeighborLists: Sendable {
    public let rowCount: Int
    public let rowStart: [Int]
    public let neighbors: [Int32]
    public let similarities: [Float]

    public init(rowCount: Int, rowStart: [Int], neighbors: [Int32], similarities: [Float]) {
        self.rowCount = rowCount
        self.rowStart = rowStart
        self.neighbors = neighbors
        self.similarities = similarities
    }

    public var pairCount: Int { neighbors.count }

    public func range(of row: Int) -> Range<Int> { rowStart[row]..<rowStart[row + 1] }

    /// Who lists each row as a neighbour: row j of the result holds (i, sim(i, j)) for every i whose
    /// kept list contains j, in increasing i. Scoring pushes from a user's items through this.
    public func reversed() -> NeighborLists {
        var start = [Int](repeating: 0, count: rowCount + 1)
        for j in neighbors { start[Int(j) + 1] += 1 }
        for r in 0..<rowCount { start[r + 1] += start[r] }
        var fill = start
        var rev = [Int32](repeating: 0, count: neighbors.count)
        var sims = [Float](repeating: 0, count: neighbors.count)
        for i in 0..<rowCount {
            for p in rowStart[i]..<rowStart[i + 1] {
                let j = Int(neighbors[p])
                rev[fill[j]] = Int32(i)
                sims[fill[j]] = similarities[p]
                fill[j] += 1
            }
        }
        return NeighborLists(rowCount: rowCount, rowStart: start, neighbors: rev, similarities: sims)
    }
}
