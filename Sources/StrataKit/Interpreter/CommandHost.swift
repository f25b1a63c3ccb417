/// Whatever runs commands and offers them services beyond the workspace: the session, with its
/// cells and files. The command API knows only that there may be one; the layer that defines the
/// services (`SessionServices`) reads them back through `CommandContext.host`.
public protocol CommandHost: Sendable {}
