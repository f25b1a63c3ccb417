/// How alike two users (or two items) are, from the interactions they share.
///
/// Vectors are rows of the interaction matrix: an item's vector holds the ratings its users gave
/// (item-kNN), a user's vector the ratings they gave to items (user-kNN).
/// - `cosine`: a·b / (‖a‖ ‖b‖), norms over each whole vector (as LensKit and scikit-learn).
///   With `binary` input the values are 1, so this is |A∩B| / √(|A| |B|).
/// - `adjustedCosine`: cosine after subtracting, from each value, the mean of the other side
///   (the user's mean rating for item-kNN, the item's mean for user-kNN; Sarwar et al. 2001).
/// - `pearson`: each vector centred on its own mean (over all its values); sums over the shared
///   entries only: Σ a'b' / √(Σ a'² · Σ b'²) on the common support.
/// - `jaccard`: |A∩B| / |A∪B| on who interacted, ignoring values.
/// Shrinkage multiplies a similarity by n / (n + λ), n being the number of shared entries, so that
/// similarities resting on few co-ratings count less (Koren 2008).
public enum SimilarityMeasure: String, Sendable, CaseIterable {
    case cosine
    case adjustedCosine = "adjusted"
    case pearson
    case jaccard

    public var displayName: String {
        switch self {
        case .cosine: return "cosine"
        case .adjustedCosine: return "adjusted cosine"
        case .pearson: return "Pearson"
        case .jaccard: return "Jaccard"
        }
    }
}

/// What the similarity computation needs, common to item-kNN and user-kNN.
public struct NeighborhoodOptions: Sendable, Equatable {
    public var similarity: SimilarityMeasure = .cosine
    /// Neighbours that score one candidate (LensKit's `k`, Surprise's `k`).
    public var neighbors: Int = 20
    /// Neighbours kept per item/user after training, so memory grows linearly with the catalogue.
    public var savedNeighbors: Int = 200
    /// λ in n / (n + λ); 0 turns shrinkage off.
    public var shrinkage: Double = 0
    /// Similarities at or below this are dropped (LensKit keeps only positive ones).
    public var minSimilarity: Double = 0
    /// Cosine on who interacted (values taken as 1) rather than on the values; the default for
    /// top-N, where it matches LensKit's implicit item-kNN.
    public var binary: Bool = true
    /// Predict ratings from neighbours' deviations from their means (Surprise KNNWithMeans) instead
    /// of their raw ratings (KNNBasic).
    public var meanCentered: Bool = false

    public init() {}
}

extension NeighborhoodOptions: EstimatorParameters {
    public var described: [ParameterValue] {
        let d = NeighborhoodOptions()
        return [ParameterValue("neighbors", neighbors, default: d.neighbors),
                ParameterValue("similarity", similarity, default: d.similarity),
                ParameterValue("shrink", shrinkage, default: d.shrinkage),
                ParameterValue("saved", savedNeighbors, default: d.savedNeighbors),
                .yesNo("binary", binary, default: d.binary),
                .yesNo("centered", meanCentered, default: d.meanCentered),
                ParameterValue("minsim", minSimilarity, default: d.minSimilarity)]
    }
}
