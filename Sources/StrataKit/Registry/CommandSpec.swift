/// How commands are grouped in `help` and `docs/commands.md`.
public enum CommandGroup: String, Sendable, CaseIterable {
    case data = "Data"
    case transform = "Transform"
    case inspect = "Inspect"
    case charts = "Charts"
    case workspace = "Workspace"
    case segmentation = "Segmentation"
    case models = "Models"
    case recommenders = "Recommenders"
    case experiments = "Experiments"
    case streaming = "Streaming"
    case session = "Session"
}

/// One positional part of a command, in the order it is typed.
public indirect enum ArgumentSlot: Sendable {
    /// The name of an existing table; the first one is the command's subject, whose columns
    /// are validated and completed in later slots.
    case table(String, help: String)
    /// A table, or a workspace value that carries rows (a clustering: its rows with the cluster
    /// column); it becomes the subject like a table.
    case rows(String, help: String)
    /// `TABLE.COLUMN`: one column of an existing table, which becomes the subject.
    case tableColumn(String, help: String)
    /// Any name (a new or existing workspace value, a column to rename…).
    case name(String, help: String)
    /// An existing workspace value the command uses (a model, a clustering, a table): recorded
    /// among the names the command reads, so its cell depends on the cell that stored it.
    case value(String, help: String)
    /// A quoted file path.
    case path(String, help: String)
    /// A literal word the user types, such as `where`, `by` or `agg`.
    case keyword(String)
    /// One word among fixed choices (a sub-mode such as `head`/`tail`).
    case choice(String, choices: [String], help: String)
    /// A true/false condition over the subject table's columns.
    case condition(String, help: String)
    /// `name = expression, …` over the subject table.
    case assignments(String, help: String)
    /// `name = aggregate(column), …`.
    case aggregations(String, help: String)
    /// Comma-separated column names of the subject table.
    case columns(String, help: String)
    /// Comma-separated column names, each optionally followed by `asc` or `desc`.
    case sortKeys(String, help: String)
    /// Comma-separated names of existing tables or workspace values.
    case tables(String, help: String)
    /// A number (e.g. a row count).
    case number(String, help: String)
    /// One identifier value as users type it: a bare word, a quoted text or a number (a user or item id).
    case id(String, help: String)
    /// Slots that are present only when their first keyword is typed.
    case optional([ArgumentSlot])
    /// Whatever words follow, possibly none (a setting's value). With `completesCommands`, Tab offers
    /// command names (the topic of `help`).
    case rest(String, help: String, completesCommands: Bool = false)

    package var label: String {
        switch self {
        case .table(let n, _), .rows(let n, _), .tableColumn(let n, _), .name(let n, _), .value(let n, _), .path(let n, _), .choice(let n, _, _), .condition(let n, _),
             .assignments(let n, _), .aggregations(let n, _), .columns(let n, _), .sortKeys(let n, _),
             .tables(let n, _), .number(let n, _), .id(let n, _), .rest(let n, _, _):
            return n
        case .keyword(let k): return k
        case .optional(let s): return s.first?.label ?? ""
        }
    }
}

/// The type of an option's value; it drives conversion, validation and completion.
public enum OptionKind: Sendable {
    case int(ClosedRange<Int>?)
    case double(ClosedRange<Double>?)
    case string
    case bool
    case choice([String])
    /// One column of the subject table.
    case column
    /// Comma-separated columns of the subject table.
    case columns
    /// Comma-separated `key:value` pairs (e.g. `types=id:string,day:date`).
    case pairs
    /// Comma-separated words or strings.
    case list
    /// A name in the workspace (a table, split or model): the command reads it, so its cell
    /// depends on the cell that stored it.
    case value
    /// Comma-separated names in the workspace, each read as `value` is.
    case values
    /// `TABLE:COLUMNS` (a table of the workspace and some of its columns), or one workspace name:
    /// the table (or name) is read as `value` is.
    case tableColumns
    /// An inclusive integer range `2..10`.
    case intRange
    case date
    case path

