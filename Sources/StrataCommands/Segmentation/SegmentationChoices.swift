/// The engine's closed sets of words, as option choices: the words, completion and exhaustive
/// switches all come from the engine enum.
extension ScalingMethod: OptionChoice {}
extension MissingFeaturePolicy: OptionChoice {}
extension Linkage: OptionChoice {}
extension KMeansAlgorithm: OptionChoice {}
