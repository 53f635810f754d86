package org.testfarm.server.robust;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A server killed with SIGKILL leaves its {@code testfarm-tomcat-*} work folder in
 * the temporary directory; the next server to start removes it, and never the
 * folder of a server still running.
 */
@Timeout(300)
class KilledServerWorkFolderTest {

    @Test
    void theNextStartRemovesTheFolderOfAKilledServerAndKeepsThatOfARunningOne(@TempDir Path tmp) throws Exception {
        ServerProcess killed = ServerProcess.start(tmp.resolve("logs-1"), tmp);
        List<Path> left = workFolders(tmp);
        assertThat(left).as("the first server's work folder").hasSize(1);
        killed.kill();
        assertThat(workFolders(tmp)).as("after SIGKILL").isEqualTo(left);

        try (ServerProcess running = ServerProcess.start(tmp.resolve("logs-2"), tmp)) {
            List<Path> runnings = workFolders(tmp);
            assertThat(runnings).as("the killed server's folder is gone, the new one's is there").hasSize(1)
                    .doesNotContainAnyElementsOf(left);
            try (ServerProcess another = ServerProcess.start(tmp.resolve("logs-3"), tmp)) {
                assertThat(workFolders(tmp)).as("a running server's folder is kept").hasSize(2)
                        .containsAll(runnings);
                HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                        URI.create("http://127.0.0.1:" + running.port() + "/testfarmservice/api")).build(),
                        HttpResponse.BodyHandlers.ofString());
                assertThat(answer.statusCode()).as("the running server still answers").isEqualTo(200);
                another.kill();
            }
            running.kill();
        }
        try (ServerProcess last = ServerProcess.start(tmp.resolve("logs-4"), tmp)) {
            assertThat(workFolders(tmp)).as("after two more kills, only the running server's folder").hasSize(1);
        }
    }

    private static List<Path> workFolders(Path tmp) throws Exception {
        try (Stream<Path> children = Files.list(tmp)) {
            return children.filter(child -> child.getFileName().toString().startsWith("testfarm-tomcat-"))
                    .sorted().toList();
        }
    }
}
