/// Exact TreeSHAP by Lundberg et al. 2020, Algorithm 2: one recursive walk per row and tree that
/// carries the path of distinct split features with their permutation weights, extending it at each
/// split and unwinding it at each leaf. O(leaves · depth²) per row and tree, and no memory beyond
/// one path buffer. Used for trees too deep for `LeafSubsetSHAP`'s tables, and for few rows.
///
/// Laid out as shap's C++ `tree_shap_recursive`: the path of a call at depth d lives in a
/// triangular buffer right after its parent's (so a child starts from a copy and the parent's
/// stays intact for the other child), preallocated once per worker for the deepest tree.
struct PathSHAP: ~Copyable {
    /// One path element: the feature split on, the fraction of "zero" paths (feature unknown: the
    /// cover ratio) and "one" paths (feature known: follows the row), and the permutation weight.
    struct Element {
        var feature: Int32
        var zeroFraction: Double
        var oneFraction: Double
        var weight: Double
    }

    private let path: UnsafeMutablePointer<Element>

    /// A buffer for trees of at most `maxDepth` splits.
    init(maxDepth: Int) {
        let d = maxDepth + 2
        let count = d * (d + 1) / 2 + d
        path = .allocate(capacity: count)
        path.initialize(repeating: Element(feature: -1, zeroFraction: 0, oneFraction: 0, weight: 0), count: count)
    }

    deinit { path.deallocate() }

    /// Adds one tree's contributions for the row `x` (one value per feature) to `phi`.
    func explain(_ tree: SHAPTree, x: UnsafePointer<Double>, into phi: UnsafeMutablePointer<Double>) {
        recurse(tree, x, phi, node: 0, depth: 0, parent: path, path: path, zeroFraction: 1, oneFraction: 1, feature: -1)
    }

    private func recurse(_ tree: SHAPTree, _ x: UnsafePointer<Double>, _ phi: UnsafeMutablePointer<Double>,
                         node: Int, depth startDepth: Int, parent: UnsafeMutablePointer<Element>,
                         path: UnsafeMutablePointer<Element>, zeroFraction: Double, oneFraction: Double, feature: Int32) {
        var depth = startDepth
        if depth > 0 { path.update(from: parent, count: depth) }
        Self.extend(path, depth, zeroFraction, oneFraction, feature)
        let split = tree.feature[node]
        if split < 0 {
            let value = tree.value[node]
            if depth > 0 {
                for i in 1...depth {
                    let w = Self.unwoundSum(path, depth, i)
                    let element = path[i]
                    phi[Int(element.feature)] += w * (element.oneFraction - element.zeroFraction) * value
                }
            }
            return
        }
        let hot = tree.hotChild(node, x[Int(split)])
        let cold = hot == Int(tree.left[node]) ? Int(tree.right[node]) : Int(tree.left[node])
        let cover = tree.cover[node]
        let hotZero = cover > 0 ? tree.cover[hot] / cover : 0
        let coldZero = cover > 0 ? tree.cover[cold] / cover : 0
        var incomingZero = 1.0
        var incomingOne = 1.0
        // A feature already on the path is undone, so it counts once.
        if depth > 0 {
            var k = 1
            while k <= depth && path[k].feature != split { k += 1 }
            if k <= depth {
                incomingZero = path[k].zeroFraction
                incomingOne = path[k].oneFraction
                Self.unwind(path, depth, k)
                depth -= 1
            }
        }
        let child = path + depth + 1
        recurse(tree, x, phi, node: hot, depth: depth + 1, parent: path, path: child,
                zeroFraction: hotZero * incomingZero, oneFraction: incomingOne, feature: split)
        recurse(tree, x, phi, node: cold, depth: depth + 1, parent: path, path: child,
                zeroFraction: coldZero * incomingZero, oneFraction: 0, feature: split)
    }

    @inline(__always)
    private static func extend(_ path: UnsafeMutablePointer<Element>, _ d: Int, _ zero: Double, _ one: Double,
                               _ feature: Int32) {
        path[d] = Element(feature: feature, zeroFraction: zero, oneFraction: one, weight: d == 0 ? 1 : 0)
        var i = d - 1
        while i >= 0 {
            path[i + 1].weight += one * path[i].weight * Double(i + 1) / Double(d + 1)
            path[i].weight = zero * path[i].weight * Double(d - i) / Double(d + 1)
            i -= 1
        }
    }

    @inline(__always)
    private static func unwind(_ path: UnsafeMutablePointer<Element>, _ d: Int, _ index: Int) {
        let one = path[index].oneFraction
        let zero = path[index].zeroFraction
        var next = path[d].weight
        var i = d - 1
        while i >= 0 {
            if one != 0 {
                let tmp = path[i].weight
                path[i].weight = next * Double(d + 1) / (Double(i + 1) * one)
                next = tmp - path[i].weight * zero * Double(d - i) / Double(d + 1)
            } else {
                path[i].weight = path[i].weight * Double(d + 1) / (zero * Double(d - i))
            }
            i -= 1
        }
        for j in index..<d {
            path[j].feature = path[j + 1].feature
            path[j].zeroFraction = path[j + 1].zeroFraction
            path[j].oneFraction = path[j + 1].oneFraction
        }
    }

    @inline(__always)
    private static func unwoundSum(_ path: UnsafeMutablePointer<Element>, _ d: Int, _ index: Int) -> Double {
        let one = path[index].oneFraction
        let zero = path[index].zeroFraction
        var next = path[d].weight
        var total = 0.0
        var i = d - 1
        while i >= 0 {
            if one != 0 {
                let tmp = next * Double(d + 1) / (Double(i + 1) * one)
                total += tmp
                next = path[i].weight - tmp * zero * (Double(d - i) / Double(d + 1))
            } else {
                total += (path[i].weight / zero) / (Double(d - i) / Double(d + 1))
            }
            i -= 1
        }
        return total
    }
}
