import KBGraph
import KBText

extension GraphBuilder {
    /// What one document says of an entity `old` already has from others, merged into it, and its surface forms and
    /// documents into `acc` (`add`; each changed in place: no copy of the entity, no removal and insertion of `acc`).
    static func absorb(_ e: Entity, into old: inout Entity, _ acc: inout GraphBuilder.Gathered) {
        // what one document says of an entity and another does not, or says otherwise, is settled the same
        // way whatever the order (a shard merge gives the bytes of one run): the gazetteer's entity wins,
        // then a known subtype (the smaller of two), English label and Wikidata id
        if e.fromGazetteer && !old.fromGazetteer {
            (old.fromGazetteer, old.subtype, old.labelAr, old.labelEn, old.wikidata) =
                (true, e.subtype, e.labelAr, e.labelEn, e.wikidata)
        } else if e.fromGazetteer == old.fromGazetteer {
            if !e.subtype.isEmpty, old.subtype.isEmpty || e.subtype < old.subtype { old.subtype = e.subtype }
            if old.labelEn == nil { old.labelEn = e.labelEn }
            if old.wikidata == nil { old.wikidata = e.wikidata }
        }
        old.mentionCount += e.mentionCount
        // a set keeps its members: the first spelling seen of equivalent forms stays, as with Set.union
        for f in e.surfaceForms { acc.forms.insert(SurfaceForm(f)) }
        acc.documents.formUnion(e.documents)
        // a guessed entity keeps its longest label (of two as long, the smaller: the result does not depend
        // on the order documents or shards come in)
        // (lengths in `Character`s: PlainConcat.count counts a plain label's bytes)
        if !old.fromGazetteer, !e.fromGazetteer, (PlainConcat.count(e.labelAr), old.labelAr) > (PlainConcat.count(old.labelAr), e.labelAr) {
            old.labelAr = e.labelAr
        }
    }
}

extension GraphBuilder {
    /// The surface forms and documents of an entity seen in more than one extraction, gathered as sets.
    typealias Gathered = (forms: Set<SurfaceForm>, documents: Set<String>)

    /// An entity's surface forms and documents as the sets `add` gathers them in.
    static func gathered(_ e: Entity) -> Gathered { (Set(e.surfaceForms.map(SurfaceForm.init)), Set(e.documents)) }
}

/// A surface form in a set of an entity's forms: equal as its `String` is (canonical equivalence), hashed as the
/// `String` hashes it: a plain form (``NormKey/isPlain(_:)``, in NFC) by its bytes and the terminator `String` adds,
/// which is what `String.hash(into:)` feeds the hasher for a string in NFC (its NFC bytes, then 0xFF); any other
/// form by `String.hash(into:)` itself. Arabic forms are hashed without the Unicode tables' NFC check.
/// (`SpeedEquivalence28Tests.testSurfaceFormHashesAsString` holds the two hashes equal.)
struct SurfaceForm: Hashable {
    let text: String
    init(_ text: String) { self.text = text }
    static func == (a: SurfaceForm, b: SurfaceForm) -> Bool { a.text == b.text }
    func hash(into hasher: inout Hasher) {
        var s = text
        let done = s.withUTF8 { b -> Bool in
            guard NormKey.isPlain(text) else { return false }
            hasher.combine(bytes: UnsafeRawBufferPointer(b))
            hasher.combine(0xFF as UInt8)
            return true
        }
        if !done { text.hash(into: &hasher) }
    }
}