    package var typeLabel: String {
        switch self {
        case .int: return "int"
        case .double: return "number"
        case .string: return "text"
        case .bool: return "yes|no"
        case .choice(let c): return c.joined(separator: "|")
        case .column: return "column"
        case .columns: return "columns"
        case .pairs: return "key:value,…"
        case .list: return "list"
        case .value: return "name"
        case .values: return "names"
        case .tableColumns: return "TABLE:COLUMNS"
        case .intRange: return "a..b"
        case .date: return "date"
        case .path: return "path"
        }
    }
}

/// An option as the parser, help and completion see it. Commands declare options as typed
/// `Option` values, which build this; `OptionSpec` itself is the untyped view.
public struct OptionSpec: OptionDeclaration {
    public var spec: OptionSpec { self }

    public let key: String
    public let kind: OptionKind
    /// The default as shown in help ("none" when absent).
    public let defaultText: String?
    public let help: String

    public init(_ key: String, _ kind: OptionKind, default defaultText: String? = nil, _ help: String) {
        self.key = key
        self.kind = kind
        self.defaultText = defaultText
        self.help = help
    }
}

/// Whether `as name` is accepted, and what the result is called without it.
public enum Binding: Sendable {
    case none
    /// `as name` names the result; without it the result replaces the subject (in-place update).
    case replacesSubject
    /// `as name` names the result; without it the result is named by the closure over the parsed command.
    case named(@Sendable (ParsedCommand) -> String)
}

/// What a command does with the file named by its path argument; `strata run --dry-run` lists
/// these before anything runs.
public enum FileAccess: Sendable {
    case none
    case reads
    case writes
}

/// A command, declared once. Parsing, validation, `help`, completion and `docs/commands.md`
/// are all derived from this declaration.
public struct CommandSpec: Sendable {
    public let name: String
    public let group: CommandGroup
    public let summary: String
    public let arguments: [ArgumentSlot]
    public let options: [OptionSpec]
    public let binding: Binding
    public let details: String?
    public let examples: [String]
    public let fileAccess: FileAccess
    /// False for commands about the session itself (history, save session, …): a saved session
    /// does not replay them.
    public let isRecorded: Bool
    public let run: @Sendable (ParsedCommand, inout CommandContext) throws -> CommandOutput

    public init(
        _ name: String, group: CommandGroup, summary: String,
        arguments: [ArgumentSlot] = [], options: [any OptionDeclaration] = [], binding: Binding = .none,
        details: String? = nil, examples: [String], fileAccess: FileAccess = .none, isRecorded: Bool = true,
        run: @escaping @Sendable (ParsedCommand, inout CommandContext) throws -> CommandOutput
    ) {
        self.name = name
        self.group = group
        self.summary = summary
        self.arguments = arguments
        self.options = options.map(\.spec)
        self.binding = binding
        self.details = details
        self.examples = examples
        self.fileAccess = fileAccess
        self.isRecorded = isRecorded
        self.run = run
    }

    public var words: [String] { name.split(separator: " ").map(String.init) }

    public func option(_ key: String) -> OptionSpec? { options.first { $0.key == key } }

    /// `filter TABLE where CONDITION [as NAME] [onerror=…]`
    public var synopsis: String {
        var parts = [name]
        func render(_ slot: ArgumentSlot) -> String {
            switch slot {
            case .keyword(let k): return k
            case .choice(_, let c, _): return c.joined(separator: "|")
            case .optional(let inner): return "[" + inner.map(render).joined(separator: " ") + "]"
            case .rest(let n, _, _): return "[" + n.uppercased() + "]"
            case .tableColumn: return "TABLE.COLUMN"
            default: return slot.label.uppercased()
            }
        }
        parts += arguments.map(render)
        if !options.isEmpty { parts.append("[key=value …]") }
        switch binding {
        case .none: break
        case .replacesSubject, .named: parts.append("[as NAME]")
        }
        return parts.joined(separator: " ")
    }
}
