import StrataEngine

// The engine's closed sets of words, offered as option choices.

extension DuplicateRule: OptionChoice {}
extension SimilarityMeasure: OptionChoice {}
extension ALSSolver: OptionChoice {}
extension ScoreNormalization: OptionChoice {}
extension ColdUserPolicy: OptionChoice {}
extension MetricDefinitions.Recall: OptionChoice {}
extension MetricDefinitions.Precision: OptionChoice {}
extension MetricDefinitions.Gain: OptionChoice {}
extension MetricDefinitions.Discount: OptionChoice {}
extension MetricDefinitions.AveragePrecision: OptionChoice {}
