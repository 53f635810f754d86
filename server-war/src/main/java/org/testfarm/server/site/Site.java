package org.testfarm.server.site;

import java.util.List;
import java.util.Optional;

import org.testfarm.event.ClientRef;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.template.Templates;
import org.testfarm.state.FarmState;
import org.testfarm.store.StatsSeries;

/**
 * The web site of a farm, whether served live or written as static files: finds
 * the file a path names, tells what it depends on ({@link #fingerprint}) and
 * renders it. Live and static output come from this one class, so they never
 * drift apart. Thread-safe.
 */
public final class Site {

    /** Changes with the templates and assets, so cached copies of assets are refreshed on upgrade. */
    static final String VERSION = String.valueOf(Templates.class.getPackage().getImplementationVersion())
            + "/" + PagePath.ASSETS.stream().mapToLong(a -> a.equals("ansi.css") ? 0
                    : java.util.Arrays.hashCode(Templates.asset(a))).sum();

    /**
     * What renders the site: TestFarm's version, its templates and assets. A static
     * site written by another generator is written again whole.
     */
    static final long GENERATOR;

    static {
        Hasher hash = new Hasher().add(VERSION);
        for (String template : Templates.SITE_TEMPLATES) {
            hash.add(template).add(java.util.Arrays.hashCode(Templates.source(template)));
        }
        GENERATOR = hash.value();
    }

    private final ExecutionIndex index;
    private final Fingerprints fingerprints;
    private final Renderer renderer;

    public Site(FarmState farm, int indexCapacity) {
        this.index = new ExecutionIndex(farm, indexCapacity);
        this.fingerprints = new Fingerprints(index);
        this.renderer = new Renderer(index, fingerprints, Templates.shared());
    }

    public ExecutionIndex index() {
        return index;
    }

    /** The file a request path names, if the tree holds what it is about. */
    public Optional<PagePath> resolve(List<String> segments) {
        Optional<PagePath> path = PagePath.parse(segments, index.store());
        return path.filter(p -> !p.project().equals(PagePath.STATIC));
    }

    /** The projects the site shows. */
    public List<String> projects() {
        return renderer.publishable();
    }

    /**
     * What a file depends on: equal values mean equal contents.
     *
     * @param base the site's absolute address ending in '/', or ""
     * @param ids  the client's executions if already listed, else null
     */
    public long fingerprint(PagePath path, String base, List<String> ids) {
        return fingerprints.of(path, base, ids);
    }

    /**
     * What all the details pages of a client depend on together once its executions
     * have all ended: its executions and its description (see {@link Fingerprints#details}).
     */
    public long detailsFingerprint(ClientRef client, List<String> ids) {
        return fingerprints.detailsTogether(client, ids);
    }

    /** A client's stats, read again only when its stats file changed (the same copy its pages and plots use). */
    public StatsSeries stats(ClientRef client) {
        return renderer.stats(client);
    }

    /** Renders a file; {@link MissingPageException} if the tree has nothing for it. */
    public Rendered render(PagePath path, String base, List<String> ids) {
        return renderer.render(path, base, ids);
    }
}
