package org.testfarm.server.cli;

import java.io.IOException;
import java.nio.file.Path;
import java.util.concurrent.Callable;

import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.Spec;

import org.testfarm.server.site.Site;
import org.testfarm.server.site.StaticSite;
import org.testfarm.state.FarmState;
import org.testfarm.store.LogStore;
import org.testfarm.store.StoreOptions;

/**
 * {@code generate LOGS OUTDIR}: writes the farm's web site as static files, reading
 * the log tree without changing it; run again, it rewrites only what changed.
 */
@Command(name = "generate", mixinStandardHelpOptions = true,
        description = {"Write the web site of a log tree as static files (HTML, PNG, JSON, feeds).",
            "The tree is only read. Run it again to update the site: only changed files are rewritten."})
final class GenerateCommand implements Callable<Integer> {

    @Parameters(index = "0", paramLabel = "LOGS", description = "The log directory (read only).")
    Path logs;

    @Parameters(index = "1", paramLabel = "OUTDIR", description = "Where to write the site (created if missing).")
    Path outdir;

    @Option(names = "--base-url", paramLabel = "URL",
            description = "The address the site is published at, for absolute links in cc.xml and feed.atom.")
    String baseUrl = "";

    @Option(names = "--threads", paramLabel = "N", description = "Files rendered in parallel (default: the CPUs).")
    int threads = Runtime.getRuntime().availableProcessors();

    @Option(names = "--full", description = "Check every execution and page again, not only what may have changed.")
    boolean full;

    @Option(names = "--watch", description = {"Keep running and bring the site up to date every --interval seconds,"
            + " holding the index and manifest in memory; stop with Ctrl-C."})
    boolean watch;

    @Option(names = "--interval", paramLabel = "SECONDS", defaultValue = "10",
            description = "With --watch: seconds between two generations (default: ${DEFAULT-VALUE}).")
    int interval;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws IOException {
        String base = baseUrl.isBlank() || baseUrl.endsWith("/") ? baseUrl.strip() : baseUrl.strip() + "/";
        if (!base.isEmpty() && !base.matches("(?i)https?://\\S+")) {
            throw new ParameterException(spec.commandLine(), "--base-url must be an http(s) address, not " + baseUrl);
        }
        if (interval < 1 || interval > 86_400) {
            throw new ParameterException(spec.commandLine(), "--interval must be 1 to 86400 seconds, not " + interval);
        }
        try (LogStore store = LogStore.openReadOnly(logs, StoreOptions.defaults())) {
            Site site = new Site(new FarmState(store), Integer.MAX_VALUE);
            StaticSite generator = new StaticSite(site, outdir, base, threads).full(full);
            print(generator.generate());
            generator.full(false);
            while (watch) {
                try {
                    Thread.sleep(interval * 1000L);
                } catch (InterruptedException e) {
                    return 0;
                }
                try {
                    StaticSite.Report report = generator.generate();
                    if (report.written() + report.removed() > 0) {
                        print(report);
                    }
                } catch (IOException | RuntimeException e) {
                    if (Thread.currentThread().isInterrupted()) {
                        return 0; // stopped while generating: the next run finishes the job
                    }
                    // a full disk or a file another program holds: the next round tries again
                    spec.commandLine().getErr().printf("Generation failed, trying again in %d s: %s%n", interval, e);
                }
            }
        }
        return 0;
    }

    private void print(StaticSite.Report report) {
        spec.commandLine().getOut().printf("Generated %s: %d files written, %d unchanged, %d removed in %d ms%n",
                outdir.toAbsolutePath().normalize(), report.written(), report.unchanged(), report.removed(),
                report.took().toMillis());
        spec.commandLine().getOut().flush();
    }
}
