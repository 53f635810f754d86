package org.testfarm.notify.irc;

import java.io.BufferedReader;
import java.io.Closeable;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.Set;

import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.SSLSocketFactory;

import org.testfarm.notify.NotifierException;

/**
 * A short IRC session (RFC 1459/2812), enough to say something and leave:
 * connect (optionally over TLS, with the server's certificate and host name
 * checked), register with NICK and USER and wait for the welcome (001), join a
 * channel, send PRIVMSGs, quit. PINGs are answered while waiting. Every read
 * and the connect give up after the settings' time-out. Not thread-safe.
 */
final class IrcConnection implements Closeable {

    /** The longest text of one PRIVMSG, in bytes, leaving room for the prefix servers add when relaying. */
    static final int MAX_TEXT_BYTES = 400;
    private static final Set<String> JOIN_ERRORS = Set.of("403", "405", "471", "473", "474", "475", "476", "477");

    private final Socket socket;
    private final BufferedReader in;
    private final OutputStream out;
    private final String server;
    private String nick;

    private IrcConnection(Socket socket, String server) throws IOException {
        this.socket = socket;
        this.server = server;
        this.in = new BufferedReader(new InputStreamReader(socket.getInputStream(), StandardCharsets.UTF_8));
        this.out = socket.getOutputStream();
    }

    static IrcConnection open(IrcSettings settings) {
        String where = settings.address() + ":" + settings.port();
        int timeout = (int) settings.timeout().toMillis();
        Socket socket = new Socket();
        try {
            socket.connect(new InetSocketAddress(settings.address(), settings.port()), timeout);
            socket.setSoTimeout(timeout);
            if (settings.tls()) {
                SSLSocketFactory factory = settings.tlsSockets()
                        .orElse((SSLSocketFactory) SSLSocketFactory.getDefault());
                SSLSocket tls = (SSLSocket) factory.createSocket(socket, settings.address(), settings.port(), true);
                SSLParameters parameters = tls.getSSLParameters();
                parameters.setEndpointIdentificationAlgorithm("HTTPS");
                tls.setSSLParameters(parameters);
                tls.setSoTimeout(timeout);
                tls.startHandshake();
                socket = tls;
            }
            return new IrcConnection(socket, where);
        } catch (IOException e) {
            closeQuietly(socket);
            throw new NotifierException("cannot connect to the IRC server " + where + ": " + describe(e), e);
        }
    }

    /** NICK and USER, then waits for the welcome; a nick in use gets an underscore, up to three times. */
    void register(String wantedNick, String ident, String realname, String password) {
        nick = wantedNick;
        if (password != null) {
            send("PASS " + password);
        }
        send("NICK " + nick);
        send("USER " + ident + " 0 * :" + realname);
        int tries = 0;
        while (true) {
            IrcLine line = next("the welcome");
            switch (line.command()) {
                case "001" -> {
                    return;
                }
                case "433", "436" -> {
                    if (++tries > 3) {
                        throw failure("the nick names " + wantedNick + " to " + nick + " are all in use");
                    }
                    nick = nick + "_";
                    send("NICK " + nick);
                }
                case "432", "464", "465" -> throw failure("registration refused: " + line.trailing());
                default -> { }
            }
        }
    }

    /** Joins and waits until the server says so (or says why not). */
    void join(String channel, String key) {
        send("JOIN " + channel + (key == null ? "" : " " + key));
        while (true) {
            IrcLine line = next("joining " + channel);
            if (line.command().equals("JOIN") && nick.equalsIgnoreCase(line.nick())) {
                return;
            }
            if (JOIN_ERRORS.contains(line.command())) {
                throw failure("cannot join " + channel + ": " + line.trailing());
            }
        }
    }

    /** Says {@code text}, one PRIVMSG per line, long lines split. */
    void privmsg(String target, String text) {
        for (String line : text.split("\\R")) {
            for (String part : IrcText.split(line, MAX_TEXT_BYTES)) {
                send("PRIVMSG " + target + " :" + part);
            }
        }
    }

    /** QUIT, then waits briefly for the server to close, so that it handles what was sent. */
    void quit(String message) {
        send("QUIT :" + message);
        try {
            socket.setSoTimeout(Math.min(socket.getSoTimeout(), 2000));
            while (in.readLine() != null) {
                // the server's goodbye (ERROR :Closing link)
            }
        } catch (IOException e) {
            // gone already, or slow to close: either way we are done
        }
    }

    private IrcLine next(String waitingFor) {
        while (true) {
            String raw;
            try {
                raw = in.readLine();
            } catch (SocketTimeoutException e) {
                throw failure("no answer while waiting for " + waitingFor);
            } catch (IOException e) {
                throw failure("connection lost while waiting for " + waitingFor + ": " + describe(e));
            }
            if (raw == null) {
                throw failure("the server closed the connection while waiting for " + waitingFor);
            }
            IrcLine line = IrcLine.parse(raw);
            if (line.command().equals("PING")) {
                send("PONG :" + line.trailing());
            } else if (line.command().equals("ERROR")) {
                throw failure("the server said: " + line.trailing());
            } else {
                return line;
            }
        }
    }

    private void send(String line) {
        try {
            out.write((IrcText.clean(line) + "\r\n").getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (IOException e) {
            throw failure("cannot send to the server: " + describe(e));
        }
    }

    private NotifierException failure(String problem) {
        return new NotifierException("IRC server " + server + ": " + problem);
    }

    private static String describe(IOException e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
    }

    @Override
    public void close() {
        closeQuietly(socket);
    }

    private static void closeQuietly(Socket socket) {
        try {
            socket.close();
        } catch (IOException e) {
            // nothing left to do
        }
    }
}
