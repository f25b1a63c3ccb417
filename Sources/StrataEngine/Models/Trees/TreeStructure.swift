/// One fitted decision tree as flat node arrays, the form every tree model in Strata produces
/// (CART, each tree of a random forest, each round of gradient boosting), so one prediction walk
/// and one exact TreeSHAP serve them all.
///
/// Node 0 is the root. An internal node sends a row left when:
/// - numeric feature: the value is `<= threshold` (scikit-learn's rule);
/// - categorical feature: the row's code is in `leftCategories[node]` (LightGBM's rule);
/// - missing value: `missingGoesLeft[node]` (learned by boosting and by CART, which tries both
///   sides as scikit-learn ≥ 1.3 does; where a node saw no missing values in training, they go to
///   the child that had more training rows).
public struct TreeStructure: Sendable, Equatable {
    /// Feature index per node, or -1 for a leaf.
    public var feature: [Int32]
    public var threshold: [Double]
    /// Category codes that go left, sorted; empty for numeric splits and leaves.
    public var leftCategories: [[Int32]]
    public var missingGoesLeft: [Bool]
    public var left: [Int32]
    public var right: [Int32]
    /// `outputCount` values per node, row-major: a leaf's prediction (class probabilities for a
    /// classification tree, the value for regression, the raw score for a boosting round);
    /// internal nodes hold the weighted mean of their subtree, which TreeSHAP does not need but
    /// printing the tree does.
    public var values: [Double]
    public var outputCount: Int
    /// Training weight (sample count, or bootstrap count) that reached each node: TreeSHAP's cover.
    public var cover: [Double]
    /// Weighted impurity decrease per internal node (0 for leaves), summed per feature for
    /// impurity importance.
    public var gain: [Double]

    public init(outputCount: Int) {
        feature = []; threshold = []; leftCategories = []; missingGoesLeft = []
        left = []; right = []; values = []; cover = []; gain = []
        self.outputCount = outputCount
    }

    public var nodeCount: Int { feature.count }

    public func isLeaf(_ node: Int) -> Bool { feature[node] < 0 }

    /// Appends a node and returns its index; children are linked later with `setChildren`.
    @discardableResult
    public mutating func addNode(value: [Double], cover: Double) -> Int {
        feature.append(-1); threshold.append(0); leftCategories.append([]); missingGoesLeft.append(true)
        left.append(-1); right.append(-1); values.append(contentsOf: value); self.cover.append(cover); gain.append(0)
        return feature.count - 1
    }

    /// `addNode(value:cover:)` from a buffer, so a builder allocates no array per node.
    @discardableResult
    mutating func addNode(values: UnsafeBufferPointer<Double>, cover: Double) -> Int {
        feature.append(-1); threshold.append(0); leftCategories.append([]); missingGoesLeft.append(true)
        left.append(-1); right.append(-1); self.values.append(contentsOf: values); self.cover.append(cover); gain.append(0)
        return feature.count - 1
    }

    public mutating func setSplit(_ node: Int, feature f: Int, threshold t: Double, leftCategories cats: [Int32] = [],
                                  missingGoesLeft m: Bool, left l: Int, right r: Int, gain g: Double) {
        feature[node] = Int32(f); threshold[node] = t; leftCategories[node] = cats; missingGoesLeft[node] = m
        left[node] = Int32(l); right[node] = Int32(r); gain[node] = g
    }

    /// Whether a row with this feature value goes left at an internal node. `value` is the number,
    /// or the category code as a double; NaN is missing.
    @inlinable public func goesLeft(_ node: Int, value: Double) -> Bool {
        if value.isNaN { return missingGoesLeft[node] }
        let cats = leftCategories[node]
        if !cats.isEmpty { return cats.contains(Int32(value)) }
        return value <= threshold[node]
    }

    /// The leaf a row reaches.
    @inlinable public func leaf(for row: Int, in frame: ModelFrame) -> Int {
        var node = 0
        while feature[node] >= 0 {
            let value = frame.features[Int(feature[node])].numericValue(row)
            node = Int(goesLeft(node, value: value) ? left[node] : right[node])
        }
        return node
    }

    public func value(at node: Int) -> ArraySlice<Double> {
        values[(node * outputCount)..<((node + 1) * outputCount)]
    }

    public var depth: Int {
        var best = 0
        var stack: [(Int, Int)] = nodeCount > 0 ? [(0, 0)] : []
        while let (node, d) = stack.popLast() {
            best = max(best, d)
            if feature[node] >= 0 { stack.append((Int(left[node]), d + 1)); stack.append((Int(right[node]), d + 1)) }
        }
        return best
    }

    public var leafCount: Int { feature.reduce(0) { $0 + ($1 < 0 ? 1 : 0) } }
}
