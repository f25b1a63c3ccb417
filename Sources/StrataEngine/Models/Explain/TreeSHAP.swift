/// Exact path-dependent TreeSHAP (Lundberg et al. 2020, "From local explanations to global
/// understanding with explainable AI for trees", Algorithm 2), over `TreeStructure`, with node
/// cover (training weight reaching a node) as the background distribution, as `shap.TreeExplainer`
/// does for scikit-learn trees. For an ensemble the per-tree values are summed and multiplied by
/// `scale` (1 for boosting, 1/trees for a forest's mean).
///
/// Per row and tree, expected value + Σ contributions = the tree's prediction (up to rounding).
public enum TreeSHAP {
    /// The cover-weighted mean of a tree's leaf values for one output: its prediction for an average row.
    public static func expectedValue(_ tree: TreeStructure, output: Int) -> Double {
        guard tree.nodeCount > 0, tree.cover[0] > 0 else { return 0 }
        var sum = 0.0
        for node in 0..<tree.nodeCount where tree.isLeaf(node) {
            sum += tree.cover[node] * tree.values[node * tree.outputCount + output]
        }
        return sum / tree.cover[0]
    }

    static func requireBinary(_ classes: [String]) throws {
        guard classes.count == 2 else {
            throw EngineError("explanations are computed for a two-class target; this one has \(classes.count) classes",
                              suggestion: "make the target yes/no, e.g. churned or not")
        }
    }

    /// Per row of `frame`, one contribution per feature.
    public static func contributions(_ trees: [TreeStructure], output: Int, scale: Double,
                                     frame: ModelFrame, cancellation: Cancellation = .never) throws -> [[Double]] {
        let featureCount = frame.features.count
        let maxDepth = trees.map(\.depth).max() ?? 0
        let chunks = FixedChunks(total: frame.rowCount, size: 64)
        let parts = try chunks.map(cancellation: cancellation) { rows -> [[Double]] in
            var walker = Walker(maxDepth: maxDepth, featureCount: featureCount)
            var out: [[Double]] = []
            out.reserveCapacity(rows.count)
            for row in rows {
                let x = frame.features.map { $0.numericValue(row) }
                var phi = [Double](repeating: 0, count: featureCount)
                for tree in trees where tree.nodeCount > 0 {
                    walker.explain(tree, x: x, output: output, into: &phi)
                }
                out.append(phi.map { $0 * scale })
            }
            return out
        }
        return parts.flatMap { $0 }
    }

    /// One path element: the feature split on, the fraction of "zero" (feature unknown: cover
    /// ratio) and "one" (feature known: follows x) paths, and the permutation weight.
    private struct PathElement {
        var feature: Int = -1
        var zeroFraction = 0.0
        var oneFraction = 0.0
        var weight = 0.0
    }

    private struct Walker {
        var path: [PathElement]

        init(maxDepth: Int, featureCount: Int) {
            let d = maxDepth + 2
            path = [PathElement](repeating: PathElement(), count: d * (d + 1) / 2 + d)
        }

        mutating func explain(_ tree: TreeStructure, x: [Double], output: Int, into phi: inout [Double]) {
            recurse(tree, x: x, output: output, phi: &phi, node: 0, depth: 0, parentOffset: 0, offset: 0,
                    zeroFraction: 1, oneFraction: 1, feature: -1)
        }

        // The path of a call lives at `path[offset...offset+depth]`; it starts as a copy of the parent's.
        private mutating func recurse(_ tree: TreeStructure, x: [Double], output: Int, phi: inout [Double],
                                      node: Int, depth startDepth: Int, parentOffset: Int, offset: Int,
                                      zeroFraction: Double, oneFraction: Double, feature: Int) {
            var depth = startDepth
            if depth > 0 {
                for i in 0..<depth { path[offset + i] = path[parentOffset + i] }
            }
            extend(offset, depth, zeroFraction, oneFraction, feature)
            if tree.isLeaf(node) {
                let value = tree.values[node * tree.outputCount + output]
                if depth > 0 {
                    for i in 1...depth {
                        let w = unwoundSum(offset, depth, i)
                        let el = path[offset + i]
                        phi[el.feature] += w * (el.oneFraction - el.zeroFraction) * value
                    }
                }
                return
            }
            let split = Int(tree.feature[node])
            let goesLeft = tree.goesLeft(node, value: x[split])
            let hot = Int(goesLeft ? tree.left[node] : tree.right[node])
            let cold = Int(goesLeft ? tree.right[node] : tree.left[node])
            let cover = tree.cover[node]
            let hotZero = cover > 0 ? tree.cover[hot] / cover : 0
            let coldZero = cover > 0 ? tree.cover[cold] / cover : 0
            var incomingZero = 1.0
            var incomingOne = 1.0
            // A feature already on the path is undone, so it counts once.
            if let k = (1...max(depth, 1)).first(where: { depth > 0 && path[offset + $0].feature == split }) {
                incomingZero = path[offset + k].zeroFraction
                incomingOne = path[offset + k].oneFraction
                unwind(offset, depth, k)
                depth -= 1
            }
            let childOffset = offset + depth + 1
            recurse(tree, x: x, output: output, phi: &phi, node: hot, depth: depth + 1, parentOffset: offset,
                    offset: childOffset, zeroFraction: hotZero * incomingZero, oneFraction: incomingOne, feature: split)
            recurse(tree, x: x, output: output, phi: &phi, node: cold, depth: depth + 1, parentOffset: offset,
                    offset: childOffset, zeroFraction: coldZero * incomingZero, oneFraction: 0, feature: split)
        }

        private mutating func extend(_ o: Int, _ d: Int, _ zero: Double, _ one: Double, _ feature: Int) {
            path[o + d] = PathElement(feature: feature, zeroFraction: zero, oneFraction: one, weight: d == 0 ? 1 : 0)
            var i = d - 1
            while i >= 0 {
                path[o + i + 1].weight += one * path[o + i].weight * Double(i + 1) / Double(d + 1)
                path[o + i].weight = zero * path[o + i].weight * Double(d - i) / Double(d + 1)
                i -= 1
            }
        }

        private mutating func unwind(_ o: Int, _ d: Int, _ index: Int) {
            let one = path[o + index].oneFraction
            let zero = path[o + index].zeroFraction
            var next = path[o + d].weight
            var i = d - 1
            while i >= 0 {
                if one != 0 {
                    let tmp = path[o + i].weight
                    path[o + i].weight = next * Double(d + 1) / (Double(i + 1) * one)
                    next = tmp - path[o + i].weight * zero * Double(d - i) / Double(d + 1)
                } else {
                    path[o + i].weight = path[o + i].weight * Double(d + 1) / (zero * Double(d - i))
                }
                i -= 1
            }
            for j in index..<d {
                path[o + j].feature = path[o + j + 1].feature
                path[o + j].zeroFraction = path[o + j + 1].zeroFraction
                path[o + j].oneFraction = path[o + j + 1].oneFraction
            }
        }

        private func unwoundSum(_ o: Int, _ d: Int, _ index: Int) -> Double {
            let one = path[o + index].oneFraction
            let zero = path[o + index].zeroFraction
            var next = path[o + d].weight
            var total = 0.0
            var i = d - 1
            while i >= 0 {
                if one != 0 {
                    let tmp = next * Double(d + 1) / (Double(i + 1) * one)
                    total += tmp
                    next = path[o + i].weight - tmp * zero * (Double(d - i) / Double(d + 1))
                } else {
                    total += (path[o + i].weight / zero) / (Double(d - i) / Double(d + 1))
                }
                i -= 1
            }
            return total
        }
    }
}
