/// The Experiments group: A/B tests on a log of units, and sizing the next one.
package enum ExperimentCommands {
    package static let all = [ABTestCommand.spec, ABTestPlanCommand.spec, OnlineCommand.spec, OffPolicyCommand.spec,
                                BanditSimulateCommand.spec, MonitorCommand.spec]
}

extension MetricKind: OptionChoice {}
extension ComparisonTest: OptionChoice {}

/// How a family of p-values is adjusted when one command makes several comparisons.
package enum MultipleComparisonCorrection: String, OptionChoice {
    case holm
    case bh
    case none

    package func adjust(_ pValues: [Double]) -> [Double] {
        switch self {
        case .holm: return MultipleTesting.holm(pValues)
        case .bh: return MultipleTesting.benjaminiHochberg(pValues)
        case .none: return pValues
        }
    }

    package var label: String {
        switch self {
        case .holm: return "Holm"
        case .bh: return "Benjamini–Hochberg"
        case .none: return "none"
        }
    }
}
