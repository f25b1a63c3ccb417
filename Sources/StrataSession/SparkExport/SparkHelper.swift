/// A Python function the job defines once, near the top, because some command's code calls it.
/// Only the helpers a session uses are written into its job.
package enum SparkHelper: String, Sendable, CaseIterable, Comparable {
    case readCSV, readParquet, splitPerUser, splitByTime, splitByInteraction, topLists, unseenLists, rankingMetrics,
         quantileScore, rfmSegments, kmeansInertia, classifierQuality, twoProportion, scaling, learnedWeights,
         principalComponents, migration, welch, regressorQuality, recommendations,
         itemKNN, treeBins

    package static func < (a: SparkHelper, b: SparkHelper) -> Bool {
        (allCases.firstIndex(of: a) ?? 0) < (allCases.firstIndex(of: b) ?? 0)
    }

    package var source: String {
        switch self {
        case .readCSV: return SparkHelperSource.readCSV
        case .readParquet: return SparkHelperSource.readParquet
        case .splitPerUser: return SparkHelperSource.splitPerUser
        case .splitByTime: return SparkHelperSource.splitByTime
        case .splitByInteraction: return SparkHelperSource.splitByInteraction
        case .topLists: return SparkHelperSource.topLists
        case .unseenLists: return SparkHelperSource.unseenLists
        case .rankingMetrics: return SparkHelperSource.rankingMetrics
        case .quantileScore: return SparkHelperSource.quantileScore
        case .rfmSegments: return SparkHelperSource.rfmSegments
        case .kmeansInertia: return SparkHelperSource.kmeansInertia
        case .classifierQuality: return SparkHelperSource.classifierQuality
        case .twoProportion: return SparkHelperSource.twoProportion
        case .scaling: return SparkHelperSource.scaling
        case .learnedWeights: return SparkHelperSource.learnedWeights
        case .principalComponents: return SparkHelperSource.principalComponents
        case .migration: return SparkHelperSource.migration
        case .welch: return SparkHelperSource.welch
        case .regressorQuality: return SparkHelperSource.regressorQuality
        case .recommendations: return SparkHelperSource.recommendations
        case .itemKNN: return SparkHelperSource.itemKNN
        case .treeBins: return SparkHelperSource.treeBins
        }
    }
}
