@_exported import StrataCommands
