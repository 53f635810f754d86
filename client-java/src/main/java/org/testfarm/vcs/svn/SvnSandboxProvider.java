package org.testfarm.vcs.svn;

import java.nio.file.Files;
import java.nio.file.Path;

import org.testfarm.vcs.Sandbox;
import org.testfarm.vcs.SandboxOptions;
import org.testfarm.vcs.SandboxProvider;

/** Subversion working copies, through SVNKit. Registered as {@code svn}. */
public final class SvnSandboxProvider implements SandboxProvider {

    public static final String NAME = "svn";

    @Override
    public String name() {
        return NAME;
    }

    /** A directory holding {@code .svn}: the top of a working copy of Subversion 1.7 or later. */
    @Override
    public boolean recognizes(Path directory) {
        return Files.isDirectory(directory.resolve(".svn"));
    }

    @Override
    public Sandbox open(Path directory, SandboxOptions options) {
        return SvnSandbox.open(directory, options);
    }
}
