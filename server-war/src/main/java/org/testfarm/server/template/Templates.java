package org.testfarm.server.template;

import java.io.IOException;
import java.io.InputStream;
import java.io.Writer;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Properties;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.context.InternalContextAdapter;
import org.apache.velocity.runtime.Renderable;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.testfarm.server.markup.Html;

/**
 * The Velocity templates of the {@code templates} module
 * ({@code org/testfarm/templates/}): a page template renders its model into the
 * shared {@code layout.vm}; feeds render on their own. Templates only show what
 * their model holds, every inserted value escaped ({@link Escaping}); an
 * undefined reference is an error (strict mode), so typos fail tests. Thread-safe.
 */
public final class Templates {

    static final String BASE = "org/testfarm/templates/";
    /** Every template of the web site, layout first. */
    public static final java.util.List<String> SITE_TEMPLATES = java.util.List.of("layout.vm", "page/root.vm",
            "page/summary.vm", "page/history.vm", "page/details.vm", "page/stats.vm", "feed/atom.vm",
            "feed/badge.vm", "feed/cctray.vm");

    private final VelocityEngine engine;
    private final Map<String, Template> parsed = new java.util.concurrent.ConcurrentHashMap<>();
    /**
     * A context per template and thread, emptied before and after each render: it
     * keeps what Velocity found out about the model's classes (its introspection
     * cache lives in the context), which would otherwise be looked up again for
     * every reference of every page.
     */
    private final ThreadLocal<Map<String, VelocityContext>> contexts =
            ThreadLocal.withInitial(java.util.HashMap::new);
    /**
     * A buffer per thread, reused: a page no longer starts from a new one that grows as it
     * is written. A JDK type: a servlet container frowns on its threads keeping instances of
     * a web application's classes once the application is stopped.
     */
    private final ThreadLocal<StringBuilder> buffers = new ThreadLocal<>();

    public Templates() {
        Properties settings = new Properties();
        settings.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        settings.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        settings.setProperty("resource.loader.classpath.cache", "true");
        settings.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, "true");
        settings.setProperty(RuntimeConstants.EVENTHANDLER_REFERENCEINSERTION, Escaping.class.getName());
        settings.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        settings.setProperty(RuntimeConstants.SPACE_GOBBLING, "lines");
        settings.setProperty(RuntimeConstants.UBERSPECT_CLASSNAME, AccessibleUberspect.class.getName());
        engine = new VelocityEngine(settings);
        engine.init();
    }

    /** One engine for the whole process: it parses each template once, whatever number of sites use it. */
    public static Templates shared() {
        return Shared.INSTANCE;
    }

    private static final class Shared {
        static final Templates INSTANCE = new Templates();
    }

    /** The text of a template as shipped, for telling one set of templates from another. */
    public static byte[] source(String template) {
        return resource(BASE + template);
    }

    /**
     * A whole page: {@code page/<template>.vm} with {@code $page}, inside the layout with
     * {@code $frame} and {@code $body}. The page template renders straight into the
     * layout's output where {@code $body} stands, not into a string of its own first.
     */
    public String page(String template, Object page, Object frame) {
        Body body = new Body("page/" + template + ".vm", Map.of("page", page, "frame", frame));
        return render("layout.vm", Map.of("frame", frame, "body", body));
    }

    /** One template with the given references. */
    public String render(String template, Map<String, Object> references) {
        StringBuilder text = buffers.get();
        buffers.remove(); // taken while in use: a render within a render makes its own
        if (text == null) {
            text = new StringBuilder(16 * 1024);
        }
        try {
            merge(template, references, new TextWriter(text));
            return text.toString();
        } finally {
            text.setLength(0);
            if (text.capacity() > 1 << 20) {
                text.trimToSize(); // a huge page does not keep its buffer
            }
            buffers.set(text);
        }
    }

    private void merge(String template, Map<String, Object> references, Writer out) {
        Template compiled = compiled(template);
        Map<String, VelocityContext> idle = contexts.get();
        VelocityContext taken = idle.remove(template); // taken while in use: a nested render gets its own
        VelocityContext context = taken != null ? taken : new PlainContext();
        references.forEach(context::put);
        try {
            compiled.merge(context, out);
        } finally {
            for (String key : context.getKeys()) {
                context.remove(key); // holds no model between renders
            }
            idle.put(template, context);
        }
    }

    /**
     * A page template waiting to be rendered where the layout inserts it: Velocity hands
     * a {@link Renderable} its own output. {@link Escaping} lets it through, as it does
     * {@link Html}: what the page template inserts is escaped there.
     */
    final class Body implements Renderable {
        private final String template;
        private final Map<String, Object> references;

        Body(String template, Map<String, Object> references) {
            this.template = template;
            this.references = references;
        }

        @Override
        public boolean render(InternalContextAdapter context, Writer writer) {
            merge(template, references, writer);
            return true;
        }
    }

    /** Parses every template of the web site now, not when its first page is rendered. */
    public Templates parseSite() {
        SITE_TEMPLATES.forEach(this::compiled);
        return this;
    }

    /** How many templates are parsed and kept. */
    public int parsedCount() {
        return parsed.size();
    }

    /** A parsed template, kept here: Velocity's own cache takes a lock on every lookup. */
    private Template compiled(String template) {
        Template known = parsed.get(template);
        if (known == null) {
            known = engine.getTemplate(BASE + template, "UTF-8");
            parsed.putIfAbsent(template, known);
        }
        return known;
    }

    /** A static asset of the site ({@code static/<name>}): style sheet, script, icon. */
    public static byte[] asset(String name) {
        return resource(BASE + "static/" + name);
    }

    private static byte[] resource(String name) {
        try (InputStream in = Templates.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalArgumentException("no template or asset '" + name + "'");
            }
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * Velocity's context minus one cost: its {@code put} interns every name, and every
     * {@code #foreach} step and macro call puts names (a lookup in the JVM's string table
     * each time, for a map that compares names with {@code equals} anyway).
     */
    private static final class PlainContext extends VelocityContext {
        @Override
        public Object put(String key, Object value) {
            return key == null ? null : internalPut(key, value);
        }
    }

    /** A writer into a StringBuilder: StringWriter's buffer takes a lock for every piece a template writes. */
    private static final class TextWriter extends Writer {
        private final StringBuilder text;

        TextWriter(StringBuilder text) {
            this.text = text;
        }

        @Override
        public void write(char[] chars, int offset, int length) {
            text.append(chars, offset, length);
        }

        @Override
        public void write(String string) {
            text.append(string);
        }

        @Override
        public void write(String string, int offset, int length) {
            text.append(string, offset, offset + length);
        }

        @Override
        public void write(int c) {
            text.append((char) c);
        }

        @Override
        public Writer append(CharSequence chars) {
            text.append(chars);
            return this;
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }

        @Override
        public String toString() {
            return text.toString();
        }
    }
}
