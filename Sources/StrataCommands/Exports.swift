@_exported import StrataKit
