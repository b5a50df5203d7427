/// Something the reader could not do with an input, as the output contract's `warnings` and
/// `error` objects: a stable `code` for scripts and a `message` for people.
public struct Diagnostic: Sendable, Hashable, Codable {
    public var code: String
    public var message: String

    public init(code: String, message: String) {
        self.code = code
        self.message = message
    }
}

/// An input that cannot be read at all. The command reports it, goes on with the next input and
/// exits non-zero at the end.
public struct InputError: Error, Sendable, CustomStringConvertible {
    public var path: String
    public var diagnostic: Diagnostic

    public init(path: String, code: String, message: String) {
        self.path = path
        self.diagnostic = Diagnostic(code: code, message: message)
    }

    public var description: String { "\(path): \(diagnostic.message)" }
}
