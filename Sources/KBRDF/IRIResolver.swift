// Resolution of IRI references against a base (RFC 3986 §5.2, strict: a reference with a scheme is
// taken as it is, dot segments removed), for rdf:about, rdf:resource, rdf:ID, rdf:datatype and xml:base in
// RDF/XML. Operates on Unicode scalars, so IRIs with non-ASCII characters resolve as they are.

enum IRIResolver {
    struct Parts {
        var scheme: String?
        var authority: String?
        var path: String
        var query: String?
        var fragment: String?

        var recomposed: String {
            var s = ""
            if let scheme { s += scheme + ":" }
            if let authority { s += "//" + authority }
            s += path
            if let query { s += "?" + query }
            if let fragment { s += "#" + fragment }
            return s
        }
    }

    /// RFC 3986 appendix B: `^(([^:/?#]+):)?(//([^/?#]*))?([^?#]*)(\?([^#]*))?(#(.*))?`, on Unicode scalars
    /// (Swift Characters would merge a delimiter with a following combining mark).
    static func parse(_ s: String) -> Parts {
        var rest = ArraySlice(Array(s.unicodeScalars))
        func str(_ x: ArraySlice<Unicode.Scalar>) -> String { var v = String.UnicodeScalarView(); v.append(contentsOf: x); return String(v) }
        var parts = Parts(path: "")
        if let colon = rest.firstIndex(where: { $0 == ":" || $0 == "/" || $0 == "?" || $0 == "#" }), rest[colon] == ":",
           colon != rest.startIndex {
            parts.scheme = str(rest[..<colon])
            rest = rest[(colon + 1)...]
        }
        if let hash = rest.firstIndex(of: "#") {
            parts.fragment = str(rest[(hash + 1)...])
            rest = rest[..<hash]
        }
        if let q = rest.firstIndex(of: "?") {
            parts.query = str(rest[(q + 1)...])
            rest = rest[..<q]
        }
        if rest.starts(with: ["/", "/"]) {
            rest = rest.dropFirst(2)
            let end = rest.firstIndex(of: "/") ?? rest.endIndex
            parts.authority = str(rest[..<end])
            rest = rest[end...]
        }
        parts.path = str(rest)
        return parts
    }

    /// True when `s` has a scheme (an absolute IRI, possibly with a fragment).
    static func isAbsolute(_ s: String) -> Bool { parse(s).scheme != nil }

    /// Resolves `reference` against `base` (which must be absolute).
    static func resolve(_ reference: String, against base: String) -> String {
        let r = parse(reference)
        if r.scheme != nil {
            var t = r
            t.path = removeDotSegments(r.path)
            return t.recomposed
        }
        let b = parse(base)
        var t = Parts(scheme: b.scheme, path: "")
        if r.authority != nil {
            t.authority = r.authority
            t.path = removeDotSegments(r.path)
            t.query = r.query
        } else {
            t.authority = b.authority
            if r.path.isEmpty {
                t.path = b.path
                t.query = r.query ?? b.query
            } else {
                if r.path.hasPrefix("/") {
                    t.path = removeDotSegments(r.path)
                } else {
                    t.path = removeDotSegments(merge(base: b, r.path))
                }
                t.query = r.query
            }
        }
        t.fragment = r.fragment
        return t.recomposed
    }

    /// `base` without its fragment.
    static func withoutFragment(_ iri: String) -> String {
        var p = parse(iri)
        p.fragment = nil
        return p.recomposed
    }

    private static func merge(base: Parts, _ path: String) -> String {
        if base.authority != nil && base.path.isEmpty { return "/" + path }
        let scalars = base.path.unicodeScalars
        guard let slash = scalars.lastIndex(of: "/") else { return path }
        return String(scalars[...slash]) + path
    }

    /// RFC 3986 §5.2.4 (on Unicode scalars).
    static func removeDotSegments(_ path: String) -> String {
        var input = Substring(path).unicodeScalars[...]
        var output = [Substring.UnicodeScalarView.SubSequence]()
        func has(_ p: String) -> Bool { input.starts(with: p.unicodeScalars) }
        func `is`(_ p: String) -> Bool { input.elementsEqual(p.unicodeScalars) }
        while !input.isEmpty {
            if has("../") { input = input.dropFirst(3) }
            else if has("./") { input = input.dropFirst(2) }
            else if has("/./") { input = input.dropFirst(2) }
            else if `is`("/.") { input = Substring("/").unicodeScalars[...] }
            else if has("/../") { input = input.dropFirst(3); if !output.isEmpty { output.removeLast() } }
            else if `is`("/..") { input = Substring("/").unicodeScalars[...]; if !output.isEmpty { output.removeLast() } }
            else if `is`(".") || `is`("..") { input = input.dropFirst(input.count) }
            else {
                let start = input.startIndex
                let searchFrom = input.first == "/" ? input.index(after: start) : start
                let end = input[searchFrom...].firstIndex(of: "/") ?? input.endIndex
                output.append(input[start..<end])
                input = input[end...]
            }
        }
        var out = String.UnicodeScalarView()
        for seg in output { out.append(contentsOf: seg) }
        return String(out)
    }
}
