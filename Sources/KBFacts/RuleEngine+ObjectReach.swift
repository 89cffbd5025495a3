import KBGraph

// A cheap test before a rule reading: a rule whose object no finder can name in the sentence cannot fire by its own
// reading (`apply`), whatever its subject, so the subject is not looked for.
extension RuleEngine {
    /// The failure `apply` gives when no object of the allowed types is found.
    static let noObjectReason = "trigger without an object of the allowed types"

    /// True when each of `r`'s object finders names a mention of the sentence (`namesSentenceMention`) and the
    /// sentence has no candidate of its types (`candidateTypeBits`: the finder's own types, else the relation's
    /// object types, else person, organisation and place, as `find` reads them): `find(r.object, …)` then
    /// answers nil wherever it starts, so `apply(r, …)` fails (the subject found or not), and no subject carried
    /// over (`carriedSubject`, which reads the same object finders and only after a subject failure) gives a
    /// reading either. Not for a rule with a pair finder among its subject finders (`partyPairs` names both sides
    /// without the object finders) nor one without object finders.
    static func objectOutOfReach(_ r: Rule, _ c: SentenceContext, _ table: RelationTable) -> Bool {
        let cand = c.candidateTypeBits
        // (every type present: any finder of a sentence mention may name one)
        if cand & 7 == 7 { return false }
        let objects = r.object
        guard !objects.isEmpty else { return false }
        return objects.withUnsafeBufferPointer { fs -> Bool in
            // (the relation's object types looked up once, for the first finder without types of its own)
            var allowedBits: UInt8? = nil
            for k in fs.indices {
                let f = fs.baseAddress! + k
                guard f.pointee.kind.namesSentenceMention else { return false }
                let bits: UInt8
                if let t = f.pointee.types {
                    bits = PlainConcat.bits(t)
                } else {
                    if allowedBits == nil { allowedBits = RelationIndex.allowedBits(table, r.type).object }
                    bits = allowedBits!
                }
                if bits & cand != 0 { return false }
            }
            // (checked last: most rules are ruled in above)
            return !r.subject.contains { $0.kind.isPairFinder }
        }
    }
}
