// Storage reads and writes the SQLite database; it sees the formats (errors, locations, files).
@_exported import Formats
