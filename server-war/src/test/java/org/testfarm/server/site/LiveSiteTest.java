package org.testfarm.server.site;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

class LiveSiteTest {

    @Test
    void requestsArrivingTogetherForAnUncachedPageShareOneRender() throws Exception {
        try (LogStore store = LogStore.openReadOnly(StaticSiteTest.upstream(),
                StoreOptions.defaults().withClock(StaticSiteTest.MARCH_5_2013))) {
            LiveSite live = new LiveSite(new Site(new FarmState(store), 100), 1 << 20);
            PagePath history = live.resolve(List.of("myproject", "history.html")).orElseThrow();
            int threads = 8;
            CyclicBarrier together = new CyclicBarrier(threads);
            ExecutorService pool = Executors.newFixedThreadPool(threads);
            try {
                List<Future<LiveSite.Served>> answers = new ArrayList<>();
                for (int i = 0; i < threads; i++) {
                    answers.add(pool.submit(() -> {
                        together.await();
                        return live.serve(history, "");
                    }));
                }
                byte[] first = answers.get(0).get().body();
                for (Future<LiveSite.Served> answer : answers) {
                    assertThat(answer.get().body()).isSameAs(first);
                    assertThat(answer.get().etag()).isEqualTo(live.etag(history, ""));
                }
            } finally {
                pool.shutdownNow();
            }
        }
    }

    @Test
    void theCacheDropsTheLeastRecentlyUsedFilesPastItsLimit() {
        PageCache cache = new PageCache(1000);
        cache.put("a", 1, new Rendered(new byte[200], "text/html"));
        cache.put("b", 1, new Rendered(new byte[200], "text/html"));
        cache.put("c", 1, new Rendered(new byte[200], "text/html"));
        assertThat(cache.get("a", 1)).isNotNull(); // a is now used more recently than b
        assertThat(cache.get("a", 2)).isNull(); // another fingerprint: not that file

        cache.put("d", 1, new Rendered(new byte[200], "text/html"));
        cache.put("e", 1, new Rendered(new byte[200], "text/html"));
        cache.put("f", 1, new Rendered(new byte[200], "text/html"));

        assertThat(cache.bytes()).isLessThanOrEqualTo(1000);
        assertThat(cache.get("b", 1)).isNull();
        assertThat(cache.get("a", 1)).isNotNull();
        assertThat(cache.get("f", 1)).isNotNull();
        cache.put("huge", 1, new Rendered(new byte[300], "text/html"));
        assertThat(cache.get("huge", 1)).as("over a quarter of the limit").isNull();
    }
}
