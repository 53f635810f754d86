package org.testfarm.server.page;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.testfarm.event.ClientRef;
import org.testfarm.event.ExecutionRef;
import org.testfarm.server.index.ChangesSinceGreen;
import org.testfarm.server.index.ExecutionIndex;
import org.testfarm.server.markup.Html;
import org.testfarm.server.markup.TerminalText;
import org.testfarm.server.markup.TerminalText.Keep;
import org.testfarm.server.markup.TextBlock;
import org.testfarm.state.Change;
import org.testfarm.state.CommandState;
import org.testfarm.state.ExecutionState;
import org.testfarm.state.Outcome;
import org.testfarm.state.TaskState;

/**
 * {@code details-<client>-<execution>.html}: an execution with its outcome at the
 * top, each task with its commands ({@code [OK]}, {@code [FAILED]}, {@code [RUNNING]}),
 * the output of failed commands, info blocks and stats, and the changes that
 * triggered it: for a broken one, every change since the client was last green.
 */
public record DetailsPage(Frame frame, String project, String client, Html clientBrief, String execution,
                          StatusView outcome, String headline, TimeView start, TimeView stop, String duration,
                          List<TaskView> tasks, List<Entry> info, List<Entry> stats, String changesTitle,
                          List<ChangeView> changes, String changesNote, Link previous, Link next,
                          String historyHref, String statsHref) implements PageModel {

    @Override
    public String template() {
        return TEMPLATE;
    }

    public static final String TEMPLATE = "details";
    static final int RUNNING_REFRESH_SECONDS = 30;

    /**
     * A task and its commands. The template reads {@code $task.css} and {@code $task.label}
     * rather than {@code $task.status.css}: one step fewer for each, on pages that hold
     * hundreds of them.
     */
    public record TaskView(int number, String description, StatusView status, List<CommandView> commands) {
        public String css() {
            return status.css();
        }

        public String label() {
            return status.label();
        }
    }

    /** A command, its status read in one step like a task's. */
    public record CommandView(String anchor, String line, StatusView status, TextBlock output, TextBlock info,
                              List<Entry> stats) {
        public String css() {
            return status.css();
        }

        public String label() {
            return status.label();
        }

        /** Whether there is more to show than its line: output, info or stats (most commands have none). */
        public boolean more() {
            return !output.isEmpty() || !info.isEmpty() || !stats.isEmpty();
        }

        /** Its output and info, those that are not empty, in that order. */
        public List<TermText> texts() {
            if (output.isEmpty()) {
                return info.isEmpty() ? List.of() : List.of(new TermText("info", info));
            }
            return info.isEmpty() ? List.of(new TermText("output", output))
                    : List.of(new TermText("output", output), new TermText("info", info));
        }
    }

    /**
     * A block of terminal text and its kind ({@code output} or {@code info}, a CSS class),
     * its parts read in one step by the template.
     */
    public record TermText(String kind, TextBlock block) {
        public boolean collapsed() {
            return block.collapsed();
        }

        public boolean hiddenFirst() {
            return block.hiddenFirst();
        }

        public int hiddenLines() {
            return block.hiddenLines();
        }

        public Html shown() {
            return block.shown();
        }

        public Html hidden() {
            return block.hidden();
        }
    }

    public record Entry(String key, String value) {
    }

    public record ChangeView(String repository, String author, String revision, String shortRevision,
                             String message, String execution) {
    }

    public DetailsPage {
        tasks = List.copyOf(tasks);
        info = List.copyOf(info);
        stats = List.copyOf(stats);
        changes = List.copyOf(changes);
    }

    /**
     * @param ids the client's executions, oldest first (to find its neighbours and last green one)
     */
    public static DetailsPage of(ExecutionIndex index, ExecutionState read, List<String> ids) {
        ExecutionRef ref = read.ref();
        ClientRef client = ref.clientRef();
        int position = ExecutionIndex.position(ids, ref.execution());
        boolean superseded = position >= 0 && position < ids.size() - 1;
        Outcome outcome = index.outcomeNow(index.remember(read), superseded);
        List<TaskView> tasks = new ArrayList<>();
        Map<String, Number> allStats = new TreeMap<>();
        for (TaskState task : read.tasks()) {
            List<CommandView> commands = new ArrayList<>();
            for (CommandState command : task.commands()) {
                if (!command.stats().isEmpty()) { // most commands have none
                    allStats.putAll(command.stats());
                }
                boolean failed = Boolean.FALSE.equals(command.ok());
                commands.add(new CommandView("t" + task.number() + "c" + command.number(), command.commandLine(),
                        StatusView.ofResult(command.ok()),
                        failed ? TerminalText.block(command.output(), Keep.TAIL) : TerminalText.block("", Keep.TAIL),
                        TerminalText.block(command.info() == null ? "" : command.info(), Keep.HEAD),
                        entries(command.stats())));
            }
            tasks.add(new TaskView(task.number(), SummaryPage.taskName(task),
                    StatusView.ofResult(task.ok() == null && outcome != Outcome.RUNNING ? Boolean.FALSE : task.ok()),
                    commands));
        }
        Changes changes = changes(index, read, ids, position, outcome);
        Frame frame = Frame.inProject(List.of(client.client(), ref.execution()), ref.project(), outcome == Outcome.RUNNING ? RUNNING_REFRESH_SECONDS : 0,
                new Link(client.client(), "history.html#" + HistoryPage.anchor(client)),
                new Link(ref.execution(), Links.href(Links.detailsFile(ref))));
        return new DetailsPage(frame, ref.project(), client.client(),
                Descriptions.brief(index.clientMeta(client)), ref.execution(), StatusView.of(outcome),
                Headline.of(read, outcome), TimeView.of(read.startTime()), TimeView.of(read.stopTime()),
                duration(read), tasks, info(read.info()), entries(allStats), changes.title, changes.list,
                changes.note, neighbour(client, ids, position - 1, "previous"),
                neighbour(client, ids, position + 1, "next"), "history.html#" + HistoryPage.anchor(client),
                Links.href(Links.statsFile(client)));
    }

    private record Changes(String title, List<ChangeView> list, String note) {
    }

    private static Changes changes(ExecutionIndex index, ExecutionState read, List<String> ids, int position,
                                   Outcome outcome) {
        if (outcome == Outcome.FAILED && position >= 0) {
            ChangesSinceGreen since = ChangesSinceGreen.of(index, read.ref().clientRef(), ids, position);
            List<ChangeView> list = new ArrayList<>();
            for (int i = 0; i < since.executions().size(); i++) {
                String execution = since.executions().get(i);
                index.summary(read.ref().clientRef().execution(execution)).changes()
                        .forEach(c -> list.add(view(c, execution)));
            }
            String title = since.lastGreen().isEmpty() ? "Changes since the client was last green"
                    : "Changes since the last green execution, " + since.lastGreen();
            String note = since.truncated() ? "No green execution in the " + ChangesSinceGreen.LOOK_BACK
                    + " executions before: older changes are not listed." : "";
            return new Changes(title, dedupe(list), note);
        }
        List<ChangeView> list = read.changes().stream().map(c -> view(c, read.ref().execution())).toList();
        return new Changes("Changes that triggered it", list, "");
    }

    private static List<ChangeView> dedupe(List<ChangeView> changes) {
        Map<String, ChangeView> once = new java.util.LinkedHashMap<>();
        changes.forEach(c -> once.putIfAbsent(c.repository() + "\u0000" + c.revision(), c));
        return new ArrayList<>(once.values());
    }

    private static ChangeView view(Change change, String execution) {
        return new ChangeView(change.repository(), change.author(), change.revision(), change.shortRevision(),
                change.message(), execution);
    }

    private static Link neighbour(ClientRef client, List<String> ids, int position, String label) {
        if (position < 0 || position >= ids.size()) {
            return new Link(label, "");
        }
        return new Link(ids.get(position), Links.href(Links.detailsFile(client.execution(ids.get(position)))));
    }

    private static List<Entry> info(Map<String, Object> info) {
        List<Entry> out = new ArrayList<>();
        info.forEach((key, value) -> {
            if (!key.equals("snapshot") && !key.equals("changelog")) {
                out.add(new Entry(key, String.valueOf(value)));
            }
        });
        return out;
    }

    private static List<Entry> entries(Map<String, Number> stats) {
        if (stats.isEmpty()) {
            return List.of();
        }
        List<Entry> out = new ArrayList<>();
        new TreeMap<>(stats).forEach((key, value) -> out.add(new Entry(key, String.valueOf(value))));
        return out;
    }

    private static String duration(ExecutionState read) {
        if (read.startTime().isEmpty() || read.stopTime().isEmpty()) {
            return "";
        }
        Duration length = Duration.between(read.startTime().get(), read.stopTime().get());
        if (length.isNegative()) {
            return "";
        }
        long minutes = length.toMinutes();
        return minutes >= 60 ? minutes / 60 + " h " + minutes % 60 + " min"
                : minutes > 0 ? minutes + " min " + length.toSecondsPart() + " s" : length.toSeconds() + " s";
    }
}
