import CanCuModel
import CanCuText
import CanCuLexicon
/// The encoding a user forces with `--encoding`: UTF-8 (no detection) or one legacy encoding.
public enum InputEncoding: Sendable, Equatable {
    case utf8
    case legacy(LegacyEncoding)

    /// Reads `utf-8`, `tcvn3` (`abc`), `vni`, `viscii`, `cp1258` (`windows-1258`), or nil.
    public init?(name: String) {
        if ["utf-8", "utf8"].contains(name.lowercased()) {
            self = .utf8
        } else if let legacy = LegacyEncoding(name: name) {
            self = .legacy(legacy)
        } else {
            return nil
        }
    }

    /// The names `--encoding` accepts, for help and messages.
    public static let names = ["utf-8", "tcvn3", "vni", "viscii", "cp1258"]
}
