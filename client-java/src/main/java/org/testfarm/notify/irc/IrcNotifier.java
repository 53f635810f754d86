package org.testfarm.notify.irc;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

import org.testfarm.notify.Commit;
import org.testfarm.notify.FailedTask;
import org.testfarm.notify.Notification;
import org.testfarm.notify.Notifier;

/**
 * Says notifications in an IRC channel: connects, joins, says a few lines
 * (what happened, the failed tasks, the changes, the link), quits. One short
 * connection per notification, as v1's IRC reporter did.
 */
public final class IrcNotifier implements Notifier {

    /** At most this many commits are named in a message. */
    static final int MAX_COMMITS = 5;

    private final IrcSettings settings;

    public IrcNotifier(IrcSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    public IrcSettings settings() {
        return settings;
    }

    @Override
    public void send(Notification notification) {
        try (IrcConnection irc = IrcConnection.open(settings)) {
            irc.register(settings.nick(), settings.ident(), settings.realname(), settings.password().orElse(null));
            irc.join(settings.channel(), settings.channelKey().orElse(null));
            irc.privmsg(settings.channel(), String.join("\n", lines(notification)));
            irc.quit("TestFarm");
        }
    }

    /** The lines said for a notification. */
    static List<String> lines(Notification n) {
        List<String> lines = new ArrayList<>();
        StringBuilder first = new StringBuilder("[TestFarm] " + n.colour().label() + " " + n.headline());
        if (!n.failedTasks().isEmpty()) {
            first.append(": failed ");
            first.append(String.join(", ", n.failedTasks().stream().map(IrcNotifier::taskName).toList()));
        }
        lines.add(first.toString());
        if (!n.commits().isEmpty()) {
            List<String> named = new ArrayList<>();
            for (Commit commit : n.commits().subList(0, Math.min(MAX_COMMITS, n.commits().size()))) {
                named.add(commit.revision() + " by " + commit.author());
            }
            int more = n.commits().size() - named.size();
            lines.add("changes: " + String.join("; ", named) + (more > 0 ? " and " + more + " more" : ""));
        }
        n.details().ifPresent(link -> lines.add("details: " + link));
        return lines;
    }

    private static String taskName(FailedTask task) {
        return task.description().isBlank() ? "task " + task.number() : task.description();
    }

    @Override
    public String describe() {
        return settings.toString();
    }
}
