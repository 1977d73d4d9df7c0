// Statistics are pure; of the formats they use only the checked number conversions (NumberText).
@_exported import Formats
