#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif
import Testing
import StrataSession
@testable import strata

/// Sends a real SIGINT to the process, as the terminal does on Ctrl-C, and waits for its delivery.
/// Not `raise`: that targets the calling thread, and test threads (libdispatch workers) block
/// signals, so it would stay pending; a process-directed signal goes to a thread that accepts it,
/// just as in the REPL.
private func pressCtrlC() {
    kill(getpid(), SIGINT)
    for _ in 0..<2000 where !Interrupts.isRequested { usleep(1000) }
}

/// Sends real SIGINTs to this process; serialized because the flag is process-wide.
@Suite(.serialized) struct InterruptTests {
    init() { Interrupts.install() }

    @Test func sigintSetsTheFlagTheProbeReads() {
        Interrupts.reset()
        #expect(Interrupts.isRequested == false)
        #expect(Interrupts.cancellation.isCancelled == false)
        pressCtrlC()
        #expect(Interrupts.isRequested)
        #expect(Interrupts.cancellation.isCancelled)
        #expect(throws: CancelledError.self) { try Interrupts.cancellation.check() }
        Interrupts.reset()
        #expect(Interrupts.cancellation.isCancelled == false)
    }

    @Test func probeSeesTheFlagFromAnotherThread() async {
        Interrupts.reset()
        pressCtrlC()
        let seen = await Task.detached { Interrupts.cancellation.isCancelled }.value
        #expect(seen)
        Interrupts.reset()
    }

    /// Ctrl-C during a command: the command's cancellation check fails it, the interpreter reports
    /// "cancelled" and keeps the workspace as it was.
    @Test func cancelledCommandLeavesWorkspaceUnchanged() throws {
        let slow = CommandSpec("crunch", group: .data, summary: "", arguments: [.table("table", help: "")],
                               binding: .replacesSubject, examples: []) { parsed, ctx in
            let table = try ctx.subjectTable(parsed)
            try ctx.bindResult(table.dropping(["b"]), for: parsed)
            pressCtrlC()  // while the command works
            for _ in 0..<1000 { try ctx.run.cancellation.check() }
            return .note("done")
        }
        var ws = Workspace()
        ws.bind("t", table: try Table(columns: [Column(name: "a", data: .int([1])), Column(name: "b", data: .int([2]))]))
        let interpreter = Interpreter(registry: CommandRegistry([slow]), workspace: ws)

        Interrupts.reset()
        let result = interpreter.execute("crunch t", context: RunContext(cancellation: Interrupts.cancellation))
        guard case .failure(let message) = result else {
            Issue.record("expected a failure, got \(result)")
            return
        }
        #expect(message.hasPrefix("cancelled"))
        #expect(interpreter.workspace.table("t")?.columnNames == ["a", "b"])

        // The next command starts with the flag cleared, as the REPL does.
        Interrupts.reset()
        let again = interpreter.execute("crunch t", context: RunContext(cancellation: .never))
        guard case .success = again else {
            Issue.record("expected success, got \(again)")
            return
        }
        #expect(interpreter.workspace.table("t")?.columnNames == ["a"])
        Interrupts.reset()
    }
}
