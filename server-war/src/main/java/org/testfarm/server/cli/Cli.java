package org.testfarm.server.cli;

import org.testfarm.TestFarmException;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.HelpCommand;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.ParameterException;
import picocli.CommandLine.ParseResult;
import picocli.CommandLine.ScopeType;
import picocli.CommandLine.Spec;
import picocli.CommandLine.UnmatchedArgumentException;

import java.io.PrintWriter;
import java.util.List;
import java.util.concurrent.Callable;

/**
 * The {@code testfarm} command line: {@code java -jar testfarm.war SUBCOMMAND [options]}.
 *
 * <p>Every failure is one line on stderr, {@code testfarm: <message>}, and a non-zero
 * exit: 2 for usage errors, 1 for the rest. {@code --verbose} adds the stack trace.
 */
@Command(name = "testfarm",
        mixinStandardHelpOptions = true,
        versionProvider = FarmVersion.class,
        synopsisSubcommandLabel = "[COMMAND]",
        description = {
            "The TestFarm server: serves the farm's pages and takes the clients' reports.",
            "Without a command it runs `serve` with its defaults."},
        commandListHeading = "%nCommands:%n")
public final class Cli implements Callable<Integer> {

    /** Exit code of a command line that cannot be understood. */
    public static final int USAGE = CommandLine.ExitCode.USAGE;
    /** Exit code of a command that failed. */
    public static final int FAILURE = CommandLine.ExitCode.SOFTWARE;

    /** Every subcommand, fresh, in the order {@code --help} lists them. Register new ones here. */
    private static List<Object> subcommands() {
        return List.of(
                new ServeCommand(),
                new InitCommand(),
                new AddProjectCommand(),
                new AddClientCommand(),
                new RotateKeyCommand(),
                new MetaCommand(),
                new FakeRunCommand(),
                new DemoCommand(),
                new GenerateCommand(),
                new HelpCommand());
    }

    @Option(names = "--verbose", scope = ScopeType.INHERIT,
            description = "Print the stack trace of an error, not only its message.")
    boolean verbose;

    @Spec
    CommandSpec spec;

    public static void main(String[] args) {
        WarmUp.start(args);
        System.exit(run(new PrintWriter(System.out, true), new PrintWriter(System.err, true), args));
    }

    /** Runs one command line, printing to the given writers, and returns the exit code. */
    public static int run(PrintWriter out, PrintWriter err, String... args) {
        CommandLine commandLine = commandLine(args);
        commandLine.setOut(out);
        commandLine.setErr(err);
        try {
            return commandLine.execute(args);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /**
     * The command tree with its error handling, ready to parse these arguments. When the
     * first names a subcommand, the tree holds that one only (picocli reads the annotations
     * of every subcommand it is given, a fifth of a second before a short command could
     * start); otherwise all of them, as help, an unknown command or options before the
     * command need.
     */
    static CommandLine commandLine(String... args) {
        CommandLine commandLine = new CommandLine(new Cli());
        List<Object> all = subcommands();
        String first = args.length == 0 ? "" : args[0];
        List<Object> named = all.stream().filter(command -> !(command instanceof HelpCommand)
                && command.getClass().getAnnotation(Command.class).name().equals(first)).toList();
        (named.isEmpty() ? all : named).forEach(commandLine::addSubcommand);
        // after the subcommands: these setters only reach the ones already added
        commandLine.setParameterExceptionHandler(Cli::usageError);
        commandLine.setExecutionExceptionHandler(Cli::failure);
        return commandLine;
    }

    /** No subcommand: serve, with serve's defaults. */
    @Override
    public Integer call() throws InterruptedException {
        ServeCommand serve = spec.subcommands().get("serve").getCommand();
        return serve.call();
    }

    boolean verbose() {
        return verbose;
    }

    private static int usageError(ParameterException e, String[] args) {
        CommandLine where = e.getCommandLine();
        String message;
        if (e instanceof UnmatchedArgumentException unmatched && !where.getSubcommands().isEmpty()
                && !unmatched.getUnmatched().isEmpty() && !unmatched.getUnmatched().get(0).startsWith("-")) {
            message = "unknown command '" + unmatched.getUnmatched().get(0) + "'";
        } else {
            message = sentence(e.getMessage());
        }
        where.getErr().println("testfarm: " + message + " (see '" + where.getCommandSpec().qualifiedName()
                + " --help')");
        return USAGE;
    }

    private static int failure(Exception e, CommandLine where, ParseResult parsed) {
        PrintWriter err = where.getErr();
        err.println("testfarm: " + describe(e));
        if (isVerbose(where)) {
            e.printStackTrace(err);
        }
        return FAILURE;
    }

    /** One line for a user: our own exceptions speak for themselves, others say what they are. */
    static String describe(Throwable e) {
        String message = e.getMessage();
        if (message == null || message.isBlank()) {
            return e.getClass().getSimpleName();
        }
        return e instanceof TestFarmException ? sentence(message)
                : e.getClass().getSimpleName() + ": " + sentence(message);
    }

    private static String sentence(String message) {
        String line = message.strip().replaceAll("\\s*\\R\\s*", " ");
        return line.isEmpty() ? line : Character.toLowerCase(line.charAt(0)) + line.substring(1);
    }

    private static boolean isVerbose(CommandLine where) {
        CommandLine root = where;
        while (root.getParent() != null) {
            root = root.getParent();
        }
        return root.getCommand() instanceof Cli cli && cli.verbose;
    }
}
