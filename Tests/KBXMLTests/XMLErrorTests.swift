import Testing
@testable import KBXML

@Suite struct XMLErrorTests {
    @Test func descriptionsNameTheCauseAndKeepLines() {
        #expect("\(XMLError.writer(function: "xmlTextWriterEndElement", code: -1))"
            == "xmlTextWriterEndElement failed (return code -1)")
        #expect("\(XMLError.closedPipe)" == "broken pipe")
        #expect("\(XMLError.invalidName("1a"))" == #"invalid XML name "1a""#)
        let messages = [ValidationMessage(line: 3, message: "bad"), ValidationMessage(line: 0, message: "worse")]
        #expect("\(XMLError.schema(path: "s.xsd", messages: messages))" == "cannot load schema s.xsd:\n  line 3: bad\n  line 0: worse")
        #expect("\(XMLError.parse(path: "d.xml", messages: []))" == "d.xml is not well-formed XML")
    }
}
