import Foundation

/// A parsed JSON value that keeps integers, other numbers and booleans apart (JSONSerialization
/// blurs them on Linux).
enum JSONValue: Decodable, Equatable, Sendable {
    case null, bool(Bool), int(Int), number(Double), string(String), array([JSONValue]), object([String: JSONValue])

    init(from decoder: Decoder) throws {
        let c = try decoder.singleValueContainer()
        if c.decodeNil() { self = .null }
        else if let b = try? c.decode(Bool.self) { self = .bool(b) }
        else if let i = try? c.decode(Int.self) { self = .int(i) }
        else if let d = try? c.decode(Double.self) { self = .number(d) }
        else if let s = try? c.decode(String.self) { self = .string(s) }
        else if let a = try? c.decode([JSONValue].self) { self = .array(a) }
        else { self = .object(try c.decode([String: JSONValue].self)) }
    }

    static func parse<S: StringProtocol>(_ line: S) throws -> JSONValue { try JSONDecoder().decode(JSONValue.self, from: Data(line.utf8)) }

    subscript(key: String) -> JSONValue? { if case .object(let o) = self { return o[key] } else { return nil } }
    var string: String? { if case .string(let s) = self { return s } else { return nil } }
    var int: Int? { if case .int(let i) = self { return i } else { return nil } }
    var array: [JSONValue] { if case .array(let a) = self { return a } else { return [] } }
    var object: [String: JSONValue]? { if case .object(let o) = self { return o } else { return nil } }
    var isNull: Bool { self == .null }
}

/// The shape a contract gives a JSON value: what `check` compares an output against.
indirect enum Shape: Sendable {
    case string, int, number, bool, any
    /// One of these strings.
    case oneOf(Set<String>)
    /// An ISO 8601 date of the contract's precisions: `2019-01-24`, `2021-06` or `2025`.
    case isoDate
    case array(Shape)
    /// An object with exactly the `required` keys, plus any of `allowed` (an explicit allowlist of keys
    /// the output adds beyond the contract).
    case object(required: [String: Shape], allowed: [String: Shape] = [:])
    /// An object whose keys are all among `keys`, each with the shape `value`.
    case objectOf(keys: Set<String>, value: Shape)
    case nullable(Shape)
    case either(Shape, Shape)

    /// The differences between `value` and this shape, each with its path.
    func check(_ value: JSONValue, at path: String = "$") -> [String] {
        switch (self, value) {
        case (.any, _): return []
        case (.nullable, .null): return []
        case (.nullable(let inner), _): return inner.check(value, at: path)
        case (.either(let a, let b), _):
            let first = a.check(value, at: path)
            return first.isEmpty ? [] : (b.check(value, at: path).isEmpty ? [] : first)
        case (.string, .string(let s)): return Self.nfc(s, at: path)
        case (.oneOf(let allowed), .string(let s)): return allowed.contains(s) ? [] : ["\(path): \"\(s)\" is not one of \(allowed.sorted())"]
        case (.isoDate, .string(let s)):
            return s.range(of: #"^[0-9]{4}(-(0[1-9]|1[0-2])(-(0[1-9]|[12][0-9]|3[01]))?)?$"#, options: .regularExpression) != nil
                ? [] : ["\(path): \"\(s)\" is not an ISO date (YYYY, YYYY-MM or YYYY-MM-DD)"]
        case (.int, .int): return []
        case (.number, .int), (.number, .number): return []
        case (.bool, .bool): return []
        case (.array(let element), .array(let items)):
            return items.enumerated().flatMap { element.check($1, at: "\(path)[\($0)]") }
        case (.object(let required, let allowed), .object(let o)):
            var problems: [String] = []
            for (key, shape) in required.sorted(by: { $0.key < $1.key }) {
                if let v = o[key] { problems += shape.check(v, at: "\(path).\(key)") } else { problems.append("\(path): missing key \"\(key)\"") }
            }
            for (key, v) in o.sorted(by: { $0.key < $1.key }) where required[key] == nil {
                if let shape = allowed[key] { problems += shape.check(v, at: "\(path).\(key)") } else { problems.append("\(path): key \"\(key)\" is neither in the contract nor in the test's allowlist") }
            }
            return problems
        case (.objectOf(let keys, let shape), .object(let o)):
            return o.sorted(by: { $0.key < $1.key }).flatMap { key, v in
                keys.contains(key) ? shape.check(v, at: "\(path).\(key)") : ["\(path): key \"\(key)\" is not one of \(keys.sorted())"]
            }
        default:
            return ["\(path): \(Self.describe(value)) where the contract has \(self)"]
        }
    }

    static func nfc(_ s: String, at path: String) -> [String] {
        Array(s.unicodeScalars) == Array(s.precomposedStringWithCanonicalMapping.unicodeScalars) ? [] : ["\(path): \"\(s.prefix(60))\" is not NFC"]
    }

    static func describe(_ value: JSONValue) -> String {
        switch value {
        case .null: "null"
        case .bool(let b): "\(b)"
        case .int(let i): "the integer \(i)"
        case .number(let d): "the number \(d)"
        case .string(let s): "the string \"\(s.prefix(60))\""
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// Unicode scalars of a source file, decoded as the tool decodes UTF-8 text, for `source[start:end] == text`.
struct SourceScalars {
    let scalars: [Unicode.Scalar]

    init(_ url: URL) throws {
        scalars = Array(String(decoding: try Data(contentsOf: url), as: UTF8.self).unicodeScalars)
    }

    /// The problem with the span `start`/`end`/`text` of `value`, if any.
    func check(span value: JSONValue, at path: String, text: Bool = true) -> [String] {
        guard let start = value["start"]?.int, let end = value["end"]?.int else { return ["\(path): no integer start/end"] }
        guard 0 <= start, start <= end, end <= scalars.count else { return ["\(path): [\(start), \(end)) is outside the source (\(scalars.count) scalars)"] }
        guard text else { return [] }
        let slice = String(String.UnicodeScalarView(scalars[start..<end]))
        guard let stated = value["text"]?.string else { return ["\(path): no text"] }
        return Array(slice.unicodeScalars) == Array(stated.unicodeScalars) ? [] : ["\(path): source[\(start):\(end)] is \(slice.debugDescription), text is \(stated.debugDescription)"]
    }
}
