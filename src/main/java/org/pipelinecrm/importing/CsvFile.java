package org.pipelinecrm.importing;

import java.io.IOException;
import java.io.StringReader;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;

/**
 * How an uploaded file is read, as people save them: a header row, quoted fields (newlines inside quotes too),
 * CRLF or LF, separated by commas, semicolons (spreadsheets in many locales) or tabs, in UTF-8 with or without
 * a BOM, UTF-16 (with a BOM, or told by its zero bytes), Windows-1256 (Persian and Arabic from older Excel) or
 * Windows-1252. The encoding is detected unless the importer names it; a file whose encoding cannot be told for
 * sure is refused, never imported as garbled text.
 */
final class CsvFile {

    /** The encodings the importer may name; {@code auto} (or none) detects. */
    static final List<String> ENCODINGS = List.of("auto", "UTF-8", "UTF-16", "windows-1256", "windows-1252");

    private static final Charset WINDOWS_1252 = Charset.forName("windows-1252");
    private static final Charset WINDOWS_1256 = Charset.forName("windows-1256");

    private CsvFile() {}

    static CSVParser parse(byte[] content) throws IOException {
        return parse(content, null);
    }

    static CSVParser parse(byte[] content, String encoding) throws IOException {
        String text = decode(content, encoding);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        CSVFormat format = CSVFormat.DEFAULT
                .builder()
                .setDelimiter(separator(text))
                .setHeader()
                .setSkipHeaderRecord(true)
                .setAllowMissingColumnNames(true)
                .setIgnoreEmptyLines(true)
                .setTrim(true)
                .get();
        return CSVParser.parse(new StringReader(text), format);
    }

    /** The separator its header row uses most, outside quotes: comma, semicolon or tab. */
    static char separator(String text) {
        int commas = 0;
        int semicolons = 0;
        int tabs = 0;
        boolean quoted = false;
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '"') {
                quoted = !quoted;
            } else if (!quoted && (c == '\n' || c == '\r')) {
                break;
            } else if (!quoted && c == ',') {
                commas++;
            } else if (!quoted && c == ';') {
                semicolons++;
            } else if (!quoted && c == '\t') {
                tabs++;
            }
        }
        if (tabs > commas && tabs >= semicolons) {
            return '\t';
        }
        return semicolons > commas ? ';' : ',';
    }

    static String decode(byte[] content) {
        return decode(content, null);
    }

    /** The file's text in the named encoding, or in the one its bytes tell; refused when neither works. */
    static String decode(byte[] content, String encoding) {
        if (encoding != null && !encoding.isBlank() && !"auto".equalsIgnoreCase(encoding)) {
            Charset charset = named(encoding);
            if (charset.equals(StandardCharsets.UTF_16) && bom(content) == null && utf16WithoutBom(content) != null) {
                charset = utf16WithoutBom(content); // no BOM to tell the byte order: the zero bytes tell it
            }
            try {
                return strict(charset, content);
            } catch (CharacterCodingException e) {
                throw new ImportMappingException(
                        "notInEncoding",
                        "The file is not in " + charset.name() + "; choose another encoding or let it be detected",
                        charset.name());
            }
        }
        Charset bom = bom(content);
        if (bom != null) {
            try {
                return strict(bom, content);
            } catch (CharacterCodingException e) {
                throw unknownEncoding();
            }
        }
        Charset utf16 = utf16WithoutBom(content);
        if (utf16 != null) {
            try {
                return strict(utf16, content);
            } catch (CharacterCodingException e) {
                throw unknownEncoding();
            }
        }
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
            try {
                String arabic = strict(WINDOWS_1256, content);
                if (arabicScript(arabic)) {
                    return persian(arabic);
                }
            } catch (CharacterCodingException notWindows1256) {
                // not that one either
            }
            throw unknownEncoding();
        }
    }

    private static Charset named(String encoding) {
        String name = encoding.trim();
        if (ENCODINGS.stream().noneMatch(e -> e.equalsIgnoreCase(name))) {
            throw new ImportMappingException(
                    "unknownEncoding",
                    "Unknown encoding " + name + "; the encodings are " + String.join(", ", ENCODINGS),
                    name);
        }
        return Charset.forName(name);
    }

    private static ImportMappingException unknownEncoding() {
        return new ImportMappingException(
                "encoding", "The encoding of the file cannot be told for sure; choose it or save the file as UTF-8");
    }

    private static Charset bom(byte[] b) {
        if (b.length >= 3 && (b[0] & 0xFF) == 0xEF && (b[1] & 0xFF) == 0xBB && (b[2] & 0xFF) == 0xBF) {
            return StandardCharsets.UTF_8;
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFF && (b[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16; // reads the BOM and drops it
        }
        if (b.length >= 2 && (b[0] & 0xFF) == 0xFE && (b[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16;
        }
        return null;
    }

    /** UTF-16 without a BOM: the header's ASCII letters leave every other byte zero. */
    private static Charset utf16WithoutBom(byte[] b) {
        int n = Math.min(b.length, 200) & ~1;
        if (n < 4) {
            return null;
        }
        int evenZeros = 0;
        int oddZeros = 0;
        for (int i = 0; i < n; i += 2) {
            evenZeros += b[i] == 0 ? 1 : 0;
            oddZeros += b[i + 1] == 0 ? 1 : 0;
        }
        int pairs = n / 2;
        if (oddZeros * 10 >= pairs * 7 && evenZeros * 10 < pairs) {
            return StandardCharsets.UTF_16LE;
        }
        if (evenZeros * 10 >= pairs * 7 && oddZeros * 10 < pairs) {
            return StandardCharsets.UTF_16BE;
        }
        return null;
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

    /**
     * Windows-1256 has no Persian yeh and old keyboards typed the Arabic kaf: in a Persian text (one with a letter
     * only Persian uses: پ چ ژ گ) they are written as Persian, so that names match and search finds them.
     */
    private static String persian(String text) {
        if (text.chars().noneMatch(c -> c == '\u067E' || c == '\u0686' || c == '\u0698' || c == '\u06AF')) {
            return text;
        }
        return text.replace('\u064A', '\u06CC').replace('\u0649', '\u06CC').replace('\u0643', '\u06A9');
    }

    /** Whether nearly all of the text's non-ASCII letters are Arabic script, as Persian read as Windows-1256 is. */
    private static boolean arabicScript(String text) {
        int letters = 0;
        int arabic = 0;
        for (int i = 0; i < text.length(); ) {
            int c = text.codePointAt(i);
            i += Character.charCount(c);
            if (c > 127 && Character.isLetter(c)) {
                letters++;
                if (Character.UnicodeScript.of(c) == Character.UnicodeScript.ARABIC) {
                    arabic++;
                }
            }
        }
        return letters > 0 && arabic * 10 >= letters * 9;
    }
}
