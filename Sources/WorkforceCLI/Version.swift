/// The tool's version and the git revision it was built from.
enum Version {
    /// The release number, raised by hand at each release.
    static let number = "0.9.0"
    /// The commit the binary was built from (written before each build by the GitRevision
    /// plugin, `Plugins/GitRevision/`), with `-modified` when tracked files differed from it,
    /// or "unknown" outside a git checkout.
    static let revision = buildRevision

    /// "workforce 0.9.0 (git fc4a19a35c22...)".
    static var line: String { "workforce \(number) (git \(revision))" }
}
