extension StandardCommands {
    /// Every command a Strata session knows: the built-in commands, then those about the session
    /// itself (quit, run, history, save session, …), which need a session to run in.
    public static let registry = CommandRegistry(builtIn + SessionCommands.leaving + [RunCommand.spec] + SessionCommands.all)
}
