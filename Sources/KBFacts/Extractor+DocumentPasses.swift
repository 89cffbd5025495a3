import KBText

/// Early answers for the document-level passes over the drafts (`Extractor.extract`): each pass rebuilt the whole
/// list of drafts, a copy of every draft (a retain per string) even when it changed none; these tests find, reading
/// the drafts in place, whether a pass has anything to do, and the pass hands the list back as it was when not.
extension Extractor {
    /// `key.hasPrefix("@doc-")`. A string whose first byte is not «@» has no «@» as its first `Character`: «@» is a
    /// starter no other scalar or sequence is canonically equal to, so `hasPrefix` is false without being asked.
    @inline(__always)
    static func isDocumentPlaceholder(_ key: String) -> Bool { key.utf8.first == 0x40 && key.hasPrefix("@doc-") }

    /// `key.hasPrefix("group:")`, with the first byte («g», as «@» above) tested first.
    @inline(__always)
    static func isGroupKey(_ key: String) -> Bool { key.utf8.first == 0x67 && key.hasPrefix("group:") }

    /// True when ``expandGroups(_:)`` changes the drafts: a subject or object is a group.
    static func namesGroup(_ drafts: [(Int, FactDraft)]) -> Bool {
        drafts.containsInPlace { isGroupKey($0.pointee.1.subject) || isGroupKey($0.pointee.1.object) }
    }

    /// True when ``resolveDocumentSubjects(_:)`` changes the drafts: a subject or object is the carried subject or
    /// object or the document's subject (all four keys start with «@»; every other draft is kept as it is).
    static func namesCarriedSubject(_ drafts: [(Int, FactDraft)]) -> Bool {
        drafts.containsInPlace { p in
            let s = p.pointee.1.subject, o = p.pointee.1.object
            return (s.utf8.first == 0x40 && (s == RuleEngine.carriedSubjectKey || s == RuleEngine.documentSubject))
                || (o.utf8.first == 0x40 && (o == RuleEngine.carriedObjectKey || o == RuleEngine.documentSubject))
        }
    }

    /// True when ``resolveAnaphoricMeetings(_:)`` changes the drafts: one names no subject.
    static func hasDraftWithoutSubject(_ drafts: [(Int, FactDraft)]) -> Bool {
        drafts.containsInPlace { $0.pointee.1.subject.isEmpty }
    }

    /// True when ``resolveDelegations(_:countryOf:)`` changes the drafts: an office with no state, a reception with
    /// no guest, a visit with no visitor or no destination (every other draft is kept as it is).
    static func namesDelegation(_ drafts: [(Int, FactDraft)]) -> Bool {
        drafts.containsInPlace { p in
            let type = p.pointee.1.type
            if type == "HOLDS_ROLE" { return p.pointee.1.object.isEmpty }
            if type == "RECEIVE" { return p.pointee.1.object.isEmpty && !p.pointee.1.subject.isEmpty }
            if type == "VISIT" { return p.pointee.1.subject.isEmpty || p.pointee.1.object.isEmpty }
            return false
        }
    }
}

extension SentenceContext {
    /// True when a token of the sentence is in the class with this id (its `tokenClasses`, read in place).
    func hasClass(_ id: Int) -> Bool {
        tokenClasses.withUnsafeBufferPointer { cs in cs.contains { $0.contains(id) } }
    }
}

extension Array {
    /// Whether `p` holds for an element, each read in place through a pointer (a closure given the element itself, as
    /// `contains(where:)`'s, gets a copy: each string of a draft retained and released).
    @inline(__always)
    func containsInPlace(where p: (UnsafePointer<Element>) -> Bool) -> Bool {
        withUnsafeBufferPointer { b in
            guard let base = b.baseAddress else { return false }
            for k in 0..<b.count where p(base + k) { return true }
            return false
        }
    }
}
