package org.testfarm.spool;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SpoolTest {

    @TempDir
    Path dir;

    private Path file() {
        return dir.resolve("spool/client.spool");
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }

    private static List<String> drain(Spool spool) throws Exception {
        List<String> records = new ArrayList<>();
        for (Optional<byte[]> head = spool.head(); head.isPresent(); head = spool.head()) {
            records.add(new String(head.get(), StandardCharsets.UTF_8));
            spool.removeHead();
        }
        return records;
    }

    @Test
    void records_comeOutInTheOrderTheyWentIn() throws Exception {
        try (Spool spool = Spool.open(file())) {
            assertThat(spool.isEmpty()).isTrue();
            spool.append(bytes("one"));
            spool.append(bytes("two"));
            spool.append(new byte[0]);
            assertThat(spool.size()).isEqualTo(3);
            assertThat(drain(spool)).containsExactly("one", "two", "");
            assertThat(spool.isEmpty()).isTrue();
        }
    }

    @Test
    void reopening_keepsWhatWasNotRemoved_andNothingThatWas() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("delivered"));
            spool.append(bytes("waiting 1"));
            spool.append(bytes("waiting 2"));
            spool.removeHead();
        }
        try (Spool again = Spool.open(file())) {
            assertThat(again.recovery()).isEmpty();
            assertThat(again.size()).isEqualTo(2);
            again.append(bytes("new"));
            assertThat(drain(again)).containsExactly("waiting 1", "waiting 2", "new");
        }
    }

    @Test
    void allDelivered_leavesAnEmptyFile_andNoReadOffset() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("x"));
            spool.append(bytes("y"));
            drain(spool);
        }
        assertThat(file()).isEmptyFile();
        assertThat(dir.resolve("spool/client.spool.read")).doesNotExist();
    }

    @Test
    void tornLastRecord_isCutOff_atEveryLength_andTheRecordsBeforeItKept() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("kept"));
            spool.append(bytes("torn record"));
        }
        byte[] whole = Files.readAllBytes(file());
        int firstEnd = Spool.HEADER + 4;
        for (int cut = firstEnd + 1; cut < whole.length; cut++) {
            Files.write(file(), java.util.Arrays.copyOf(whole, cut));
            try (Spool spool = Spool.open(file())) {
                assertThat(spool.recovery()).as("cut at %d", cut).get().asString().contains("torn or damaged");
                assertThat(drain(spool)).as("cut at %d", cut).containsExactly("kept");
            }
        }
    }

    @Test
    void damagedLastRecord_failsItsChecksum_andIsCutOff() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("kept"));
            spool.append(bytes("flipped"));
        }
        byte[] data = Files.readAllBytes(file());
        data[data.length - 1] ^= 0x20;
        Files.write(file(), data);

        try (Spool spool = Spool.open(file())) {
            assertThat(spool.recovery()).isPresent();
            assertThat(drain(spool)).containsExactly("kept");
        }
    }

    @Test
    void readOffsetThatIsNoRecordBoundary_sendsEverythingAgain_ratherThanLoseAny() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("first"));
            spool.append(bytes("second"));
        }
        Files.writeString(dir.resolve("spool/client.spool.read"), "3\n");

        try (Spool spool = Spool.open(file())) {
            assertThat(drain(spool)).containsExactly("first", "second");
        }
    }

    @Test
    void garbageAppendedByHand_isCutOff() throws Exception {
        try (Spool spool = Spool.open(file())) {
            spool.append(bytes("kept"));
        }
        Files.writeString(file(), "not a record at all, much longer than a header", StandardOpenOption.APPEND);

        try (Spool spool = Spool.open(file())) {
            assertThat(drain(spool)).containsExactly("kept");
        }
    }
}
