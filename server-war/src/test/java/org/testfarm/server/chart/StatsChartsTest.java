package org.testfarm.server.chart;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfarm.event.ClientRef;
import org.testfarm.store.LogStore;
import org.testfarm.store.StatsSeries;
import org.testfarm.store.StoreOptions;

class StatsChartsTest {

    static final ClientRef CLIENT = new ClientRef("proj", "linux");

    @Test
    void aLongSeriesKeepsItsSpikeAndItsDipInThePlotAndTheThumbnail(@TempDir Path logs) throws IOException {
        // 1,000 executions: more points than the plot has pixel columns
        StatsSeries stats = stats(logs, 1000, 400, 700);

        BufferedImage plot = image(StatsCharts.chart(stats, "tests", 0));
        assertThat(plot.getWidth()).isEqualTo(StatsCharts.WIDTH);
        assertThat(plot.getHeight()).isEqualTo(StatsCharts.HEIGHT);
        int[] rows = lineRows(plot);
        int flat = mostCommonLineRow(plot);
        // the one execution at 200 and the one at 0 still reach far above and below the flat line at 100
        assertThat(rows[0]).isLessThan(flat - 60);
        assertThat(rows[1]).isGreaterThan(flat + 60);

        BufferedImage thumb = image(StatsCharts.thumbnail(stats));
        assertThat(thumb.getWidth()).isEqualTo(StatsCharts.THUMB_WIDTH);
        assertThat(thumb.getHeight()).isEqualTo(StatsCharts.THUMB_HEIGHT);
        int[] thumbRows = lineRows(thumb);
        assertThat(thumbRows[0]).isLessThan(8);
        assertThat(thumbRows[1]).isGreaterThan(StatsCharts.THUMB_HEIGHT - 8);
    }

    @Test
    void aShortSeriesIsDrawnToo(@TempDir Path logs) throws IOException {
        StatsSeries stats = stats(logs, 12, 3, 9);

        int[] rows = lineRows(image(StatsCharts.chart(stats, "tests", 0)));
        assertThat(rows[1] - rows[0]).isGreaterThan(100);
        int[] thumbRows = lineRows(image(StatsCharts.thumbnail(stats)));
        assertThat(thumbRows[1] - thumbRows[0]).isGreaterThan(StatsCharts.THUMB_HEIGHT - 16);
    }

    /** A {@code stats} file as upstream writes it: "tests" at 100, but 200 at {@code spike} and 0 at {@code dip}. */
    private static StatsSeries stats(Path logs, int executions, int spike, int dip) throws IOException {
        Path client = Files.createDirectories(logs.resolve(CLIENT.project()).resolve(CLIENT.client()));
        StringBuilder lines = new StringBuilder();
        LocalDateTime start = LocalDateTime.of(2026, 1, 1, 8, 0);
        for (int i = 0; i < executions; i++) {
            String id = start.plusHours(2L * i).format(DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss"));
            int value = i == spike ? 200 : i == dip ? 0 : 100;
            lines.append("('").append(id).append("', 'tests', ").append(value).append("),\n");
        }
        Files.writeString(client.resolve("stats"), lines);
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            StatsSeries series = store.stats(CLIENT);
            assertThat(series.series("tests")).hasSize(executions);
            return series;
        }
    }

    private static BufferedImage image(byte[] png) throws IOException {
        assertThat(png).startsWith(0x89, 'P', 'N', 'G');
        return ImageIO.read(new ByteArrayInputStream(png));
    }

    /** The first key's line is blue: the highest and the lowest row holding a clearly blue pixel. */
    private static int[] lineRows(BufferedImage image) {
        int top = Integer.MAX_VALUE;
        int bottom = -1;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                if (blue(image.getRGB(x, y))) {
                    top = Math.min(top, y);
                    bottom = Math.max(bottom, y);
                }
            }
        }
        assertThat(bottom).as("no line drawn").isGreaterThanOrEqualTo(0);
        return new int[] {top, bottom};
    }

    private static int mostCommonLineRow(BufferedImage image) {
        int best = -1;
        int bestCount = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            int count = 0;
            for (int x = 0; x < image.getWidth(); x++) {
                count += blue(image.getRGB(x, y)) ? 1 : 0;
            }
            if (count > bestCount) {
                best = y;
                bestCount = count;
            }
        }
        return best;
    }

    private static boolean blue(int rgb) {
        int r = (rgb >> 16) & 0xff;
        int b = rgb & 0xff;
        return b - r > 80;
    }
}
