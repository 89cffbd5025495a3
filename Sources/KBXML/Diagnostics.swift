// Collects libxml2's structured errors into ValidationMessages, without global error handlers.

internal import CLibXML2

/// Receives libxml2 errors through a structured-error callback whose context is this object (passed unretained;
/// the owner keeps it alive for as long as libxml2 may call back).
final class MessageCollector {
    private(set) var messages: [ValidationMessage] = []
    /// Errors at level `XML_ERR_ERROR` or above (warnings are kept as messages but not counted).
    private(set) var errorCount = 0
    /// Messages about this file carry no file prefix; messages about other files (an included schema) do.
    let primaryFile: String?

    init(primaryFile: String?) { self.primaryFile = primaryFile }

    var context: UnsafeMutableRawPointer { Unmanaged.passUnretained(self).toOpaque() }

    static func from(_ context: UnsafeMutableRawPointer?) -> MessageCollector? {
        context.map { Unmanaged<MessageCollector>.fromOpaque($0).takeUnretainedValue() }
    }

    func add(_ error: xmlError) {
        var text = error.message.map { String(cString: $0) } ?? "unknown libxml2 error (code \(error.code))"
        while let last = text.last, last.isWhitespace { text.removeLast() }
        if let file = error.file.map({ String(cString: $0) }), file != primaryFile, !file.isEmpty {
            text = "\(file): \(text)"
        }
        if error.level == XML_ERR_WARNING {
            text = "warning: " + text
        } else {
            errorCount += 1
        }
        messages.append(ValidationMessage(line: Int(error.line), message: text))
    }

    func add(line: Int, _ message: String) {
        errorCount += 1
        messages.append(ValidationMessage(line: line, message: message))
    }
}

/// The structured-error callback for schema parser and validation contexts, whose user data is a
/// `MessageCollector`. It only reads `error.pointee`, so it compiles whether libxml2 declares the parameter as
/// `xmlErrorPtr` (2.9-2.11) or `const xmlError *` (2.12 and later).
let collectStructuredError: xmlStructuredErrorFunc = { context, error in
    guard let error, let collector = MessageCollector.from(context) else { return }
    collector.add(error.pointee)
}

/// The structured-error callback for a parser context (`sax->serror`). libxml2 passes `ctxt->userData`, which is the
/// parser context itself; its `_private` field holds the `MessageCollector`.
let collectParserError: xmlStructuredErrorFunc = { context, error in
    guard let error, let context else { return }
    let parser = context.assumingMemoryBound(to: xmlParserCtxt.self)
    guard let collector = MessageCollector.from(parser.pointee._private) else { return }
    collector.add(error.pointee)
}
