// Read RDF written out again, in any output format (`kbexport --from ntriples|rdfxml --format ...`).
// The RDF formats go through the same syntax layers as the knowledge-graph export (KBWriters:
// RDFXMLSerializer, NTriplesSerializer, TurtleSerializer), so the same rules hold: RDF/XML refuses what it
// cannot carry (a predicate without a QName split, a literal with a control character XML 1.0 forbids)
// with an error naming the term, and relabels blank nodes whose labels are not NCNames.

import KBWriters
import KBXML

public enum RDFConversion {
    /// Writes `triples` to `sink` in `format`.
    /// - Parameter options: `base` gives the `kbv:` prefix (RDF/XML, Turtle); `indent` for the XML formats;
    ///   `preferEnglishLabels` for the GraphML `label`.
    /// - Throws: `WriterError` (refusals, before anything is written), or the sink's errors.
    public static func write(_ triples: [RDFTriple], format: OutputFormat, options: ExportOptions, to sink: OutputSink) throws {
        try write(source: triples, format: format, options: options, to: sink)
    }

    /// Writes the triples of `source` to `sink` in `format`. RDF/XML and GraphML read the source twice and keep only
    /// what the format needs (QNames and blank-node labels; nodes and their literal values); canonical N-Triples
    /// (sorted) and Turtle (grouped by subject) collect the triples first. An N-Triples file (`NTriplesFile`) is
    /// read once for GraphML (NTriplesToGraphML.swift) and for RDF/XML into a file that can start again
    /// (NTriplesToRDFXML.swift), with the same bytes.
    public static func write(source: some TripleSource, format: OutputFormat, options: ExportOptions, to sink: OutputSink) throws {
        let vocabulary = try IRIMinter(base: options.base).vocabulary
        func all() throws -> [RDFTriple] {
            if let triples = source as? [RDFTriple] { return triples }
            var out = [RDFTriple]()
            try source.forEachTriple { out.append($0) }
            return out
        }
        switch format {
        case .rdfxml:
            if let file = source as? NTriplesFile {
                return try NTriplesToRDFXML.write(file, vocabulary: vocabulary, indent: options.indent, to: sink)
            }
            var serializer = RDFXMLSerializer(vocabulary: vocabulary, indent: options.indent)
            try serializer.write(source, to: sink)
        case .ntriples:
            try NTriplesSerializer.write(try all(), to: sink)
        case .turtle:
            try TurtleSerializer(vocabulary: vocabulary).write(RDFDescription.group(try all()), to: sink)
        case .graphml:
            if let file = source as? NTriplesFile {
                try RDFGraphMLWriter(options: options).write(ntriples: file, to: sink)
            } else if let ranged = source as? any RangedTripleSource {
                try RDFGraphMLWriter(options: options).write(source: ranged, to: sink)
            } else {
                try RDFGraphMLWriter(options: options).write(source: try all(), to: sink)
            }
        case .gexf:
            throw WriterError.unsupportedConversion("RDF input cannot be written as GEXF yet; choose graphml (Gephi reads it), rdfxml, ntriples or turtle")
        case .jsonl:
            throw WriterError.unsupportedConversion("RDF input cannot be written as a facts file (--format jsonl holds extracted facts); choose graphml, rdfxml, ntriples or turtle")
        case .svg, .html:
            throw WriterError.unsupportedConversion("RDF input cannot be drawn (--format \(format.rawValue) draws extracted entities and facts); choose graphml, rdfxml, ntriples or turtle")
        }
    }
}
