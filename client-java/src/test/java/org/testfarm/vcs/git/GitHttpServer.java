package org.testfarm.vcs.git;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

import com.sun.net.httpserver.BasicAuthenticator;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.eclipse.jgit.transport.PacketLineOut;
import org.eclipse.jgit.transport.RefAdvertiser;
import org.eclipse.jgit.transport.UploadPack;

/**
 * A real HTTP server on the loopback address (the JDK's) that serves one bare
 * repository for fetching with Git's smart HTTP protocol, behind Basic
 * authentication with one user and token.
 */
final class GitHttpServer implements AutoCloseable {

    private final HttpServer server;

    private GitHttpServer(HttpServer server) {
        this.server = server;
    }

    static GitHttpServer start(Path bareRepository, String user, String token) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/repo.git/", exchange -> serve(exchange, bareRepository))
                .setAuthenticator(new BasicAuthenticator("TestFarm") {
                    @Override
                    public boolean checkCredentials(String givenUser, String givenToken) {
                        return user.equals(givenUser) && token.equals(givenToken);
                    }
                });
        server.start();
        return new GitHttpServer(server);
    }

    String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/repo.git";
    }

    private static void serve(HttpExchange exchange, Path bareRepository) throws IOException {
        try (exchange; Repository repository = new FileRepositoryBuilder()
                .setGitDir(bareRepository.toFile()).setMustExist(true).build()) {
            String path = exchange.getRequestURI().getPath();
            if (path.endsWith("/info/refs")) {
                advertise(exchange, repository);
            } else if (path.endsWith("/git-upload-pack") && "POST".equals(exchange.getRequestMethod())) {
                uploadPack(exchange, repository);
            } else {
                exchange.sendResponseHeaders(404, -1);
            }
        }
    }

    private static void advertise(HttpExchange exchange, Repository repository) throws IOException {
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-advertisement");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            PacketLineOut packets = new PacketLineOut(body);
            packets.writeString("# service=git-upload-pack\n");
            packets.end();
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.sendAdvertisedRefs(new RefAdvertiser.PacketLineOutRefAdvertiser(packets));
        }
    }

    private static void uploadPack(HttpExchange exchange, Repository repository) throws IOException {
        InputStream request = exchange.getRequestBody();
        if ("gzip".equals(exchange.getRequestHeaders().getFirst("Content-Encoding"))) {
            request = new GZIPInputStream(request);
        }
        exchange.getResponseHeaders().set("Content-Type", "application/x-git-upload-pack-result");
        exchange.sendResponseHeaders(200, 0);
        try (OutputStream body = exchange.getResponseBody()) {
            UploadPack upload = new UploadPack(repository);
            upload.setBiDirectionalPipe(false);
            upload.upload(request, body, null);
        }
    }

    @Override
    public void close() {
        server.stop(0);
    }
}
