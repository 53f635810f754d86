package org.testfarm.vcs.svn;

import org.tmatesoft.svn.core.internal.io.dav.DAVRepositoryFactory;
import org.tmatesoft.svn.core.internal.io.fs.FSRepositoryFactory;
import org.tmatesoft.svn.core.internal.io.svn.SVNRepositoryFactoryImpl;

/** Teaches SVNKit the URL schemes a sandbox may use: file://, svn://, http:// and https://. */
final class SvnProtocols {

    private static boolean ready;

    private SvnProtocols() {
    }

    static synchronized void setUp() {
        if (!ready) {
            FSRepositoryFactory.setup();
            SVNRepositoryFactoryImpl.setup();
            DAVRepositoryFactory.setup();
            ready = true;
        }
    }
}
