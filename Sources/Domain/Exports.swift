// The domain (the framework, the forms, imports, estimates, analyses, the plan) sees every
// layer below it in each of its files.
@_exported import Formats
@_exported import Statistics
@_exported import Storage
