package org.testfarm.server.launch;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The JVM a one-off or watching {@code generate} is handed to by the JVM that
 * {@code java -jar testfarm.war} started (JDK only: it sits at the WAR root beside
 * {@link Bootstrap}).
 *
 * <p>It runs with {@code -XX:TieredStopAtLevel=1} (and C1's inlining bounded,
 * {@code -XX:C1MaxInlineSize=20}): a run of a few seconds spends about half of its CPU
 * in the optimizing compiler, whose code comes too late to pay back; with
 * {@code --watch}, the compiler's backlog after the first run slows the next rounds,
 * which are no quicker once it is done. {@code -Dtestfarm.fork=false}, or any
 * compiler, agent or recording option given to {@code java}, keeps the run in the
 * first JVM. This JVM maps the classes it loads from an archive an earlier run made
 * ({@link ClassArchive}), which is why its class path is its own, of jars only, and
 * not a class loader of ours.
 *
 * <p>What runs here runs before every generation, in a JVM just started: it uses
 * loops rather than lambdas and streams, each of which that JVM would set up at its
 * first use (as it would a string concatenation, were javac not told to compile
 * those to plain {@code StringBuilder} calls: see the parent POM).
 */
final class GenerationJvm {

    /** {@code -Dtestfarm.fork=false} keeps a one-off generation in the JVM it was started in. */
    static final String FORK_PROPERTY = "testfarm.fork";
    /** Options of the {@code java} command that chose how its JVM compiles or is watched: the run stays there. */
    private static final List<String> OWN_JVM_OPTIONS = List.of("-XX:TieredStopAtLevel", "-XX:-TieredCompilation",
            "-XX:+TieredCompilation", "-Xint", "-Xcomp", "-XX:StartFlightRecording", "-agentlib", "-agentpath",
            "-javaagent", "-XX:CompileCommand", "-XX:CompilerDirectives");

    private GenerationJvm() {}

    /**
     * Whether these arguments ask for a generation, which this JVM hands on (unless
     * {@link #choosesItsJvm one of its options} says otherwise).
     */
    static boolean generation(String[] args) {
        return args.length > 0 && args[0].equals("generate") && !"false".equals(System.getProperty(FORK_PROPERTY));
    }

    /** Whether these options of the {@code java} command chose how the JVM compiles or is watched. */
    static boolean choosesItsJvm(List<String> options) {
        return startsWithAny(options, OWN_JVM_OPTIONS);
    }

    /** Whether one of {@code options} starts with one of {@code prefixes}. */
    static boolean startsWithAny(List<String> options, List<String> prefixes) {
        for (String option : options) {
            for (String prefix : prefixes) {
                if (option.startsWith(prefix)) {
                    return true;
                }
            }
        }
        return false;
    }

    /**
     * This JVM's options, read on a thread of their own while the WAR's copy is looked for:
     * the platform's management bean that knows them takes a few hundredths of a second to start.
     */
    static final class JvmOptions extends Thread {
        private List<String> options;

        private JvmOptions() {
            super("testfarm-jvm-options");
            setDaemon(true);
        }

        static JvmOptions read() {
            JvmOptions reader = new JvmOptions();
            reader.start();
            return reader;
        }

        @Override
        public void run() {
            options = java.lang.management.ManagementFactory.getRuntimeMXBean().getInputArguments();
        }

        /** The options; null if they could not be read (then the command runs in this JVM). */
        List<String> get() throws InterruptedException {
            join();
            return options;
        }
    }

    /**
     * Runs the command in a JVM with the C1 compiler only and this JVM's options,
     * its standard streams this one's; its exit status, or null if it could not be
     * started (then the command runs here). That JVM runs the command line straight
     * from {@code classPath}, the jars of the unpacked copy {@code exploded}, which
     * this JVM holds while it runs: classes on the JVM's own class path are the ones
     * its class archive maps whole (from a class loader of ours, the JVM would still
     * read each class from its jar, to compare).
     */
    static Integer run(String[] args, List<String> options, Path exploded, List<Path> classPath)
            throws InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(java());
        command.add("-XX:TieredStopAtLevel=1");
        // C1 inlines methods of up to 35 bytes by default; up to 20, it spends a quarter less time compiling,
        // for code as quick here (see BENCHMARKS.md). Options of the java command come next and win.
        command.add("-XX:C1MaxInlineSize=20");
        ClassArchive archive = ClassArchive.forChild(exploded, classPath, options, List.of(args));
        command.addAll(archive.options());
        command.addAll(options);
        command.add("-D" + Bootstrap.EXPLODED_PROPERTY + "=" + exploded);
        command.add("-cp");
        command.add(Bootstrap.joined(classPath));
        command.add(Bootstrap.CLI_CLASS);
        command.addAll(List.of(args));
        Process child;
        try {
            ProcessBuilder builder = new ProcessBuilder(command).inheritIO();
            // their options are among this JVM's already: read again, they would be given twice (and announced twice)
            builder.environment().remove("JDK_JAVA_OPTIONS");
            builder.environment().remove("JAVA_TOOL_OPTIONS");
            child = builder.start();
        } catch (IOException | IllegalStateException e) {
            return null;
        }
        Thread stop = new Thread(() -> { // stopped itself (SIGTERM, Ctrl-C): the generation stops with it
            child.destroy();
            try {
                child.waitFor();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "testfarm-stop-generation");
        Runtime.getRuntime().addShutdownHook(stop);
        int code = child.waitFor();
        archive.finish(code);
        Runtime.getRuntime().removeShutdownHook(stop);
        return code;
    }

    /** The {@code java} command of this JVM. */
    static String java() {
        return Path.of(System.getProperty("java.home"), "bin", "java").toString();
    }
}
