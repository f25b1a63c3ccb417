/// A dendrogram's merges checked and laid out: leaves in drawing order and, for every drawn node,
/// its position along the leaf axis (leaf index, midpoints for merges) and its height.
package struct DendrogramLayout {
    package struct Problem: Error { let message: String }

    package var leafLabels: [String] = []
    package var maxHeight: Double = 0
    package var notes: [String] = []
    /// Drawn merges as (left child, right child, merge) positions: (position, height) pairs.
    private var links: [(left: (Double, Double), right: (Double, Double), top: (Double, Double))] = []

    package static func make(_ d: DendrogramChart) -> Result<DendrogramLayout, Problem> {
        let n = d.leafCount
        guard n >= 1 else { return .failure(Problem(message: "no leaves")) }
        guard d.merges.count <= n - 1 else {
            return .failure(Problem(message: "\(d.merges.count) merges for \(n) leaves; at most \(n - 1)"))
        }
        var used = Set<Int>()
        for (i, m) in d.merges.enumerated() {
            for child in [m.left, m.right] {
                guard child >= 0, child < n + i else {
                    return .failure(Problem(message: "merge \(i) joins \(child), which is not a leaf or an earlier merge"))
                }
                guard used.insert(child).inserted else {
                    return .failure(Problem(message: "merge \(i) joins \(child), which was already merged"))
                }
            }
            guard m.height.isFinite else { return .failure(Problem(message: "merge \(i) has height \(m.height)")) }
        }
        let limit = d.leafLimit.map { max(1, $0) } ?? n
        let firstShown = limit < n ? max(0, d.merges.count - (limit - 1)) : 0
        var layout = DendrogramLayout()
        layout.maxHeight = d.merges[firstShown...].map(\.height).max() ?? 0
        if firstShown > 0 {
            layout.notes.append("the last \(d.merges.count - firstShown) merges of \(d.merges.count); a leaf (N) is a cluster of N points")
        }
        let roots = (0..<(n + d.merges.count)).filter { !used.contains($0) }
        var position: [Int: Double] = [:]
        var height: [Int: Double] = [:]
        // Depth-first, left before right, without recursion: a single-linkage chain is n deep.
        for root in roots {
            var stack: [(id: Int, expanded: Bool)] = [(root, false)]
            while let (id, expanded) = stack.popLast() {
                let mergeIndex = id - n
                let isDrawnMerge = mergeIndex >= firstShown && mergeIndex < d.merges.count
                if !isDrawnMerge {
                    position[id] = Double(layout.leafLabels.count)
                    height[id] = 0
                    if id < n {
                        layout.leafLabels.append(d.labels.flatMap { id < $0.count ? $0[id] : nil } ?? String(id))
                    } else {
                        layout.leafLabels.append("(\(d.merges[mergeIndex].size))")
                    }
                    continue
                }
                let m = d.merges[mergeIndex]
                if expanded {
                    let l = (position[m.left] ?? 0, height[m.left] ?? 0), r = (position[m.right] ?? 0, height[m.right] ?? 0)
                    position[id] = (l.0 + r.0) / 2
                    height[id] = m.height
                    layout.links.append((l, r, ((l.0 + r.0) / 2, m.height)))
                } else {
                    stack.append((id, true))
                    stack.append((m.right, false))
                    stack.append((m.left, false))
                }
            }
        }
        return .success(layout)
    }

    /// Draws every link: each child up to its merge's height, then across between the children.
    package func draw(into grid: inout JointGrid, place: (Double, Double) -> (Int, Int)) {
        for link in links {
            let topLeft = place(link.left.0, link.top.1), topRight = place(link.right.0, link.top.1)
            for (child, top) in [(link.left, topLeft), (link.right, topRight)] {
                let from = place(child.0, child.1)
                segment(&grid, from, top)
            }
            segment(&grid, topLeft, topRight)
        }
    }

    private func segment(_ grid: inout JointGrid, _ a: (Int, Int), _ b: (Int, Int)) {
        if a.1 == b.1 { grid.horizontal(row: a.1, from: a.0, to: b.0) } else { grid.vertical(column: a.0, from: a.1, to: b.1) }
    }
}
