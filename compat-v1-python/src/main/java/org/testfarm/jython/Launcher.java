package org.testfarm.jython;

import java.util.Arrays;

/**
 * {@code java -jar testfarm-v1.jar SCRIPT.py [ARGS...]}: runs a v1 Python 2 client
 * script as {@code python SCRIPT.py ARGS...} would, on the embedded Jython, and
 * exits with the script's status.
 *
 * <p>This class touches no Jython class: when it is worth it, {@link FastStart}
 * first re-runs the JVM with a class-data archive, and only that JVM loads Jython.
 */
public final class Launcher {

    static final String USAGE = "usage: java -jar testfarm-v1.jar SCRIPT.py [ARGS...]\n"
            + "Runs a TestFarm v1 Python 2 client script on the embedded Jython 2.7.";

    private Launcher() {
    }

    public static void main(String[] args) {
        System.exit(run(args));
    }

    static int run(String[] args) {
        if (args.length == 0 || args[0].equals("-h") || args[0].equals("--help")) {
            System.err.println(USAGE);
            return args.length == 0 ? 2 : 0;
        }
        if (args[0].equals(FastStart.TRAIN)) {
            return ScriptRunner.train();
        }
        if (args[0].startsWith("-")) {
            System.err.println("testfarm-v1: unknown option " + args[0] + "\n" + USAGE);
            return 2;
        }
        Integer relaunched = FastStart.relaunch(Arrays.asList(args));
        if (relaunched != null) {
            return relaunched;
        }
        return ScriptRunner.run(args);
    }
}
