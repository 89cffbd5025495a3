// Errors of the libxml2 layer. Every libxml2 return code is checked and mapped to one of these cases;
// messages name the C function that failed, or the file the problem is in.

/// One message from libxml2's parser or a schema validator, with the line it refers to.
///
/// `line` is 0 when libxml2 gives no line (for example, an I/O error before the first byte).
public struct ValidationMessage: Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var message: String

    public init(line: Int, message: String) {
        self.line = line
        self.message = message
    }

    /// `line 4: Element '{…}key': This element is not expected.`
    public var description: String { "line \(line): \(message)" }
}

/// An error raised by the KBXML layer.
public enum XMLError: Error, CustomStringConvertible, Equatable {
    /// An `xmlTextWriter*` call returned a negative value.
    case writer(function: String, code: Int32)
    /// The output sink failed; the text names the path and the `strerror` text.
    case output(String)
    /// The reader of the output went away (`EPIPE`: `kbexport … | head`). Shown as "broken pipe"; the command
    /// line ends with status 141, as a shell does for a process killed by SIGPIPE.
    case closedPipe
    /// An element or attribute name is not a valid XML `Name` / `QName`, or a prefix is not an `NCName`.
    case invalidName(String)
    /// Text given for a CDATA section contains `]]>`, which would end the section.
    case invalidCDATA
    /// A schema (or catalog) file could not be loaded or compiled.
    case schema(path: String, messages: [ValidationMessage])
    /// An instance document is not well-formed.
    case parse(path: String, messages: [ValidationMessage])

    public var description: String {
        switch self {
        case let .writer(function, code):
            return "\(function) failed (return code \(code))"
        case let .output(text):
            return text
        case .closedPipe:
            return "broken pipe"
        case let .invalidName(name):
            return "invalid XML name \(name.debugDescription)"
        case .invalidCDATA:
            return "text for a CDATA section contains ']]>'"
        case let .schema(path, messages):
            return "cannot load schema \(path)" + Self.list(messages)
        case let .parse(path, messages):
            return "\(path) is not well-formed XML" + Self.list(messages)
        }
    }

    private static func list(_ messages: [ValidationMessage]) -> String {
        messages.isEmpty ? "" : ":\n" + messages.map { "  \($0)" }.joined(separator: "\n")
    }
}
