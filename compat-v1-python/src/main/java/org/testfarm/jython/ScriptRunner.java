package org.testfarm.jython;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;

import org.python.core.Py;
import org.python.core.PyException;
import org.python.core.PyObject;
import org.python.core.PyString;
import org.python.core.PySystemState;
import org.python.util.PythonInterpreter;

/**
 * Runs one script in this JVM: sets up Jython (no site import, no scan of the
 * class path for Java packages), {@code sys.argv}, the script's folder first on
 * {@code sys.path} and the flat v1 modules after the standard library, then
 * executes the script as {@code __main__}.
 */
final class ScriptRunner {

    /** Beside the {@code testfarm} package in the jar: where {@code import task} finds the flat v1 modules. */
    static final String FLAT_MODULES = "testfarm_v1_flat";

    /**
     * The Java packages the v1 modules import from. Jython does not scan the
     * class path for packages here (that would cost seconds), so it is told.
     */
    static final String[] JAVA_PACKAGES = {
        "org.testfarm.console", "org.testfarm.engine", "org.testfarm.event", "org.testfarm.jython.bridge",
        "org.testfarm.runner", "org.testfarm.store", "org.testfarm.vcs", "org.testfarm.wire",
    };

    private ScriptRunner() {
    }

    static int run(String[] args) {
        Path script = Path.of(args[0]);
        if (!Files.isRegularFile(script)) {
            System.err.println("testfarm-v1: can't open file '" + args[0] + "': [Errno 2] No such file or directory");
            return 2;
        }
        PySystemState.initialize(System.getProperties(), jythonOptions(), args);
        PySystemState sys = Py.getSystemState();
        for (String javaPackage : JAVA_PACKAGES) {
            PySystemState.add_package(javaPackage);
        }
        String folder = script.toAbsolutePath().getParent().toString();
        sys.path.insert(0, Py.newStringOrUnicode(folder));
        addFlatModules(sys);
        PythonInterpreter interpreter = new PythonInterpreter(null, sys);
        int status;
        try {
            interpreter.set("__name__", new PyString("__main__"));
            interpreter.set("__file__", Py.newStringOrUnicode(args[0]));
            interpreter.exec(CompiledScripts.load(script));
            status = 0;
        } catch (PyException e) {
            status = ExitStatus.of(e);
        } catch (java.io.IOException e) {
            System.err.println("testfarm-v1: can't read file '" + args[0] + "': " + e.getMessage());
            status = 2;
        } finally {
            flush(sys);
        }
        try {
            interpreter.cleanup();
        } catch (PyException e) {
            status = status == 0 ? ExitStatus.of(e) : status;
        }
        return status;
    }

    /** Runs {@code testfarm.training}: what the class-data archive is made from. */
    static int train() {
        try {
            Path script = Files.createTempFile("testfarm-training", ".py");
            Files.writeString(script, "import testfarm.training\ntestfarm.training.run()\n");
            try {
                return run(new String[] {script.toString()});
            } finally {
                Files.deleteIfExists(script);
            }
        } catch (java.io.IOException e) {
            return 1;
        }
    }

    private static Properties jythonOptions() {
        Properties options = new Properties();
        options.setProperty("python.import.site", System.getProperty("python.import.site", "false"));
        options.setProperty("python.cachedir.skip", System.getProperty("python.cachedir.skip", "true"));
        options.setProperty("python.console.encoding", System.getProperty("python.console.encoding", "UTF-8"));
        return options;
    }

    /**
     * The standard library from the launcher's copy when there is one (see
     * {@link StandardLibrary}), and right after it the flat v1 modules:
     * {@code <jar>/Lib/testfarm_v1_flat}.
     */
    private static void addFlatModules(PySystemState sys) {
        String copy = StandardLibrary.pathEntry();
        for (int i = 0; i < sys.path.__len__(); i++) {
            String entry = sys.path.pyget(i).toString();
            if (entry.endsWith(".jar/Lib") || entry.endsWith(".jar" + File.separator + "Lib")) {
                String library = copy != null ? copy : entry;
                sys.path.pyset(i, Py.newStringOrUnicode(library));
                sys.path.insert(i + 1, Py.newStringOrUnicode(library + "/" + FLAT_MODULES));
                return;
            }
        }
        sys.path.append(new PyString("__pyclasspath__/Lib/" + FLAT_MODULES));
    }

    private static void flush(PySystemState sys) {
        for (PyObject stream : new PyObject[] {sys.stdout, sys.stderr}) {
            try {
                stream.invoke("flush");
            } catch (PyException ignored) {
                // a closed or replaced stream: nothing more can be written to it
            }
        }
    }
}
