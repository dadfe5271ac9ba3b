package dev.debrief.question.importing;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** The CSV layer alone: what a record becomes on export and what an import reads back. */
class CsvTest {

    @Test
    void shouldQuoteOnlyWhatNeedsItAndNeutraliseFormulas() {
        assertEquals("plain,\"a, comma\",\"say \"\"hi\"\"\",\"two\r\nlines\",'=1+1,'-x,''quoted,\r\n",
                Csv.line(java.util.Arrays.asList("plain", "a, comma", "say \"hi\"", "two\r\nlines", "=1+1", "-x", "'quoted", null)));
    }

    @Test
    void shouldReadBackExactlyWhatWasWritten() {
        List<String> fields = List.of("=HYPERLINK(\"x\")", "\tindented", "multi\nline, with comma", "@corp", "", "'q");
        List<List<String>> read = Csv.parse(Csv.line(fields) + "\r\n" + Csv.line(List.of("second")));
        assertEquals(2, read.size(), "the blank line between records is skipped");
        assertEquals(fields, read.get(0).stream().map(Csv::restore).toList());
        assertEquals(List.of("second"), read.get(1));
    }

    @Test
    void shouldRefuseAnUnterminatedQuotedField() {
        assertThrows(IllegalArgumentException.class, () -> Csv.parse("slug,title\r\na,\"never closed\r\n"));
    }
}
