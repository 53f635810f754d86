package org.testfarm.server.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.index.IndexFile;
import org.testfarm.server.page.HistoryPage;
import org.testfarm.state.Outcome;
import org.testfarm.store.LogStore;

/**
 * Writes a farm's web site as static files that work from {@code file://} and any
 * web server (every link is relative). Incremental: a file is rendered and
 * written only when its fingerprint differs from the manifest's, each through a
 * temporary file renamed into place, so a reader never sees half a page; files
 * the site no longer has are removed.
 */
public final class StaticSite {

    static final String STATE_DIR = ".testfarm-site";

    /** What a generation did. */
    public record Report(int written, int unchanged, int removed, Duration took) {
    }

    private final Site site;
    private final Path out;
    private final String base;
    private final int threads;
    private boolean full;
    /** The manifest this object saved last and the stamp of its file then: a resident generator does not read it back. */
    private Manifest kept;
    private long keptStamp;
    /** The stamp of the index file as this object saved it last, 0 if it must be loaded. */
    private long indexStamp;
    /** The folders made (or found) during this generation: each is created once, not for every file. */
    private final Set<Path> folders = java.util.concurrent.ConcurrentHashMap.newKeySet();
    /** Per client, a listing and its details pages' files ({@link #detailsNames}). */
    private final Map<ClientRef, Map.Entry<List<String>, String[]>> detailsNames =
            new java.util.concurrent.ConcurrentHashMap<>();

    /** @param base the site's absolute address ending in '/' for feeds, or "" */
    public StaticSite(Site site, Path out, String base, int threads) {
        this.site = site;
        this.out = out.toAbsolutePath().normalize();
        this.base = base;
        this.threads = Math.max(1, threads);
    }

    /**
     * Checks everything again: the files of every execution, and that every page
     * is still in the output folder. Without it, a generation trusts what the last
     * one saw of finished executions (they do not change once ended) and of the
     * details pages it wrote.
     */
    public StaticSite full(boolean value) {
        full = value;
        return this;
    }

