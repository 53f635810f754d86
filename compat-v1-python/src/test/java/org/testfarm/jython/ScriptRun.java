package org.testfarm.jython;

import java.util.List;

/** What a script run printed and how it ended. */
public record ScriptRun(int exitCode, String stdout, String stderr) {

    /** The lines of the standard output that start with one of {@code prefixes}, in order. */
    public List<String> linesStartingWith(List<String> prefixes) {
        return ExpectedOutput.select(stdout.lines().toList(), prefixes);
    }

    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout\n" + stdout + "--- stderr\n" + stderr;
    }
}
