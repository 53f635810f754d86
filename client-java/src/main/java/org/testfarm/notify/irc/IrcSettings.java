package org.testfarm.notify.irc;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;

import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.InvalidSettingsException;
import org.testfarm.notify.TrustMaterial;

/**
 * Where and as whom IRC messages go. Read from the keys of v1's
 * {@code config['irc_report']} ({@code channel, address, port} (6667),
 * {@code nick, ident, realname}) plus {@code tls} (true/false; default true on
 * port 6697), {@code password} (the server's), {@code key} (the channel's),
 * {@code timeout} (seconds, default 10) and {@code truststore} (with
 * {@code truststore_password}) for a server certificate of a private authority.
 */
public record IrcSettings(String address, int port, boolean tls, String channel, Optional<String> channelKey,
                          String nick, String ident, String realname, Optional<String> password,
                          Duration timeout, Optional<SSLSocketFactory> tlsSockets) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);

    public IrcSettings {
        Objects.requireNonNull(address, "address");
        Objects.requireNonNull(channel, "channel");
        Objects.requireNonNull(nick, "nick");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(tlsSockets, "tlsSockets");
    }

    /**
     * @throws InvalidSettingsException naming the key that is missing or malformed
     */
    public static IrcSettings from(ChannelSettings settings) {
        String address = settings.text("address");
        int port = settings.integer("port", 6667);
        if (port < 1 || port > 65535) {
            throw settings.invalid("port", "must be between 1 and 65535, not " + port);
        }
        String channel = settings.text("channel");
        if ("#&+!".indexOf(channel.charAt(0)) < 0) {
            channel = "#" + channel;
        }
        if (!channel.matches("[#&+!][^\\s,\\x07]{1,49}")) {
            throw settings.invalid("channel", "is not an IRC channel name: '" + channel + "'");
        }
        String nick = settings.text("nick", "testfarm");
        if (!nick.matches("[A-Za-z\\[\\]\\\\`_^{|}][A-Za-z0-9\\[\\]\\\\`_^{|}-]{0,29}")) {
            throw settings.invalid("nick", "is not an IRC nick name: '" + nick + "'");
        }
        String ident = settings.text("ident", nick);
        if (!ident.matches("[^\\s@]{1,30}")) {
            throw settings.invalid("ident", "must be one word without '@', not '" + ident + "'");
        }
        Optional<SSLSocketFactory> sockets = settings.optionalText("truststore")
                .map(file -> TrustMaterial.socketFactory(Path.of(file),
                        settings.optionalText("truststore_password").orElse(null)));
        return new IrcSettings(address, port, settings.flag("tls", port == 6697), channel,
                settings.optionalText("key"), nick, ident, settings.text("realname", "TestFarm"),
                settings.optionalText("password"), settings.seconds("timeout", DEFAULT_TIMEOUT), sockets);
    }

    @Override
    public String toString() {
        return "IRC to " + channel + " on " + address + ":" + port + (tls ? " (tls)" : "");
    }
}
