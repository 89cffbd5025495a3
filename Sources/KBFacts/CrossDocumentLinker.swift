import Foundation
import KBGraph
import KBText

/// Joins people across documents after each document was linked on its own (`Linker`): a person of one document
/// is the person of another when
/// - both are full names that agree up to spelling (same first and last word, up to transliteration variants,
///   hamza and ta marbuta forms, "عبد ال"/"عبدال" spacing: `Linker.sameName`), or
/// - it is one word (a surname, or title + surname, with no full name in its own document) and exactly one
///   person of the gazetteer has that surname (up to spelling), and that person is in the graph. A word that
///   starts a known person's name ("محمد") is a given name and joins no one; two gazetteer people who share a
///   family name make it ambiguous, so it joins neither.
/// Never joined: two people that one document keeps apart (they are different people there, like two brothers),
/// entities of different types, and two gazetteer entries.
/// Every rule only depends on the entities and on the fixed gazetteer, never on counts, and a join made on some
/// documents is made on any larger set: shards linked apart and merged (`kbexport merge`) give one run's bytes.
/// (A surname is not joined to a full name guessed in another document: whether it is the only one depends on
/// which documents are read together.)
enum CrossDocumentLinker {
    /// Old entity id → the id it joins. Deterministic: the entities are visited in id order.
    static func merges(_ entities: [Entity], gazetteer: Gazetteer? = nil) -> [String: String] {
        let people = entities.filter { $0.type == .person }.sorted { $0.id < $1.id }
        guard people.count >= 2 else { return [:] }
        var names: [String: [[String]]] = [:]
        for p in people { names[p.id] = nameTokens(p) }
        var parent: [String: String] = [:]
        var docs: [String: Set<String>] = [:]
        var fromGazetteer: [String: Bool] = [:]
        var words: [String: Int] = [:]
        for p in people {
            docs[p.id] = Set(p.documents); fromGazetteer[p.id] = p.fromGazetteer
            words[p.id] = names[p.id]!.map(\.count).max() ?? 0
        }
        func root(_ x: String) -> String {
            var r = x
            while let p = parent[r] { r = p }
            return r
        }
        /// Joins the groups of a and b unless one document has both or both are gazetteer entries.
        func join(_ a: String, _ b: String) {
            let ra = root(a), rb = root(b)
            guard ra != rb, docs[ra]!.isDisjoint(with: docs[rb]!), !(fromGazetteer[ra]! && fromGazetteer[rb]!) else { return }
            // the gazetteer entry, else the longer name, else the smaller id stays (never the counts: shards merged
            // later must make the same choice as one run over all the documents)
            let keep = fromGazetteer[ra]! != fromGazetteer[rb]! ? (fromGazetteer[ra]! ? ra : rb)
                : (words[ra]!, rb) > (words[rb]!, ra) ? ra : rb
            let drop = keep == ra ? rb : ra
            parent[drop] = keep
            docs[keep]!.formUnion(docs[drop]!)
        }

        // full names that agree up to spelling
        let index = Linker.PeopleIndex()
        for (order, p) in people.enumerated() {
            let full = names[p.id]!.filter { $0.count >= 2 }
            guard !full.isEmpty else { continue }
            for toks in full {
                for q in index.candidates(toks) where q.names.contains(where: { Linker.sameName($0, toks) }) { join(q.key, p.id) }
            }
            index.register(p.id, full, order)
        }
        // one-word names: the only person of the gazetteer with that surname, when it is in the graph
        if let gazetteer {
            let known = GazetteerPeople.of(gazetteer)
            let present = Set(people.filter(\.fromGazetteer).map(\.id))
            for p in people where !p.fromGazetteer {
                let forms = names[p.id]!
                guard !forms.isEmpty, forms.allSatisfy({ $0.count == 1 }) else { continue }
                var hits = Set<String>()
                for w in forms where w[0].count >= 4 && !known.givenNames.contains(w[0]) {
                    hits.formUnion(known.index.all(w[0]))
                }
                if hits.count == 1, let g = hits.first, present.contains(g) { join(g, p.id) }
            }
        }
        var out: [String: String] = [:]
        for p in people { let r = root(p.id); if r != p.id { out[p.id] = r } }
        return out
    }

    /// The gazetteer's people as a surname index, and the words that start their names (given names).
    final class GazetteerPeople: @unchecked Sendable {
        let index = Linker.PeopleIndex()
        var givenNames = Set<String>()

        init(_ g: Gazetteer) {
            for (order, e) in g.entries.enumerated() where e.type == .person {
                let full = Gazetteer.nameTokens(e).filter { $0.count >= 2 }
                for n in full { givenNames.insert(n[0]) }
                if !full.isEmpty { index.register(e.id, full, order) }
            }
        }

        private static let lock = NSLock()
        nonisolated(unsafe) private static var made: (serial: UInt64, people: GazetteerPeople)?
        /// Made once per gazetteer.
        static func of(_ g: Gazetteer) -> GazetteerPeople {
            lock.lock(); defer { lock.unlock() }
            if let m = made, m.serial == g.serial { return m.people }
            let p = GazetteerPeople(g)
            made = (g.serial, p)
            return p
        }
    }

    /// The normalised name words of a person's label and surface forms, without leading titles and ranks.
    static func nameTokens(_ e: Entity) -> [[String]] {
        var out: [[String]] = []
        for form in [e.labelAr] + e.surfaceForms {
            var toks = Gazetteer.key(form).plainSplit(separator: " ").map(String.init)
            while let f = toks.first, toks.count > 1, Lexicon.ranks.contains(f) || Lexicon.roleHeads.contains(f) { toks.removeFirst() }
            if !toks.isEmpty, !out.contains(toks) { out.append(toks) }
        }
        return out
    }

    /// Applies `merges` to a graph's parts: joined entities add up, facts and mentions point at the kept id,
    /// and a fact left between one entity and itself goes.
    static func apply(_ map: [String: String], entities: inout [String: Entity],
                      merged: inout [String: GraphBuilder.Gathered],
                      facts: inout [Fact], mentions: inout [Mention]) {
        guard !map.isEmpty else { return }
        for (old, new) in map.sorted(by: { $0.key < $1.key }) {
            guard let gone = entities.removeValue(forKey: old), var kept = entities[new] else { continue }
            let a = merged.removeValue(forKey: new) ?? GraphBuilder.gathered(kept)
            let b = merged.removeValue(forKey: old) ?? GraphBuilder.gathered(gone)
            merged[new] = (a.forms.union(b.forms), a.documents.union(b.documents))
            kept.mentionCount += gone.mentionCount
            if !kept.fromGazetteer, gone.labelAr.plainSplit(separator: " ").count > kept.labelAr.plainSplit(separator: " ").count {
                kept.labelAr = gone.labelAr
            }
            entities[new] = kept
        }
        for k in facts.indices {
            if let s = map[facts[k].subject] { facts[k].subject = s }
            if let o = map[facts[k].object] { facts[k].object = o }
            if let p = facts[k].place, let n = map[p] { facts[k].place = n }
            if let a = facts[k].attribution?.source, let n = map[a] { facts[k].attribution?.source = n }
            for e in facts[k].evidence.indices {
                if let a = facts[k].evidence[e].attribution?.source, let n = map[a] { facts[k].evidence[e].attribution?.source = n }
            }
        }
        facts.removeAll { $0.subject == $0.object }
        for k in mentions.indices { if let n = map[mentions[k].entityID] { mentions[k].entityID = n } }
    }
}
