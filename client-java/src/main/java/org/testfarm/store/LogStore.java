package org.testfarm.store;

import java.io.Closeable;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionEvent;
import org.testfarm.event.ExecutionEvent.CommandEnded;
import org.testfarm.event.ExecutionEvent.CommandStarted;
import org.testfarm.event.ExecutionEvent.ExecutionEnded;
import org.testfarm.event.ExecutionEvent.ExecutionStarted;
import org.testfarm.event.ExecutionEvent.TaskEnded;
import org.testfarm.event.ExecutionEvent.TaskStarted;
import org.testfarm.event.ExecutionRef;
import org.testfarm.event.FarmListener;
import org.testfarm.literal.PyLiteral;

import static org.testfarm.store.StoreIo.io;

/**
 * A TestFarm log tree: the only code that knows its layout (spec/log-tree.md).
 * It reads a tree written by the upstream Python server in place, and appends
 * new events durably: an event is acknowledged (the call returns) once it is in
 * the fsynced write-ahead log, concurrent writers share their fsyncs, and each
 * event of an execution (kind, task, command) is stored once however often it is
 * reported. Metadata, idle and info files are replaced atomically.
 *
 * <p>Thread-safe. One process writes a tree at a time per client; several stores
 * may read it.
 */
public final class LogStore implements FarmListener, Closeable {

    static final DateTimeFormatter IDLE_FORMAT = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    public static final DateTimeFormatter EXECUTION_FORMAT = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

    private final TreeLayout layout;
    private final StoreOptions options;
    private final CommitLog wal;
    private final OpenExecutions open;
    private final Set<ClientRef> registered = ConcurrentHashMap.newKeySet();
    private final ConcurrentHashMap<ClientRef, Object> clientLocks = new ConcurrentHashMap<>();
    /** Executions whose last write failed part way: their files may hold lines no fsync covers yet. */
    private final Set<ExecutionRef> unsynced = ConcurrentHashMap.newKeySet();
    private final Checkpoints checkpoints;
    private volatile boolean closed;

    private LogStore(Path root, StoreOptions options, boolean readOnly) throws IOException {
        this.layout = new TreeLayout(root);
        this.options = options;
        this.open = new OpenExecutions(layout, options.openExecutions());
        if (readOnly) {
            if (!Files.isDirectory(layout.root())) {
                throw new NoSuchFileException(layout.root().toString(), null, "no such log tree");
            }
            this.wal = null;
            this.checkpoints = null;
            return;
        }
        Files.createDirectories(layout.root());
        Recovery.replayOrphans(layout);
        this.wal = new CommitLog(layout.serviceDir(), options.checkpointBytes() + (64 << 10));
        this.checkpoints = new Checkpoints(wal, options, layout.root().toString());
    }

    public static LogStore open(Path root) {
        return open(root, StoreOptions.defaults());
    }

    public static LogStore open(Path root, StoreOptions options) {
        try {
            return new LogStore(root, options, false);
        } catch (IOException e) {
            throw new StoreException("cannot open the log tree " + root + ": " + e.getMessage(), e);
        }
    }

    /**
     * Opens a tree for reading only: nothing is created or changed in it, so an
     * upstream server's tree (or a read-only copy) can be served or published as it is.
     */
    public static LogStore openReadOnly(Path root, StoreOptions options) {
        try {
            return new LogStore(root, options, true);
        } catch (IOException e) {
            throw new StoreException("cannot open the log tree " + root + ": " + e.getMessage(), e);
        }
    }

    public boolean readOnly() {
        return wal == null;
    }

    private void requireWritable() {
        if (closed) {
            throw new StoreException("the log store is closed");
        }
        if (wal == null) {
            throw new StoreException("the log tree " + layout.root() + " is open read-only");
        }
    }

    public Path root() {
        return layout.root();
    }

    public Clock clock() {
        return options.clock();
    }

    // ---- registration (the admin's side) ----

    public void createProject(String project, Map<String, Object> meta) {
        requireWritable();
        Path dir = layout.project(project);
        if (Files.exists(dir.resolve(TreeLayout.METADATA), LinkOption.NOFOLLOW_LINKS)) {
            throw new AlreadyExistsException("project '" + project + "'");
        }
        io(() -> {
            Files.createDirectories(dir);
            Metadata.write(dir.resolve(TreeLayout.METADATA), meta);
        }, "cannot create project " + project);
    }

