/// The predictive model commands in help order: each kind's `model NAME` from the kinds table, then
/// the commands that use a fitted model.
package enum ModelCommands {
    package static var all: [CommandSpec] {
        ModelKinds.all.map(\.command) + [PredictCommand.spec, EvaluateModelsCommand.spec, ModelReportCommand.spec, ModelSweepCommand.spec]
    }
}
