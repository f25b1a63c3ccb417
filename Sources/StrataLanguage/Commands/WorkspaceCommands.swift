/// Commands about the workspace itself: help, settings, listing and removing values, quitting.
enum WorkspaceCommands {
    static let all: [CommandSpec] = [quit, exit]

    static let quit = CommandSpec(
        "quit", group: .workspace, summary: "Leave Strata (Ctrl-D does the same).",
        examples: ["quit"]
    ) { _, ctx in
        ctx.quitRequested = true
        return .empty
    }

    static let exit = CommandSpec(
        "exit", group: .workspace, summary: "Leave Strata (same as quit).",
        examples: ["exit"]
    ) { _, ctx in
        ctx.quitRequested = true
        return .empty
    }
}
