package org.testfarm.notify.mail;

import java.io.UnsupportedEncodingException;
import java.nio.charset.StandardCharsets;
import java.util.Date;
import java.util.Objects;
import java.util.Properties;

import jakarta.mail.Address;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

import org.testfarm.notify.Notification;
import org.testfarm.notify.Notifier;
import org.testfarm.notify.NotifierException;

/**
 * Sends notifications as plain-text mail over SMTP (Jakarta Mail): optional
 * STARTTLS or SSL with the server's certificate and host name checked, optional
 * authentication, and connect, read and write time-outs so an unreachable server
 * costs seconds, not a run.
 */
public final class MailNotifier implements Notifier {

    private final MailSettings settings;
    private final MailBody body;

    public MailNotifier(MailSettings settings) {
        this(settings, MailBody.shared());
    }

    MailNotifier(MailSettings settings, MailBody body) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.body = Objects.requireNonNull(body, "body");
    }

    public MailSettings settings() {
        return settings;
    }

    @Override
    public void send(Notification notification) {
        Session session = Session.getInstance(properties());
        try {
            MimeMessage message = new MimeMessage(session);
            message.setFrom(new InternetAddress(settings.fromEmail(), settings.fromName(), "UTF-8"));
            message.setRecipients(Message.RecipientType.TO, recipients());
            message.setSubject(settings.subjectFor(notification), "UTF-8");
            message.setSentDate(new Date());
            message.setText(body.render(notification), StandardCharsets.UTF_8.name());
            message.setHeader("X-TestFarm-Colour", notification.colour().word());
            if (settings.username().isPresent()) {
                Transport.send(message, settings.username().get(), settings.password().orElse(""));
            } else {
                Transport.send(message);
            }
        } catch (MessagingException | UnsupportedEncodingException e) {
            throw new NotifierException("cannot send mail via " + settings.server() + ":" + settings.port() + ": "
                    + reason(e), e);
        }
    }

    /** The message, and the innermost cause's when it says something more ("Read timed out"). */
    private static String reason(Exception e) {
        String message = String.valueOf(e.getMessage());
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        if (root != e && root.getMessage() != null && !message.contains(root.getMessage())) {
            message += " (" + root.getMessage() + ")";
        }
        return message;
    }

    private Address[] recipients() throws AddressException {
        Address[] to = new Address[settings.recipients().size()];
        for (int i = 0; i < to.length; i++) {
            to[i] = new InternetAddress(settings.recipients().get(i), true);
        }
        return to;
    }

    /** The session's properties: protocol {@code smtp}, with TLS as the settings say. */
    Properties properties() {
        Properties p = new Properties();
        String timeout = String.valueOf(settings.timeout().toMillis());
        p.put("mail.transport.protocol", "smtp");
        p.put("mail.smtp.host", settings.server());
        p.put("mail.smtp.port", String.valueOf(settings.port()));
        p.put("mail.smtp.connectiontimeout", timeout);
        p.put("mail.smtp.timeout", timeout);
        p.put("mail.smtp.writetimeout", timeout);
        p.put("mail.smtp.auth", String.valueOf(settings.username().isPresent()));
        switch (settings.security()) {
            case STARTTLS -> {
                p.put("mail.smtp.starttls.enable", "true");
                p.put("mail.smtp.starttls.required", "true");
            }
            case SSL -> p.put("mail.smtp.ssl.enable", "true");
            case NONE -> { }
        }
        if (settings.security() != MailSettings.Security.NONE) {
            p.put("mail.smtp.ssl.checkserveridentity", "true");
            settings.tlsSockets().ifPresent(sockets -> p.put("mail.smtp.ssl.socketFactory", sockets));
        }
        return p;
    }

    @Override
    public String describe() {
        return settings.toString();
    }
}
