package org.testfarm.server.index;

import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.LongSupplier;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.ExecutionSummary;
import org.testfarm.state.FarmState;
import org.testfarm.state.Outcome;
import org.testfarm.store.ExecutionLog;
import org.testfarm.store.LogStore;

/**
 * Summaries of executions, kept while their files do not change: a bounded
 * least-recently-used cache, so memory stays flat however many executions a farm
 * has, and pages read an execution's events only when they changed.
 *
 * <p>Live, every lookup checks the execution's file stamp. A static generation
 * runs in passes ({@link #beginPass()}): within one pass a stamp is checked once.
 * Thread-safe.
 */
public final class ExecutionIndex {

    private final FarmState farm;
    private final int capacity;
    private final LinkedHashMap<ExecutionRef, Entry> entries;
    static final int LISTED_IDS = 500_000;

    private final LinkedHashMap<ClientRef, Listing> listings = new LinkedHashMap<>(64, 0.75f, true);
    private long listed;
    private final ThreadLocal<Read> lastRead = new ThreadLocal<>();

    /** What this thread read last to summarise it, for the details page it renders next. */
    private record Read(ExecutionState state, ExecutionSummary summary) {
    }
    private static final int RESTORED = -1;
    private boolean trustFinished;
    /** What was read since the index was saved last ({@link IndexFile}). */
    private final java.util.Set<ExecutionRef> unsaved = new java.util.HashSet<>();
    private final java.util.Set<ClientRef> unsavedListings = new java.util.HashSet<>();
    private int fileRecords;
    private boolean passes;
    /** {@link #oncePerPass}: per key, the pass and the value worked out in it. */
    private final Map<Object, long[]> perPass = new HashMap<>();
    private int pass;

    /** What the index knows of an execution: its summary and the file stamp it was read at. */
    public static final class Entry {
        final long stamp;
        final ExecutionSummary summary;
        int pass;

        Entry(long stamp, ExecutionSummary summary, int pass) {
            this.stamp = stamp;
            this.summary = summary;
            this.pass = pass;
        }

        public long stamp() {
            return stamp;
        }

        public ExecutionSummary summary() {
            return summary;
        }
    }

    public ExecutionIndex(FarmState farm, int capacity) {
        this.farm = farm;
        this.capacity = capacity;
        this.entries = new LinkedHashMap<>(Math.min(capacity, 4096), 0.75f, true);
    }

    public FarmState farm() {
        return farm;
    }

    public LogStore store() {
        return farm.store();
    }

    /** Client metadata read last, with the stamp of its file then. */
    private final Map<ClientRef, Map.Entry<Long, Map<String, Object>>> metas =
            new java.util.concurrent.ConcurrentHashMap<>();
    private static final int METAS_KEPT = 4096;

