package org.testfarm.notify.irc;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * A second person in the channel: a bare-socket IRC client, independent of the
 * code under test, that joins and collects what others say there.
 */
final class IrcWatcher implements AutoCloseable {

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;

    IrcWatcher(int port, String nick, String channel) throws IOException {
        socket = new Socket(InetAddress.getLoopbackAddress(), port);
        socket.setSoTimeout(10_000);
        in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        out = socket.getOutputStream();
        send("NICK " + nick);
        send("USER " + nick + " 0 * :watcher");
        awaitCommand("001");
        send("JOIN " + channel);
        awaitCommand("366"); // end of the member list: joined
    }

    /** The PRIVMSGs said in the channel, {@code nick: text}, until {@code count} came or 10 s passed. */
    List<String> messages(int count) throws IOException {
        List<String> said = new ArrayList<>();
        try {
            while (said.size() < count) {
                String line = nextLine();
                if (line == null) {
                    break;
                }
                String[] parts = line.split(" ", 4);
                if (parts.length == 4 && parts[1].equals("PRIVMSG")) {
                    String nick = parts[0].substring(1, parts[0].indexOf('!'));
                    said.add(nick + ": " + parts[3].substring(parts[3].indexOf(':') + 1));
                }
            }
        } catch (SocketTimeoutException e) {
            // nothing more came
        }
        return said;
    }

    private void awaitCommand(String command) throws IOException {
        String line;
        while ((line = nextLine()) != null) {
            String[] parts = line.split(" ");
            if (parts.length > 1 && parts[1].equals(command)) {
                return;
            }
        }
        throw new IOException("the server closed before " + command);
    }

    private String nextLine() throws IOException {
        String line = in.readLine();
        if (line != null && line.startsWith("PING")) {
            send("PONG" + line.substring(4));
        }
        return line;
    }

    private void send(String line) throws IOException {
        out.write((line + "\r\n").getBytes(StandardCharsets.UTF_8));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        socket.close();
    }
}
