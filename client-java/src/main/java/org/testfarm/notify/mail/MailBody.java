package org.testfarm.notify.mail;

import java.io.StringWriter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.apache.velocity.Template;
import org.apache.velocity.VelocityContext;
import org.apache.velocity.app.VelocityEngine;
import org.apache.velocity.runtime.RuntimeConstants;
import org.apache.velocity.runtime.resource.loader.ClasspathResourceLoader;
import org.testfarm.notify.Commit;
import org.testfarm.notify.FailedTask;
import org.testfarm.notify.Notification;

/**
 * The text of a notification mail: the Velocity template
 * {@value #TEMPLATE} (in the {@code templates} module) filled with a model of
 * plain strings and lists, so the template holds no logic. Thread-safe.
 */
public final class MailBody {

    public static final String TEMPLATE = "org/testfarm/templates/mail/notification.vm";

    private static MailBody shared;

    private final Template template;

    /** The body every mail channel uses: its template is read once. */
    public static synchronized MailBody shared() {
        if (shared == null) {
            shared = new MailBody();
        }
        return shared;
    }

    public MailBody() {
        VelocityEngine engine = new VelocityEngine();
        engine.setProperty(RuntimeConstants.RESOURCE_LOADERS, "classpath");
        engine.setProperty("resource.loader.classpath.class", ClasspathResourceLoader.class.getName());
        engine.setProperty(RuntimeConstants.RUNTIME_REFERENCES_STRICT, true);
        engine.setProperty(RuntimeConstants.INPUT_ENCODING, "UTF-8");
        engine.init();
        template = engine.getTemplate(TEMPLATE, "UTF-8");
    }

    public String render(Notification notification) {
        StringWriter out = new StringWriter();
        template.merge(new VelocityContext(model(notification)), out);
        return out.toString();
    }

    /** What the template sees. */
    static Map<String, Object> model(Notification n) {
        Map<String, Object> model = new LinkedHashMap<>();
        model.put("headline", n.headline());
        model.put("project", n.project());
        model.put("client", n.clientName());
        model.put("execution", n.execution().orElse(""));
        model.put("colour", n.colour().word());
        model.put("details", n.details().map(Object::toString).orElse(""));
        List<Map<String, Object>> tasks = new ArrayList<>();
        for (FailedTask task : n.failedTasks()) {
            Map<String, Object> entry = new LinkedHashMap<>();
            entry.put("number", String.valueOf(task.number()));
            entry.put("description", task.description());
            entry.put("command", task.commandLine());
            entry.put("output", task.output().isEmpty() ? List.of() : task.output().lines().toList());
            tasks.add(entry);
        }
        model.put("failedTasks", tasks);
        List<Map<String, Object>> commits = new ArrayList<>();
        for (Commit commit : n.commits()) {
            commits.add(Map.of("revision", commit.revision(), "author", commit.author(),
                    "repository", commit.repository()));
        }
        model.put("commits", commits);
        return model;
    }
}