    /**
     * A client's metadata, read again only when its file changed: every details
     * page shows its client's description, so a generation would read it once per
     * execution. Unmodifiable.
     */
    public Map<String, Object> clientMeta(ClientRef client) {
        long stamp = metaStamp(client);
        Map.Entry<Long, Map<String, Object>> known = metas.get(client);
        if (known != null && known.getKey() == stamp) {
            return known.getValue();
        }
        Map<String, Object> meta = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(store().clientMeta(client)));
        if (metas.size() >= METAS_KEPT) {
            metas.clear();
        }
        metas.put(client, Map.entry(stamp, meta));
        return meta;
    }

    /** Starts a pass of a static generation: from now on each stamp is checked once per pass. */
    public synchronized void beginPass() {
        passes = true;
        pass++;
    }

    /**
     * A value that depends only on stamps, worked out once per pass of a static generation
     * (as the stamps themselves are checked once), every time outside passes. Each kind of
     * value has a key type of its own ({@link #metaStamp} uses the {@link ClientRef}).
     */
    public long oncePerPass(Object key, LongSupplier value) {
        synchronized (this) {
            long[] known = perPass.get(key);
            if (passes && known != null && known[0] == pass) {
                return known[1];
            }
        }
        long worked = value.getAsLong();
        if (passes) {
            synchronized (this) {
                perPass.put(key, new long[] {pass, worked});
            }
        }
        return worked;
    }

    /**
     * The stamp of a client's metadata ({@link LogStore#metaStamp(ClientRef)}); in a
     * static generation's pass, read once per client rather than for every page.
     */
    public long metaStamp(ClientRef client) {
        return oncePerPass(client, () -> store().metaStamp(client));
    }

    /** The summary of an execution, read again only if its files changed. */
    public ExecutionSummary summary(ExecutionRef ref) {
        return lookup(ref).summary;
    }

    /** The file stamp the summary of an execution was read at (see {@link LogStore#stamp(ExecutionRef)}). */
    public long stamp(ExecutionRef ref) {
        return lookup(ref).stamp;
    }

    /** Both {@link #summary} and {@link #stamp} for the price of one lookup. */
    public Entry entry(ExecutionRef ref) {
        return lookup(ref);
    }

    private Entry lookup(ExecutionRef ref) {
        Entry known;
        synchronized (this) {
            known = entries.get(ref);
            if (known != null && passes && (known.pass == pass || (trustFinished
                    && known.summary.outcome() != Outcome.RUNNING))) {
                // a static generation trusts what an earlier one saw of a finished execution, saved or in memory
                known.pass = pass;
                return known;
            }
        }
        if (known != null) { // a stat of its files says whether it must be read again
            long stamp = store().stamp(ref);
            synchronized (this) {
                Entry entry = entries.get(ref);
                if (entry != null && entry.stamp == stamp) {
                    entry.pass = pass;
                    return entry;
                }
            }
        }
        ExecutionLog read = store().read(ref); // stamped by the stats it was read after
        ExecutionState state = ExecutionState.of(read);
        Entry entry = put(ref, read.stamp(), ExecutionSummary.of(state));
        if (passes) {
            lastRead.set(new Read(state, entry.summary)); // a static generation renders its details page next
        }
        return entry;
    }

    /**
     * An execution read whole, for its details page: the one this thread has just
     * read to summarise it, if it is that one, else read now.
     */
    public ExecutionState state(ExecutionRef ref) {
        Read last = lastRead.get();
        if (last != null && last.state.ref().equals(ref)) {
            return last.state;
        }
        lastRead.remove();
        return ExecutionState.of(store().read(ref));
    }

    /**
     * The summary of an execution a page has read whole: the one made when {@link #state}
     * gave it, or made now and remembered (the index then need not read it).
     */
    public ExecutionSummary remember(ExecutionState execution) {
        Read last = lastRead.get();
        lastRead.remove();
        if (last != null && last.state == execution) {
            return last.summary;
        }
        ExecutionSummary summary = ExecutionSummary.of(execution);
        put(execution.ref(), store().stamp(execution.ref()), summary);
        return summary;
    }

    private synchronized Entry put(ExecutionRef ref, long stamp, ExecutionSummary summary) {
        unsaved.add(ref);
        return hold(ref, stamp, summary);
    }

    private synchronized Entry hold(ExecutionRef ref, long stamp, ExecutionSummary summary) {
        Entry entry = new Entry(stamp, summary, pass);
        entries.put(ref, entry);
        if (entries.size() > capacity) {
            Iterator<Map.Entry<ExecutionRef, Entry>> eldest = entries.entrySet().iterator();
            while (entries.size() > capacity && eldest.hasNext()) {
                eldest.next();
                eldest.remove();
            }
        }
        return entry;
    }

    /**
     * How an execution stands now: one that never ended is lost once its client
     * is overdue, or once a newer execution of the same client exists.
     */
    public Outcome outcomeNow(ExecutionSummary execution, boolean superseded) {
        if (execution.outcome() == Outcome.RUNNING && superseded) {
            return Outcome.LOST;
        }
        return farm.outcome(execution);
    }

    /**
     * The executions of a client, oldest first. The listing is kept while the
     * client's folder does not change (its stamp), up to {@value #LISTED_IDS} ids in all.
     */
    public List<String> executions(ClientRef client) {
        synchronized (this) {
            Listing listing = listings.get(client);
            if (listing != null && passes && listing.pass == pass) {
                return listing.ids; // checked once per pass of a static generation, as metadata stamps are
            }
        }
        long stamp = store().stamp(client);
        List<String> before;
        synchronized (this) {
            Listing listing = listings.get(client);
            if (listing != null && listing.stamp == stamp) {
                listing.pass = pass;
                return listing.ids;
            }
            before = listing == null ? List.of() : listing.ids;
        }
        List<String> ids = List.copyOf(store().executions(client, before));
        synchronized (this) {
            unsavedListings.add(client);
            Listing old = listings.put(client, new Listing(stamp, ids, pass));
            listed += ids.size() - (old == null ? 0 : old.ids.size());
            Iterator<Map.Entry<ClientRef, Listing>> eldest = listings.entrySet().iterator();
            while (listed > LISTED_IDS && eldest.hasNext()) {
                Listing evicted = eldest.next().getValue();
                if (evicted.ids != ids) {
                    listed -= evicted.ids.size();
                    eldest.remove();
                }
            }
        }
        return ids;
    }

    /** Where an execution is in its client's listing (a binary search: ids sort like their names), or -1. */
    public static int position(List<String> ids, String execution) {
        int found = java.util.Collections.binarySearch(ids, execution);
        return found < 0 ? -1 : found;
    }

    /** A client's executions as listed when its folder had {@code stamp}, last checked in {@code pass}. */
    private static final class Listing {
        final long stamp;
        final List<String> ids;
        int pass;

        Listing(long stamp, List<String> ids, int pass) {
            this.stamp = stamp;
            this.ids = ids;
            this.pass = pass;
        }
    }

    private record Derived(List<?> inputs, Object value, boolean keep) {
    }

    private final LinkedHashMap<Object, Derived> derived = new LinkedHashMap<>(16, 0.75f, true);
    private static final int DERIVED_MAX = 64;

    /** A derived value, and whether it may be used again while its inputs stay equal. */
    public record Computed<T>(T value, boolean keep) {
    }

    /**
     * A value computed from listings, kept while its inputs stay equal: pass the
     * listings it reads ({@link #executions}) among the inputs, and cheap equality
     * follows, since an unchanged listing is the same list. {@code compute} is given
     * the value computed last under this key (kept or not; null if none), to reuse
     * what of it still holds, and says whether its own value may be kept.
     */
    @SuppressWarnings("unchecked")
    public <T> T derived(Object key, List<?> inputs, java.util.function.Function<Object, Computed<T>> compute) {
        Object before;
        synchronized (this) {
            Derived known = derived.get(key);
            if (known != null && known.keep && known.inputs.equals(inputs)) {
                return (T) known.value;
            }
            before = known != null ? known.value : null;
        }
        Computed<T> computed = compute.apply(before);
        if (computed.value() != null) {
            synchronized (this) {
                derived.put(key, new Derived(List.copyOf(inputs), computed.value(), computed.keep()));
                Iterator<Object> eldest = derived.keySet().iterator();
                while (derived.size() > DERIVED_MAX && eldest.hasNext()) {
                    eldest.next();
                    eldest.remove();
                }
            }
        }
        return computed.value();
    }

    public synchronized int size() {
        return entries.size();
    }

    /** Every summary held with its stamp, for saving between generations. */
    synchronized List<Map.Entry<Long, ExecutionSummary>> held() {
        return entries.values().stream().map(e -> Map.entry(e.stamp, e.summary)).toList();
    }

    /** Every listing held with its client's stamp, for saving between generations. */
    synchronized Map<ClientRef, Map.Entry<Long, List<String>>> heldListings() {
        Map<ClientRef, Map.Entry<Long, List<String>>> out = new LinkedHashMap<>();
        listings.forEach((client, listing) -> out.put(client, Map.entry(listing.stamp, listing.ids)));
        return out;
    }

    /** A saved listing: used while the client's stamp stays the one it was listed at. */
    synchronized void restoreListing(ClientRef client, long stamp, List<String> ids) {
        List<String> copy = List.copyOf(ids);
        Listing old = listings.put(client, new Listing(stamp, copy, -1));
        listed += copy.size() - (old == null ? 0 : old.ids.size());
    }

    synchronized void restore(long stamp, ExecutionSummary summary) {
        hold(summary.ref(), stamp, summary).pass = RESTORED;
    }

    /** The summaries read since the index was last saved, with their stamps; then none is. */
    synchronized List<Map.Entry<Long, ExecutionSummary>> takeUnsaved() {
        List<Map.Entry<Long, ExecutionSummary>> out = new java.util.ArrayList<>();
        for (ExecutionRef ref : unsaved) {
            Entry entry = entries.get(ref);
            if (entry != null) {
                out.add(Map.entry(entry.stamp, entry.summary));
            }
        }
        unsaved.clear();
        return out;
    }

    /** The listings made since the index was last saved; then none is. */
    synchronized Map<ClientRef, Map.Entry<Long, List<String>>> takeUnsavedListings() {
        Map<ClientRef, Map.Entry<Long, List<String>>> out = new LinkedHashMap<>();
        unsavedListings.forEach(client -> {
            Listing listing = listings.get(client);
            if (listing != null) {
                out.put(client, Map.entry(listing.stamp, listing.ids));
            }
        });
        unsavedListings.clear();
        return out;
    }

    /** Forgets what is unsaved: all of it has just been written. */
    synchronized void saved() {
        unsaved.clear();
        unsavedListings.clear();
    }

    synchronized int listingCount() {
        return listings.size();
    }

    /** How many records the saved index file holds (0: none loaded), so a save knows whether to append. */
    synchronized int fileRecords() {
        return fileRecords;
    }

    synchronized void fileRecords(int records) {
        fileRecords = records;
    }

    /**
     * Whether a static generation trusts the summaries of finished executions an earlier
     * one saved or held in memory
     * without checking their files: they do not change once ended (the store keeps
     * each event once). Off for a full check.
     */
    public synchronized void trustFinished(boolean trust) {
        trustFinished = trust;
    }
}
