/// The registry of every built-in command. Each command group declares its commands in its own file.
public enum StandardCommands {
    public static let registry = CommandRegistry(
        DataCommands.all + InspectCommands.all + ChartCommands.all + TransformCommands.all + ColumnCommands.all
            + SegmentationCommands.all + RecommenderDataCommands.all + RecommenderAlgorithmCommands.all + ExperimentCommands.all
            + WorkspaceCommands.all + [RunCommand.spec] + SessionCommands.all)
}
