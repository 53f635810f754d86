package org.testfarm.engine;

import java.util.List;

/**
 * Kills a process and all its descendants. Each process is killed right after
 * its children are listed, parents first, so nothing can start new children
 * after being listed, and no child is orphaned (and lost) before it is listed.
 */
final class ProcessTree {

    private ProcessTree() {
    }

    static void kill(ProcessHandle root) {
        List<ProcessHandle> children = root.children().toList();
        root.destroyForcibly();
        for (ProcessHandle child : children) {
            kill(child);
        }
    }
}
