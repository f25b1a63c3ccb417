@testable import StrataEngine

/// Tiny interaction sets written as (user, item, value) triplets with dense indices.
enum RecAlgoData {
    static func interactions(users: Int, items: Int, _ triplets: [(Int, Int, Float)], explicit: Bool = true) -> Interactions {
        let sorted = triplets.sorted { ($0.0, $0.1) < ($1.0, $1.1) }
        var rowStart = [Int](repeating: 0, count: users + 1)
        for t in sorted { rowStart[t.0 + 1] += 1 }
        for u in 0..<users { rowStart[u + 1] += rowStart[u] }
        let m = CSRMatrix(rowCount: users, columnCount: items, rowStart: rowStart,
                          indices: sorted.map { Int32($0.1) }, values: sorted.map(\.2))
        return Interactions(userIds: (0..<users).map { "u\($0)" }, itemIds: (0..<items).map { "i\($0)" }, byUser: m,
                            kind: explicit ? .explicit(scale: 1...5) : .implicit)
    }

    /// Users × items:   i0 i1 i2
    ///            u0:    5  3  -
    ///            u1:    4  -  2
    ///            u2:    1  4  5
    static let small = interactions(users: 3, items: 3, [(0, 0, 5), (0, 1, 3), (1, 0, 4), (1, 2, 2), (2, 0, 1), (2, 1, 4), (2, 2, 5)])

    static func similarity(_ lists: NeighborLists, _ a: Int, _ b: Int) -> Double? {
        for p in lists.range(of: a) where Int(lists.neighbors[p]) == b { return Double(lists.similarities[p]) }
        return nil
    }
}
