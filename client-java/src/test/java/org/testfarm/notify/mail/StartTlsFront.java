package org.testfarm.notify.mail;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.KeyStore;
import java.util.concurrent.atomic.AtomicInteger;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLSocket;

import org.testfarm.notify.TestCertificate;

/**
 * An SMTP front door that offers STARTTLS, as a mail provider's submission port
 * does, in front of GreenMail's plain SMTP server (which has no STARTTLS of its
 * own): it greets, answers EHLO with STARTTLS only, upgrades the connection with
 * the test certificate, then relays the encrypted session's plain text to
 * GreenMail, so AUTH and the message itself are GreenMail's business.
 */
final class StartTlsFront implements AutoCloseable {

    private final ServerSocket listener;
    private final int backendPort;
    private final SSLContext tls;
    private final AtomicInteger upgraded = new AtomicInteger();

    StartTlsFront(int backendPort) throws Exception {
        this.backendPort = backendPort;
        KeyStore keys = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(TestCertificate.get().keyStore())) {
            keys.load(in, TestCertificate.PASSWORD.toCharArray());
        }
        KeyManagerFactory factory = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        factory.init(keys, TestCertificate.PASSWORD.toCharArray());
        tls = SSLContext.getInstance("TLS");
        tls.init(factory.getKeyManagers(), null, null);
        listener = new ServerSocket(0, 10, InetAddress.getLoopbackAddress());
        Thread acceptor = new Thread(this::accept, "starttls-front");
        acceptor.setDaemon(true);
        acceptor.start();
    }

    int port() {
        return listener.getLocalPort();
    }

    /** How many sessions were upgraded to TLS. */
    int upgradedSessions() {
        return upgraded.get();
    }

    private void accept() {
        while (!listener.isClosed()) {
            try {
                Socket client = listener.accept();
                Thread session = new Thread(() -> serve(client), "starttls-session");
                session.setDaemon(true);
                session.start();
            } catch (IOException e) {
                return;
            }
        }
    }

    private void serve(Socket client) {
        try (client) {
            BufferedReader in = new BufferedReader(new InputStreamReader(client.getInputStream(), StandardCharsets.US_ASCII));
            OutputStream out = client.getOutputStream();
            say(out, "220 localhost ESMTP front");
            while (true) {
                String line = in.readLine();
                if (line == null) {
                    return;
                }
                String verb = line.split(" ")[0].toUpperCase();
                if (verb.equals("EHLO")) {
                    say(out, "250-localhost\r\n250 STARTTLS");
                } else if (verb.equals("STARTTLS")) {
                    say(out, "220 go ahead");
                    break;
                } else if (verb.equals("QUIT")) {
                    say(out, "221 bye");
                    return;
                } else {
                    say(out, "530 must issue STARTTLS first");
                }
            }
            SSLSocket secure = (SSLSocket) tls.getSocketFactory().createSocket(client, "localhost", client.getPort(), true);
            secure.setUseClientMode(false);
            secure.startHandshake();
            upgraded.incrementAndGet();
            try (Socket backend = new Socket(InetAddress.getLoopbackAddress(), backendPort)) {
                InputStream fromBackend = backend.getInputStream();
                // GreenMail's own greeting: the client had the front's already
                skipLine(fromBackend);
                Thread up = pipe(secure.getInputStream(), backend.getOutputStream());
                pipe(fromBackend, secure.getOutputStream()).join();
                up.join(1000);
            }
        } catch (IOException | InterruptedException e) {
            // the client or GreenMail went away: the session is over
        }
    }

    private static void skipLine(InputStream in) throws IOException {
        int c;
        while ((c = in.read()) >= 0 && c != '\n') {
            // the greeting's characters
        }
    }

    private static Thread pipe(InputStream from, OutputStream to) {
        Thread thread = new Thread(() -> {
            byte[] buffer = new byte[8192];
            try {
                int n;
                while ((n = from.read(buffer)) >= 0) {
                    to.write(buffer, 0, n);
                    to.flush();
                }
                to.close();
            } catch (IOException e) {
                // one side closed
            }
        }, "starttls-pipe");
        thread.setDaemon(true);
        thread.start();
        return thread;
    }

    private static void say(OutputStream out, String reply) throws IOException {
        out.write((reply + "\r\n").getBytes(StandardCharsets.US_ASCII));
        out.flush();
    }

    @Override
    public void close() throws IOException {
        listener.close();
    }
}
