import Testing
@testable import KBXML

@Suite struct XMLTextTests {
    @Test func sanitizeRemovesAndCountsIllegalCharacters() {
        let input = "a\u{0}b\u{1}\u{8}c\u{B}\u{C}d\u{1B}e\u{1F}f\u{FFFE}g\u{FFFF}h"
        let (text, removed) = XMLText.sanitize(input)
        #expect(text == "abcdefgh")
        #expect(removed == 9)
    }

    @Test func sanitizeKeepsLegalCharacters() {
        var input = "tab\t lf\n cr\r محمود عباس \u{D7FF}\u{E000}\u{FFFD}\u{10000}\u{10FFFF} 😀"
        input.unicodeScalars.append(Unicode.Scalar(0xFDD0)!)     // a non-character, but an XML Char
        let (text, removed) = XMLText.sanitize(input)
        #expect(text == input)
        #expect(removed == 0)
    }

    @Test func xmlChar() {
        for v: UInt32 in [0x9, 0xA, 0xD, 0x20, 0xD7FF, 0xE000, 0xFFFD, 0x10000, 0x10FFFF] {
            #expect(XMLText.isXMLChar(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
        for v: UInt32 in [0x0, 0x1, 0x8, 0xB, 0xC, 0xE, 0x1F, 0xFFFE, 0xFFFF] {
            #expect(!XMLText.isXMLChar(Unicode.Scalar(v)!), "U+\(String(v, radix: 16))")
        }
    }

    @Test func ncName() {
        for ok in ["a", "_x", "node-1", "a.b", "محمود", "x\u{B7}y", "é"] { #expect(XMLText.isNCName(ok), "\(ok)") }
        for bad in ["", "1a", "-a", ".a", "a:b", ":a", "a b", "a\u{1B}", "a/b"] { #expect(!XMLText.isNCName(bad), "\(bad)") }
    }

    @Test func qName() {
        for ok in ["rdf:Description", "graphml", "xml:lang", "a_b:c-d"] { #expect(XMLText.isQName(ok), "\(ok)") }
        for bad in ["", ":a", "a:", "a:b:c", "1:a", "a:1", "a b"] { #expect(!XMLText.isQName(bad), "\(bad)") }
    }

    @Test func nmToken() {
        for ok in ["1", "-x", "a:b", ".", "n0", "٣"] { #expect(XMLText.isNMToken(ok), "\(ok)") }
        for bad in ["", "a b", "a/b", "a\u{0}"] { #expect(!XMLText.isNMToken(bad), "\(bad)") }
    }
}