    public Report generate() throws IOException {
        long start = System.nanoTime();
        Path state = Files.createDirectories(out.resolve(STATE_DIR));
        Path manifestFile = state.resolve("manifest");
        Path indexFile = state.resolve("index");
        // generating again, this object still holds what it wrote last unless someone else wrote since
        Manifest previous = kept != null && stamp(manifestFile) == keptStamp ? kept
                : Manifest.load(manifestFile, Site.GENERATOR);
        kept = null;
        Manifest next = new Manifest();
        if (indexStamp == 0 || stamp(indexFile) != indexStamp) {
            IndexFile.load(site.index(), indexFile);
        }
        indexStamp = 0;
        site.index().trustFinished(!full);
        site.index().beginPass();
        AtomicInteger written = new AtomicInteger();
        AtomicInteger unchanged = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, r -> {
            Thread thread = new Thread(r, "testfarm-generate");
            thread.setDaemon(true);
            return thread;
        });
        try {
            Generation generation = new Generation(previous, next, written, unchanged, pool);
            renderAll(generation, indexFile);
        } finally {
            stop(pool);
        }
        int removed = removeStale(previous, next);
        next.save(manifestFile, Site.GENERATOR);
        kept = next;
        keptStamp = stamp(manifestFile);
        indexStamp = stamp(indexFile);
        return new Report(written.get(), unchanged.get(), removed, Duration.ofNanos(System.nanoTime() - start));
    }

    private void renderAll(Generation generation, Path indexFile) throws IOException {
        LogStore store = site.index().store();
        // clients first: each execution is read once, on the thread that writes its details page;
        // the pages over a whole project then find every summary in the index
        List<Runnable> clients = new ArrayList<>();
        clients.add(() -> PagePath.ASSETS.forEach(a -> generation.file(PagePath.asset(a), null)));
        List<String> published = site.projects();
        for (String project : published) {
            for (String client : store.clients(project)) {
                ClientRef ref = new ClientRef(project, client);
                clients.add(() -> clientFiles(generation, ref));
            }
        }
        await(submit(generation.pool, clients));
        List<Runnable> projects = new ArrayList<>();
        // every execution has been read: the index is saved on one thread while the other starts on the projects
        projects.add(() -> {
            try {
                IndexFile.save(site.index(), indexFile);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        });
        projects.add(() -> {
            generation.file(PagePath.root(), null);
            generation.file(PagePath.rootCcTray(), null);
        });
        for (String project : published) {
            projectFiles(project).forEach(path -> projects.add(() -> generation.file(path, null)));
        }
        // plots still being drawn render beside the project's pages: they do not depend on each other
        await(submit(generation.pool, projects));
        await(generation.later);
    }

    /** Size and modification time of a file folded together, 0 if it is missing. */
    private static long stamp(Path file) {
        try {
            java.nio.file.attribute.BasicFileAttributes attributes =
                    Files.readAttributes(file, java.nio.file.attribute.BasicFileAttributes.class);
            return attributes.size() * 31 + attributes.lastModifiedTime().to(java.util.concurrent.TimeUnit.NANOSECONDS) | 1;
        } catch (IOException e) {
            return 0;
        }
    }

    /** The files over a whole project, each its own job: the history of a busy project has many months. */
    private List<PagePath> projectFiles(String project) {
        List<PagePath> files = new ArrayList<>();
        for (PagePath.Kind kind : List.of(PagePath.Kind.SUMMARY, PagePath.Kind.HISTORY, PagePath.Kind.SUMMARY_JSON,
                PagePath.Kind.SUMMARY_JSONP, PagePath.Kind.CCTRAY, PagePath.Kind.ATOM)) {
            files.add(PagePath.of(kind, project));
        }
        HistoryPage.months(site.index(), project).forEach(m -> files.add(PagePath.month(project, m)));
        return files;
    }

    private void clientFiles(Generation generation, ClientRef client) {
        generation.file(PagePath.of(PagePath.Kind.BADGE, client), null);
        if (generation.file(PagePath.of(PagePath.Kind.STATS, client), null)) {
            for (PagePath.Kind kind : List.of(PagePath.Kind.STATS_JSON, PagePath.Kind.STATS_CSV)) {
                generation.file(PagePath.of(kind, client), null);
            }
            int keys = site.stats(client).keys().size();
            List<PagePath> images = new ArrayList<>();
            if (keys > 0) {
                images.add(PagePath.of(PagePath.Kind.STATS_THUMB, client));
            }
            for (int n = 1; n <= keys; n++) {
                images.add(PagePath.chart(client, n));
            }
            // each image its own job: a client's plots are drawn side by side, and beside its pages
            images.forEach(image -> generation.later.add(generation.pool.submit(() -> generation.file(image, null))));
        } else {
            generation.keepAll(List.of(PagePath.Kind.STATS_JSON, PagePath.Kind.STATS_CSV, PagePath.Kind.STATS_THUMB)
                    .stream().map(kind -> PagePath.of(kind, client)).toList());
            for (int n = 1; generation.keepAll(List.of(PagePath.chart(client, n))); n++) {
                // the plots are numbered from 1 without gaps
            }
        }
        List<String> ids = site.index().executions(client);
        String name = client.project() + "/" + client.client();
        long together = site.detailsFingerprint(client, ids);
        Long before = generation.previous.client(name);
        if (!full && before != null && before == together
                && generation.keepDetails(detailsNames(client, ids))) {
            // all of finished executions then, and none added, removed or described anew since
            generation.next.client(name, together);
            return;
        }
        boolean running = false;
        for (String id : ids) {
            ExecutionRef ref = client.execution(id);
            generation.file(PagePath.details(ref), ids);
            running |= site.index().summary(ref).outcome() == Outcome.RUNNING;
        }
        if (!running) {
            generation.next.client(name, together);
        }
    }

    /**
     * The files of a client's details pages, worked out again only when its listing
     * changed: a resident generator looks at every client each time, and most have no
     * new execution.
     */
    private String[] detailsNames(ClientRef client, List<String> ids) {
        Map.Entry<List<String>, String[]> known = detailsNames.get(client);
        if (known != null && known.getKey() == ids) { // the index hands out the same listing while it holds
            return known.getValue();
        }
        String[] names = new String[ids.size()];
        for (int i = 0; i < names.length; i++) {
            names[i] = PagePath.details(client.execution(ids.get(i))).file();
        }
        detailsNames.put(client, Map.entry(ids, names));
        return names;
    }

    /** One run over the site: what was written, what stayed. */
    private final class Generation {
        private final Manifest previous;
        private final Manifest next;
        private final AtomicInteger written;
        private final AtomicInteger unchanged;
        private final ExecutorService pool;
        /** Jobs started by other jobs, waited for at the end. */
        private final java.util.Queue<Future<?>> later = new java.util.concurrent.ConcurrentLinkedQueue<>();

        Generation(Manifest previous, Manifest next, AtomicInteger written, AtomicInteger unchanged,
                ExecutorService pool) {
            this.pool = pool;
            this.previous = previous;
            this.next = next;
            this.written = written;
            this.unchanged = unchanged;
        }

        /** Writes a file if its inputs changed; returns whether it did. */
        boolean file(PagePath path, List<String> ids) {
            String name = path.file();
            long fingerprint = site.fingerprint(path, base, ids);
            Long old = previous.get(name);
            Path target = out.resolve(name);
            boolean trusted = !full && path.kind() == PagePath.Kind.DETAILS;
            if (old != null && old == fingerprint && (trusted || Files.isRegularFile(target))) {
                next.put(name, fingerprint);
                unchanged.incrementAndGet();
                return false;
            }
            try {
                write(target, site.render(path, base, ids).body());
            } catch (MissingPageException e) {
                return false;
            }
            next.put(name, fingerprint);
            written.incrementAndGet();
            return true;
        }

        /**
         * Keeps details pages the previous generation wrote, as they are, if it wrote them
         * all (trusted to be there, as {@link #file} trusts them); whether it did.
         */
        boolean keepDetails(String[] names) {
            long[] fingerprints = new long[names.length];
            for (int i = 0; i < names.length; i++) {
                Long fingerprint = previous.get(names[i]);
                if (fingerprint == null) {
                    return false;
                }
                fingerprints[i] = fingerprint;
            }
            for (int i = 0; i < names.length; i++) {
                next.put(names[i], fingerprints[i]);
            }
            unchanged.addAndGet(fingerprints.length);
            return true;
        }

        /** Keeps the files the previous generation wrote of these, as they are; whether it had them all. */
        boolean keepAll(List<PagePath> paths) {
            boolean all = true;
            for (PagePath path : paths) {
                String name = path.file();
                Long fingerprint = previous.get(name);
                if (fingerprint != null && Files.isRegularFile(out.resolve(name))) {
                    next.put(name, fingerprint);
                    unchanged.incrementAndGet();
                } else {
                    all = false;
                }
            }
            return all;
        }
    }

    private void write(Path target, byte[] body) {
        try {
            if (!folders.contains(target.getParent())) { // made before it is listed: other threads write in it next
                Files.createDirectories(target.getParent());
                folders.add(target.getParent());
            }
            Path temporary = target.resolveSibling("." + target.getFileName() + "." + Thread.currentThread().getId() + ".tmp");
            try (java.io.FileOutputStream stream = new java.io.FileOutputStream(temporary.toFile())) {
                stream.write(body); // plain stream I/O: fewer layers per file than a channel
            }
            Files.move(temporary, target, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + target + ": " + e.getMessage(), e);
        }
    }

    private int removeStale(Manifest previous, Manifest next) throws IOException {
        Map<String, Long> kept = next.files();
        int removed = 0;
        for (String name : previous.files().keySet()) {
            if (kept.containsKey(name)) {
                continue; // most files stay: looked up, not copied into a set of their own
            }
            Path file = out.resolve(name).normalize();
            if (file.startsWith(out) && Files.deleteIfExists(file)) {
                removed++;
            }
        }
        return removed;
    }

    /**
     * Stops the jobs not started yet and waits for those under way: a generation cut
     * short (interrupted, or failed in one job) leaves no thread writing into the site
     * after it returns. A job writes one file, so the wait is short; it is bounded all
     * the same, and an interrupt during it is kept for the caller.
     */
    private static void stop(ExecutorService pool) {
        pool.shutdownNow();
        boolean interrupted = false;
        long end = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(60);
        while (!pool.isTerminated() && System.nanoTime() < end) {
            try {
                pool.awaitTermination(end - System.nanoTime(), java.util.concurrent.TimeUnit.NANOSECONDS);
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private static List<Future<?>> submit(ExecutorService pool, List<Runnable> jobs) {
        List<Future<?>> running = new ArrayList<>();
        jobs.forEach(job -> running.add(pool.submit(job)));
        return running;
    }

    private static void await(java.util.Collection<Future<?>> running) throws IOException {
        try {
            for (Future<?> job : running) {
                job.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            if (e.getCause() instanceof RuntimeException failure) {
                throw failure;
            }
            throw new IllegalStateException(e.getCause());
        }
    }
}
