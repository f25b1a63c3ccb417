/// Candidates of the item-kNN top-k cut with an upper bound of their exact score, handed out
/// strongest bound first. A max-heap built in linear time and popped lazily: the cut usually stops
/// after a few candidates, so sorting all of them (what a list of hundreds cost per event) is
/// wasted. Ties between equal bounds come out in any order, which cannot change a list: the best
/// `count` of a strict order (score, then lower item) do not depend on the order they are offered.
/// The storage is kept between events.
struct CandidateBounds: Sendable {
    private var items: [Int32] = []
    private var bounds: [Double] = []

    var isEmpty: Bool { items.isEmpty }

    mutating func removeAll() {
        items.removeAll(keepingCapacity: true)
        bounds.removeAll(keepingCapacity: true)
    }

    /// Adds a candidate; `arrange` before the first `popStrongest`.
    mutating func append(item: Int, bound: Double) {
        items.append(Int32(truncatingIfNeeded: item))
        bounds.append(bound)
    }

    /// Drops the candidates whose bound times `margin` is below `floor`, then puts the rest in
    /// heap order (bottom-up, linear time).
    mutating func arrange(droppingBelow floor: Double, margin: Double) {
        var kept = 0
        for p in items.indices where bounds[p] * margin >= floor {
            items[kept] = items[p]
            bounds[kept] = bounds[p]
            kept += 1
        }
        items.removeLast(items.count - kept)
        bounds.removeLast(bounds.count - kept)
        var p = items.count / 2
        while p > 0 {
            p -= 1
            siftDown(p)
        }
    }

    /// The candidate with the largest bound, removed.
    mutating func popStrongest() -> (item: Int, bound: Double)? {
        guard let lastItem = items.last, let lastBound = bounds.last else { return nil }
        let top = (item: Int(items[0]), bound: bounds[0])
        items.removeLast()
        bounds.removeLast()
        if !items.isEmpty {
            items[0] = lastItem
            bounds[0] = lastBound
            siftDown(0)
        }
        return top
    }

    private mutating func siftDown(_ start: Int) {
        var parent = start
        let n = items.count
        while true {
            let left = 2 * parent + 1
            guard left < n else { return }
            var larger = left
            if left + 1 < n, bounds[left + 1] > bounds[left] { larger = left + 1 }
            guard bounds[larger] > bounds[parent] else { return }
            items.swapAt(larger, parent)
            bounds.swapAt(larger, parent)
            parent = larger
        }
    }
}
