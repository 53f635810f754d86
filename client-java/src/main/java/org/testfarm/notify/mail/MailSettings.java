package org.testfarm.notify.mail;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

import javax.net.ssl.SSLSocketFactory;

import org.testfarm.notify.ChannelSettings;
import org.testfarm.notify.InvalidSettingsException;
import org.testfarm.notify.Notification;
import org.testfarm.notify.TrustMaterial;

/**
 * Where and how mail goes. Read from the keys of v1's {@code config['mail_report']}
 * ({@code recipients, server, port, username, password, from_email, from_name,
 * subject}) plus {@code security} ({@code none}, {@code starttls}, {@code ssl};
 * by default {@code ssl} on port 465, {@code starttls} on 587, else {@code none}),
 * {@code timeout} (seconds, default 5) and {@code truststore} (a PEM file or
 * PKCS#12/JKS store of the certificates to trust, with {@code truststore_password}).
 *
 * @param subject   with one {@code %s} for the colour, as v1 wrote it ({@code %%} is a percent sign);
 *                  empty: {@code [TestFarm] COLOUR} and the notification's headline
 * @param tlsSockets the sockets to use for TLS; empty: the JVM's defaults
 */
public record MailSettings(String server, int port, Security security, Optional<String> username,
                           Optional<String> password, String fromEmail, String fromName, List<String> recipients,
                           Optional<String> subject, Duration timeout, Optional<SSLSocketFactory> tlsSockets) {

    public static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);

    /** How the connection to the SMTP server is protected. */
    public enum Security { NONE, STARTTLS, SSL }

    public MailSettings {
        Objects.requireNonNull(server, "server");
        Objects.requireNonNull(security, "security");
        recipients = List.copyOf(recipients);
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(tlsSockets, "tlsSockets");
    }

    /**
     * @throws InvalidSettingsException naming the key that is missing or malformed
     */
    public static MailSettings from(ChannelSettings settings) {
        List<String> recipients = settings.list("recipients");
        if (recipients.isEmpty()) {
            throw settings.invalid("recipients", "is missing: give one address or more");
        }
        for (String recipient : recipients) {
            if (!recipient.contains("@")) {
                throw settings.invalid("recipients", "holds '" + recipient + "', which is not a mail address");
            }
        }
        String fromEmail = settings.text("from_email");
        int port = settings.integer("port", 25);
        if (port < 1 || port > 65535) {
            throw settings.invalid("port", "must be between 1 and 65535, not " + port);
        }
        Security security = security(settings, port);
        Optional<SSLSocketFactory> sockets = settings.optionalText("truststore")
                .map(file -> TrustMaterial.socketFactory(Path.of(file),
                        settings.optionalText("truststore_password").orElse(null)));
        return new MailSettings(settings.text("server", "localhost"), port, security,
                settings.optionalText("username"), settings.optionalText("password"), fromEmail,
                settings.text("from_name", "TestFarm"), recipients, settings.optionalText("subject"),
                settings.seconds("timeout", DEFAULT_TIMEOUT), sockets);
    }

    private static Security security(ChannelSettings settings, int port) {
        Optional<String> named = settings.optionalText("security");
        if (named.isEmpty()) {
            return port == 465 ? Security.SSL : port == 587 ? Security.STARTTLS : Security.NONE;
        }
        try {
            return Security.valueOf(named.get().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw settings.invalid("security", "must be none, starttls or ssl, not '" + named.get() + "'");
        }
    }

    /** The subject of a notification: v1's {@code subject % colour}, or a default that names what happened. */
    public String subjectFor(Notification notification) {
        String colour = notification.colour().label();
        if (subject.isEmpty()) {
            return "[TestFarm] " + colour + ": " + notification.headline();
        }
        String subject = this.subject.get();
        StringBuilder out = new StringBuilder();
        boolean used = false;
        for (int i = 0; i < subject.length(); i++) {
            char c = subject.charAt(i);
            if (c == '%' && i + 1 < subject.length() && subject.charAt(i + 1) == '%') {
                out.append('%');
                i++;
            } else if (c == '%' && i + 1 < subject.length() && subject.charAt(i + 1) == 's' && !used) {
                out.append(colour);
                used = true;
                i++;
            } else {
                out.append(c);
            }
        }
        return out.toString();
    }

    @Override
    public String toString() {
        return "mail to " + String.join(", ", recipients) + " via " + server + ":" + port
                + (security == Security.NONE ? "" : " (" + security.name().toLowerCase(Locale.ROOT) + ")");
    }
}
