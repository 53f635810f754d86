package org.testfarm.tray;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.junit.jupiter.api.Test;
import org.testfarm.tray.FarmLook.Mood;

/** The window-less parts of the tray indicator: addresses, feeds, the farm's look, the icons. */
class TrayPartsTest {

    @Test
    void projectPageOrFeedAddressGivesBothFeedAndPage() {
        ProjectFeed fromPage = ProjectFeed.of("http://farm.example.org/tf/demo");
        ProjectFeed fromFeed = ProjectFeed.of("http://farm.example.org/tf/demo/testfarm-data.js");

        assertThat(fromPage).isEqualTo(fromFeed);
        assertThat(fromPage.feed()).isEqualTo(URI.create("http://farm.example.org/tf/demo/testfarm-data.js"));
        assertThat(fromPage.page()).isEqualTo(URI.create("http://farm.example.org/tf/demo/"));
        assertThatThrownBy(() -> ProjectFeed.of("ftp://farm.example.org/demo"))
                .hasMessage("'ftp://farm.example.org/demo' is not an http:// or https:// URL");
    }

    @Test
    void feedOfTheServerIsReadOverHttp() throws IOException {
        try (FeedServer server = new FeedServer("demo")) {
            server.serve(FeedServer.feed("demo", "linux"));

            ProjectSummary summary = new FeedReader(Duration.ofSeconds(5)).read(ProjectFeed.of(server.pageUrl("demo")));

            assertThat(summary.project()).isEqualTo("demo");
            assertThat(summary.clients()).extracting(ProjectSummary.Client::name, ProjectSummary.Client::status)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("linux", "red"),
                            org.assertj.core.groups.Tuple.tuple("mac", "green"));
            assertThat(summary.clients().get(0).failedTasks()).containsExactly("unit tests");
        }
    }

    @Test
    void unreachableOrForeignFeedIsAOneLineProblem() throws IOException {
        FeedReader reader = new FeedReader(Duration.ofSeconds(2));
        String closed;
        try (FeedServer server = new FeedServer("demo")) {
            closed = server.pageUrl("demo");
            server.serve("<html>not a feed</html>");
            assertThatThrownBy(() -> reader.read(ProjectFeed.of(closed)))
                    .isInstanceOf(IOException.class).hasMessageContaining("is not JSON");
            server.serve("{\"hello\": 1}");
            assertThatThrownBy(() -> reader.read(ProjectFeed.of(closed)))
                    .hasMessageEndingWith("is not a TestFarm feed: it has no clients");
        }
        assertThatThrownBy(() -> reader.read(ProjectFeed.of(closed)))
                .isInstanceOf(IOException.class).hasMessageContaining("is unreachable");
    }

    @Test
    void anyRedClientSetsTheFarmOnFireAndUnreadableFeedsGreyItOtherwise() {
        ProjectSummary green = new ProjectSummary("demo", List.of(
                new ProjectSummary.Client("linux", "green", "wait", List.of()),
                new ProjectSummary.Client("new", "int", "run", List.of())));
        ProjectSummary red = new ProjectSummary("other", List.of(
                new ProjectSummary.Client("win", "red", "wait", List.of("build", "tests"))));

        FarmLook calm = FarmLook.of(List.of(green), List.of());
        FarmLook burning = FarmLook.of(List.of(green, red), List.of("x is unreachable"));
        FarmLook grey = FarmLook.of(List.of(green), List.of("http://farm/other/testfarm-data.js is unreachable"));

        assertThat(calm.mood()).isEqualTo(Mood.CALM);
        assertThat(calm.tooltip()).isEqualTo("TestFarm: all 2 clients green");
        assertThat(burning.mood()).isEqualTo(Mood.BURNING);
        assertThat(burning.newlyRed(calm)).containsExactly("other/win");
        assertThat(burning.newlyRed(burning)).isEmpty();
        assertThat(burning.balloon("other/win")).isEqualTo("other/win is red: failed build, tests");
        assertThat(grey.mood()).isEqualTo(Mood.UNREACHABLE);
        assertThat(grey.tooltip()).isEqualTo("TestFarm: http://farm/other/testfarm-data.js is unreachable");
    }

    @Test
    void iconsOfTheThreeMoodsReadApartAtTraySizes() throws IOException {
        Path dir = Files.createDirectories(Path.of("target", "tray-icons"));
        for (int size : new int[] {16, 24, 32, 64}) {
            Map<Mood, BufferedImage> icons = Map.of(Mood.CALM, FarmIcon.render(Mood.CALM, size),
                    Mood.BURNING, FarmIcon.render(Mood.BURNING, size),
                    Mood.UNREACHABLE, FarmIcon.render(Mood.UNREACHABLE, size));
            for (Map.Entry<Mood, BufferedImage> icon : icons.entrySet()) {
                ImageIO.write(icon.getValue(), "png", dir.resolve(icon.getKey().name().toLowerCase() + "-" + size + ".png").toFile());
            }
            int pixels = size * size;
            assertThat(share(icons.get(Mood.CALM), TrayPartsTest::green)).as("green field, %d px", size).isGreaterThan(pixels / 10);
            assertThat(share(icons.get(Mood.CALM), TrayPartsTest::flame)).as("no fire when calm").isLessThan(pixels / 50);
            assertThat(share(icons.get(Mood.BURNING), TrayPartsTest::flame)).as("flames, %d px", size).isGreaterThan(pixels / 12);
            assertThat(share(icons.get(Mood.BURNING), TrayPartsTest::green)).isZero();
            assertThat(share(icons.get(Mood.UNREACHABLE), TrayPartsTest::coloured)).as("all grey").isZero();
        }
    }

    interface PixelTest {
        boolean test(Color c);
    }

    static int share(BufferedImage image, PixelTest test) {
        int n = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                Color c = new Color(image.getRGB(x, y), true);
                if (c.getAlpha() > 128 && test.test(c)) {
                    n++;
                }
            }
        }
        return n;
    }

    static boolean green(Color c) {
        return c.getGreen() > 120 && c.getGreen() > c.getRed() + 40 && c.getGreen() > c.getBlue() + 40;
    }

    static boolean flame(Color c) {
        return c.getRed() > 200 && c.getGreen() > 60 && c.getBlue() < 50; // the sun is bluer
    }

    static boolean coloured(Color c) {
        int max = Math.max(c.getRed(), Math.max(c.getGreen(), c.getBlue()));
        int min = Math.min(c.getRed(), Math.min(c.getGreen(), c.getBlue()));
        return max - min > 12;
    }
}