    public void createClient(ClientRef ref, Map<String, Object> meta) {
        requireWritable();
        if (!hasProject(ref.project())) {
            throw new ProjectNotFoundException(ref.project());
        }
        Path dir = layout.client(ref);
        if (Files.exists(dir.resolve(TreeLayout.METADATA), LinkOption.NOFOLLOW_LINKS)) {
            throw new AlreadyExistsException("client '" + ref.client() + "' of project '" + ref.project() + "'");
        }
        io(() -> {
            Files.createDirectories(dir);
            Metadata.write(dir.resolve(TreeLayout.METADATA), meta);
        }, "cannot create client " + ref);
        registered.add(ref);
    }

    public boolean hasProject(String project) {
        Path dir = layout.project(project);
        return Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve(TreeLayout.METADATA), LinkOption.NOFOLLOW_LINKS);
    }

    public boolean hasClient(ClientRef ref) {
        Path dir = layout.client(ref);
        return hasProject(ref.project()) && Files.isDirectory(dir, LinkOption.NOFOLLOW_LINKS)
                && Files.isRegularFile(dir.resolve(TreeLayout.METADATA), LinkOption.NOFOLLOW_LINKS);
    }

    public List<String> projects() {
        return TreeLayout.registeredIn(layout.root());
    }

    public List<String> clients(String project) {
        return TreeLayout.registeredIn(layout.project(project));
    }

    public Map<String, Object> projectMeta(String project) {
        return io(() -> Metadata.read(layout.projectMetadata(project)), "cannot read metadata of " + project);
    }

    public Map<String, Object> clientMeta(ClientRef ref) {
        return io(() -> Metadata.read(layout.clientMetadata(ref)), "cannot read metadata of " + ref);
    }

    /** Merges {@code changes} into a project's metadata; a null value removes the key. */
    public Map<String, Object> updateProjectMeta(String project, Map<String, Object> changes) {
        if (!hasProject(project)) {
            throw new ProjectNotFoundException(project);
        }
        return updateMeta(layout.projectMetadata(project), changes);
    }

    /** Merges {@code changes} into a client's metadata; a null value removes the key. */
    public Map<String, Object> updateClientMeta(ClientRef ref, Map<String, Object> changes) {
        requireRegistered(ref, false);
        return updateMeta(layout.clientMetadata(ref), changes);
    }

    private synchronized Map<String, Object> updateMeta(Path file, Map<String, Object> changes) {
        requireWritable();
        return io(() -> Metadata.update(file, changes), "cannot update " + file);
    }

    // ---- ingestion ----

    @Override
    public void clientIdle(ClientRef ref, double minutes) {
        requireWritable();
        requireRegistered(ref, options.autoRegister());
        LocalDateTime until = LocalDateTime.now(options.clock()).plusSeconds(Math.round(minutes * 60));
        io(() -> AtomicFile.write(layout.idle(ref), until.format(IDLE_FORMAT).getBytes(StandardCharsets.US_ASCII)),
                "cannot record idle time of " + ref);
    }

    @Override
    public void executionStarted(ExecutionRef ref, Map<String, Object> info) {
        append(ref, new ExecutionStarted(info));
    }

    @Override
    public void taskStarted(ExecutionRef ref, int task, String description) {
        append(ref, new TaskStarted(task, description));
    }

    @Override
    public void commandStarted(ExecutionRef ref, int task, int command, String commandLine) {
        append(ref, new CommandStarted(task, command, commandLine));
    }

    @Override
    public void commandEnded(ExecutionRef ref, int task, int command, String output, boolean ok, String info,
                             Map<String, Number> stats) {
        append(ref, new CommandEnded(task, command, output, ok, info, stats));
    }

    @Override
    public void taskEnded(ExecutionRef ref, int task, boolean ok) {
        append(ref, new TaskEnded(task, ok));
    }

    @Override
    public void executionEnded(ExecutionRef ref, Boolean ok) {
        append(ref, new ExecutionEnded(ok, null));
    }

    /** Stores an event durably, once; returns when it is on disk. An end without a stop time gets the store's clock. */
    public AppendResult append(ExecutionRef ref, ExecutionEvent event) {
        requireWritable();
        layout.info(ref); // checks the three names
        requireRegistered(ref.clientRef(), options.autoRegister());
        if (event instanceof CommandEnded end && end.output().length() > options.maxOutputChars()) {
            event = new CommandEnded(end.task(), end.command(), OutputCut.cut(end.output(), options.maxOutputChars()),
                    end.ok(), end.info(), end.stats());
        }
        if (event instanceof ExecutionEnded end && end.stopTime() == null) {
            event = new ExecutionEnded(end.ok(), LocalDateTime.now(options.clock()).format(EXECUTION_FORMAT));
        }
        long position;
        AppendResult result;
        while (true) {
            OpenExecution execution = open.get(ref);
            synchronized (execution) {
                if (execution.closed) {
                    Thread.onSpinWait();
                    continue;
                }
                if (!execution.filter.admit(event)) {
                    if (unsynced.contains(ref)) {
                        syncAfterFailure(execution);
                    }
                    position = wal.position();
                    result = AppendResult.DUPLICATE;
                } else {
                    try {
                        position = write(execution, event);
                    } catch (RuntimeException e) {
                        // the filter already counted it: reload from disk on the next append
                        unsynced.add(ref);
                        open.forget(execution);
                        throw e;
                    }
                    result = AppendResult.STORED;
                }
                break;
            }
        }
        wal.awaitDurable(position);
        return result;
    }

    /** A failed write may have left lines no WAL record covers: a retry, a duplicate, is acked once they are forced. */
    private void syncAfterFailure(OpenExecution execution) {
        Path stats = layout.stats(execution.ref.clientRef());
        io(() -> AtomicFile.forceAll(execution.journal.path(), stats), "cannot force the files of " + execution.ref);
        unsynced.remove(execution.ref);
    }

    private long write(OpenExecution execution, ExecutionEvent event) {
        ExecutionRef ref = execution.ref;
        return io(() -> {
            List<Path> touched = new ArrayList<>(3);
            if (!execution.hasInfo) {
                Path info = layout.info(ref);
                if (!Files.exists(info, LinkOption.NOFOLLOW_LINKS)) {
                    Metadata.write(info, event instanceof ExecutionStarted s ? s.info() : Map.of());
                }
                execution.hasInfo = true;
            }
            String literal = PyLiteral.format(EventTuples.toTuple(event));
            byte[] line = JournalLine.encode(literal);
            byte[] record = JournalLine.encode(Recovery.recordLiteral(ref, execution.length, literal));
            long[] position = new long[1];
            // the journal line, then the write-ahead record; a refused event leaves neither behind
            StoreIo.VoidAction journalThenLog = () -> {
                long start = execution.journal.end();
                execution.journal.append(line);
                try {
                    position[0] = wal.append(record, touched);
                } catch (RuntimeException e) {
                    execution.journal.cutBack(start);
                    throw e;
                }
            };
            touched.add(execution.journal.path());
            if (event instanceof CommandEnded end && !end.stats().isEmpty()) {
                Path stats = layout.stats(ref.clientRef());
                touched.add(stats);
                synchronized (clientLocks.computeIfAbsent(ref.clientRef(), k -> new Object())) {
                    StatsFile.appendBefore(stats, ref.execution(), end.stats(), journalThenLog);
                }
            } else {
                journalThenLog.run();
            }
            execution.length++;
            return position[0];
        }, "cannot store an event of " + ref);
    }

    private void requireRegistered(ClientRef ref, boolean create) {
        if (registered.contains(ref)) {
            return;
        }
        if (!hasProject(ref.project())) {
            if (!create) {
                throw new ProjectNotFoundException(ref.project());
            }
            createQuietly(() -> createProject(ref.project(), Map.of()));
        }
        if (!hasClient(ref)) {
            if (!create) {
                throw new ClientNotFoundException(ref.project(), ref.client());
            }
            createQuietly(() -> createClient(ref, Map.of()));
        }
        registered.add(ref);
    }

    private static void createQuietly(Runnable create) {
        try {
            create.run();
        } catch (AlreadyExistsException e) {
            // created meanwhile by another thread
        }
    }

    // ---- reading ----

    public List<String> executions(ClientRef ref) {
        return TreeLayout.executionsIn(layout.client(ref), List.of());
    }

    /** The same, trusting the names of an earlier listing (sorted) to be files still: only new ones are looked at. */
    public List<String> executions(ClientRef ref, List<String> checked) {
        return TreeLayout.executionsIn(layout.client(ref), checked);
    }

    /** Everything stored for an execution; throws {@link ExecutionNotFoundException} if there is none. */
    public ExecutionLog read(ExecutionRef ref) {
        return io(() -> TreeReader.read(layout, ref), "cannot read " + ref);
    }

    /** When the client promised to report again, if it ever said. */
    public Optional<LocalDateTime> idleUntil(ClientRef ref) {
        try {
            String text = Files.readString(layout.idle(ref), StandardCharsets.US_ASCII).strip();
            return Optional.of(LocalDateTime.parse(text, IDLE_FORMAT));
        } catch (IOException | DateTimeParseException e) { // missing (never said) or unreadable
            return Optional.empty();
        }
    }

    public StatsSeries stats(ClientRef ref) {
        return io(() -> StatsFile.read(layout.stats(ref)), "cannot read stats of " + ref);
    }

    // ---- change detection (cheap: file attributes only) ----

    /** Changes whenever anything stored for the execution changes (its info, upstream log or events). */
    public long stamp(ExecutionRef ref) {
        return FileStamps.of(FileStamps.attributesOrNull(layout.info(ref)),
                FileStamps.attributesOrNull(layout.upstreamLog(ref)), FileStamps.attributesIfPresent(layout.events(ref)));
    }

    /**
     * Changes whenever the client's metadata, idle time or stats change, or an
     * execution is added or removed. Not when an existing execution gets events:
     * see {@link #stamp(ExecutionRef)}.
     */
    public long stamp(ClientRef ref) {
        Path dir = layout.client(ref);
        return FileStamps.of(dir, dir.resolve(TreeLayout.METADATA), layout.idle(ref), layout.stats(ref));
    }

    /** Changes whenever the project's metadata changes or a client is added or removed. */
    public long stamp(String project) {
        Path dir = layout.project(project);
        return FileStamps.of(dir, dir.resolve(TreeLayout.METADATA));
    }

    /** Whether anything is stored for the execution, without reading it. */
    public boolean hasExecution(ExecutionRef ref) {
        return Files.exists(layout.info(ref)) || Files.exists(layout.events(ref)) || Files.exists(layout.upstreamLog(ref));
    }

    /** Changes whenever the client's metadata changes. */
    public long metaStamp(ClientRef ref) {
        return FileStamps.of(layout.clientMetadata(ref));
    }

    /** Changes whenever the project's metadata changes. */
    public long metaStamp(String project) {
        return FileStamps.of(layout.projectMetadata(project));
    }

    /** Whether the client has reported any stats, without reading them. */
    public boolean hasStats(ClientRef ref) {
        try {
            return Files.size(layout.stats(ref)) > 0;
        } catch (IOException e) {
            return false;
        }
    }

    /** Changes whenever the client's stats change. */
    public long statsStamp(ClientRef ref) {
        return FileStamps.of(layout.stats(ref));
    }

    /** When anything stored for the execution last changed, without reading it; EPOCH if nothing is. */
    public Instant lastActivity(ExecutionRef ref) {
        return FileStamps.lastModified(layout.info(ref), layout.upstreamLog(ref), layout.events(ref))
                .orElse(Instant.EPOCH);
    }

    /** When the client last said how long it would be idle, if it ever did. */
    public Optional<Instant> idleReported(ClientRef ref) {
        return FileStamps.lastModified(layout.idle(ref));
    }

    // ---- notifications ----

    /** What the server's alerts last saw of a client (a small dict), empty if nothing yet. */
    public Map<String, Object> notified(ClientRef ref) {
        return io(() -> Metadata.read(layout.notified(ref)), "cannot read the notification state of " + ref);
    }

    /** Replaces what the server's alerts last saw of a client, atomically and durably. */
    public void recordNotified(ClientRef ref, Map<String, Object> state) {
        requireWritable();
        requireRegistered(ref, false);
        io(() -> Metadata.write(layout.notified(ref), state), "cannot record the notification state of " + ref);
    }

    /** Forces every file written since the last checkpoint and retires the old log segment. */
    public void checkpoint() {
        if (wal == null) {
            return;
        }
        io(checkpoints::run, "checkpoint failed");
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (wal == null) {
            return;
        }
        checkpoints.stop();
        checkpoint();
        open.closeAll();
        io(() -> {
            wal.close();
            return null;
        }, "cannot close the write-ahead log");
    }
}
