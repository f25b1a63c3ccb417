/// The streaming commands.
package enum StreamCommands {
    package static let all = [StreamCommand.spec]
}
