package org.pipelinecrm.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How an uploaded file is read: a header row, quoted fields, CRLF or LF, in UTF-8 with or without a BOM. A file
 * that is not UTF-8 is read as Windows-1252 (Latin-1 and its superset) only when that reading is unambiguous,
 * and refused otherwise — never imported as garbled text. {@link #decode} is where more encodings would go.
 */
final class CsvFile {

    private static final CSVFormat FORMAT = CSVFormat.DEFAULT
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setAllowMissingColumnNames(true)
            .setIgnoreEmptyLines(true)
            .setTrim(true)
            .get();
    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    private CsvFile() {}

    static CSVParser parse(byte[] content) throws IOException {
        String text = decode(content);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        return CSVParser.parse(new StringReader(text), FORMAT);
    }

    /** The file's text: UTF-8, else Windows-1252 when its accented letters sit inside Latin words, else refused. */
    static String decode(byte[] content) {
        try {
            return strict(StandardCharsets.UTF_8, content);
        } catch (CharacterCodingException notUtf8) {
            if (latinWords(content)) {
                try {
                    return strict(WINDOWS_1252, content);
                } catch (CharacterCodingException notWindows1252) {
                    // a byte Windows-1252 leaves undefined: not that encoding either
                }
            }
            throw new ImportMappingException("encoding", "The file is not UTF-8; save it as UTF-8 and upload it again");
        }
    }

    private static String strict(Charset charset, byte[] content) throws CharacterCodingException {
        return charset.newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT)
                .decode(ByteBuffer.wrap(content))
                .toString();
    }

    /**
     * Whether every run of non-ASCII bytes is one or two long and touches an ASCII letter, as accents do in
     * "Müller" or "Café". Text in another 8-bit encoding (Arabic or Persian in Windows-1256, Cyrillic) has whole
     * words of such bytes and would read as nonsense Latin letters.
     */
    private static boolean latinWords(byte[] content) {
        int i = 0;
        while (i < content.length) {
            if (content[i] >= 0) {
                i++;
                continue;
            }
            int start = i;
            while (i < content.length && content[i] < 0) {
                i++;
            }
            boolean touchesLetter = start > 0 && Character.isLetter(content[start - 1])
                    || i < content.length && Character.isLetter(content[i]);
            if (i - start > 2 || !touchesLetter) {
                return false;
            }
        }
        return true;
    }
}
