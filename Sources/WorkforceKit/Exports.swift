// WorkforceKit, the top layer (readers' tables and labels, result formats, the report, the demo),
// re-exports every layer below it: the command line, the benchmark and the tests import
// WorkforceKit alone. A test that needs a lower layer's internals adds `@testable import` of it.
@_exported import Domain
@_exported import Formats
@_exported import Statistics
@_exported import Storage
