package org.autocrm.query.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class CsvTableTest {

    @Test
    void writesAHeaderAndOneCrlfTerminatedLinePerRow() {
        String csv = CsvTable.write(List.of("group", "created"), List.of(List.of("alex", 2), List.of("bob", 1)));

        assertThat(csv).isEqualTo("group,created\r\nalex,2\r\nbob,1\r\n");
    }

    @Test
    void quotesFieldsWithCommasQuotesAndLineBreaksAndDoublesTheQuotes() {
        assertThat(CsvTable.field("Smith, Jane")).isEqualTo("\"Smith, Jane\"");
        assertThat(CsvTable.field("the \"VIP\" desk")).isEqualTo("\"the \"\"VIP\"\" desk\"");
        assertThat(CsvTable.field("two\nlines")).isEqualTo("\"two\nlines\"");
        assertThat(CsvTable.field("cr\rhere")).isEqualTo("\"cr\rhere\"");
        assertThat(CsvTable.field("plain")).isEqualTo("plain");
    }

    @Test
    void writesAMissingFigureAsAnEmptyField() {
        String csv = CsvTable.write(List.of("group", "median"), List.of(Arrays.asList("bob", null)));

        assertThat(csv).isEqualTo("group,median\r\nbob,\r\n");
    }

    @Test
    void writesTextASpreadsheetWouldRunAsAFormulaAsPlainText() {
        assertThat(CsvTable.field("=HYPERLINK(\"http://evil.example\",\"click\")"))
                .isEqualTo("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\")\"");
        assertThat(CsvTable.field("+1 555 0100")).isEqualTo("'+1 555 0100");
        assertThat(CsvTable.field("-cmd|' /C calc'!A0")).isEqualTo("'-cmd|' /C calc'!A0");
        assertThat(CsvTable.field("@SUM(A1)")).isEqualTo("'@SUM(A1)");
        assertThat(CsvTable.field("\tindented")).isEqualTo("'\tindented");
        assertThat(CsvTable.field(-3)).isEqualTo("-3");
        assertThat(CsvTable.field(-0.5)).isEqualTo("-0.5");
    }
}
