package org.pipelinecrm.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/** How an uploaded file is read: UTF-8 with or without a BOM, a header row, quoted fields, CRLF or LF. */
final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true).setIgnoreEmptyLines(true).setTrim(true).get();

    private CsvFile() {
    }

    static CSVParser parse(byte[] content) throws IOException {
        String text = new String(content, StandardCharsets.UTF_8);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVParser.parse(new StringReader(text), FORMAT);
    }
}
