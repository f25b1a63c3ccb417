/// The built-in commands. Each command group declares its commands in its own file; the commands
/// about the session itself are added by the session (`StandardCommands.registry`).
public enum StandardCommands {
    public static let builtIn: [CommandSpec] =
        DataCommands.all + InspectCommands.all + ChartCommands.all + TransformCommands.all + ColumnCommands.all
            + SegmentationCommands.all + ModelCommands.all + CustomerValueCommands.all + RecommenderDataCommands.all
            + RecommenderAlgorithmCommands.all + ExperimentCommands.all + StreamCommands.all + PrequentialCommands.all + WorkspaceCommands.all
}
