package org.testfarm.store;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionRef;
import org.testfarm.literal.PyLiteral;
import org.testfarm.literal.PyTuple;

/** The write-ahead log's records and lines, built by hand for speed, are what the general formatter would write. */
class RecordLiteralTest {

    @Test
    void aRecordIsTheLiteralOfTheFiveTuple() {
        ExecutionRef ref = new ExecutionRef("example project", "l'inux \u00e9", "20261126-120000");
        for (ExecutionEvent event : List.of(new ExecutionEvent.TaskStarted(1, "build \"it\""),
                new ExecutionEvent.CommandEnded(1, 2, "out\n\u001b[31m", false, null, Map.of("tests", 3L)),
                new ExecutionEvent.ExecutionEnded(null, "20261126-130000"))) {
            Object tuple = EventTuples.toTuple(event);
            String literal = Recovery.recordLiteral(ref, 41, PyLiteral.format(tuple));
            assertThat(literal).isEqualTo(PyLiteral.format(
                    PyTuple.of(ref.project(), ref.client(), ref.execution(), 41L, tuple)));
            PyTuple parsed = (PyTuple) PyLiteral.parse(literal);
            assertThat(parsed.items().subList(0, 4)).containsExactly(ref.project(), ref.client(), ref.execution(), 41L);
            assertThat(EventTuples.fromTuple(parsed.items().get(4))).isEqualTo(event);
        }
    }

    @Test
    void aCommandsStatsKeepTheirNumbersInOrder_otherValuesAreLeftOut() {
        Object tuple = PyLiteral.parse("('endCommand', 1, 2, 'out', True, None,"
                + " {'tests': 12, 'ratio': 0.5, 'ok': True, 'name': 'x', 3: 4, 'none': None})");
        ExecutionEvent.CommandEnded ended = (ExecutionEvent.CommandEnded) EventTuples.fromTuple(tuple);
        assertThat(ended.stats()).containsExactly(Map.entry("tests", 12L), Map.entry("ratio", 0.5), Map.entry("3", 4L));
    }

    @Test
    void aLineStartsWithItsChecksumInEightLowerCaseHexDigits() {
        for (String literal : List.of("('startTask', 1, 'x')", "", "'\u00e9'")) {
            byte[] line = JournalLine.encode(literal);
            java.util.zip.CRC32C crc = new java.util.zip.CRC32C();
            crc.update(literal.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            assertThat(new String(line, 0, 9, java.nio.charset.StandardCharsets.US_ASCII))
                    .isEqualTo(String.format("%08x ", crc.getValue()));
            assertThat(JournalLine.decode(line, 0, line.length - 1)).isEqualTo(literal);
        }
    }
}
