package org.testfarm.server.launch;

import java.nio.channels.FileChannel;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/** A process holding a shared lock on a file until it is stopped, as a running TestFarm holds its copy. */
final class LockHolder {

    private LockHolder() {
    }

    public static void main(String[] args) throws Exception {
        FileChannel channel = FileChannel.open(Path.of(args[0]), StandardOpenOption.READ, StandardOpenOption.WRITE,
                StandardOpenOption.CREATE);
        channel.lock(0, Long.MAX_VALUE, true);
        System.out.println("held");
        Thread.sleep(Long.MAX_VALUE);
    }
}
