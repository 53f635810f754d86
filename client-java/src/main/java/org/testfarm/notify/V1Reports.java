package org.testfarm.notify;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The notifications a v1 script's {@code config} asks for, as listeners:
 * {@code config['mail_report']} (keys {@code recipients, server, port, username,
 * password, from_email, from_name, subject}) becomes a {@code mail} channel,
 * {@code config['irc_report']} ({@code channel, address, port, nick, ident,
 * realname}) an {@code irc} channel, and {@code config['testfarm_page']} the base
 * of the links in their messages.
 *
 * <p>Like v1, every finished execution is reported (the subject says green or
 * red). A report dict may add {@code 'policy'} (e.g. {@code 'break, recovery'}, see
 * {@link NotifyPolicy}) and the settings of {@link org.testfarm.notify.mail.MailSettings}
 * and {@link org.testfarm.notify.irc.IrcSettings} beyond v1's keys.
 *
 * <pre>{@code
 * for (FarmListener listener : V1Reports.listeners(config)) runner.listener(listener);
 * }</pre>
 */
public final class V1Reports {

    /** v1 reported every finished execution. */
    public static final NotifyPolicy DEFAULT_POLICY = NotifyPolicy.of(NotifyPolicy.Trigger.ALWAYS);

    /** The config keys and the channels they make, in the order listeners are returned. */
    private static final Map<String, String> REPORTS = new LinkedHashMap<>();

    static {
        REPORTS.put("mail_report", "mail");
        REPORTS.put("irc_report", "irc");
    }

    private V1Reports() {
    }

    /** One listener per report in {@code config}, with the installed channels. */
    public static List<NotifyingListener> listeners(Map<String, ?> config) {
        return listeners(config, NotifierRegistry.installed());
    }

    /**
     * One listener per report in {@code config}: none when it has neither report.
     *
     * @throws InvalidSettingsException when a report or {@code testfarm_page} is malformed
     */
    public static List<NotifyingListener> listeners(Map<String, ?> config, NotifierRegistry registry) {
        Optional<DetailsPage> page = DetailsPage.ofNullable(config.get("testfarm_page"));
        List<NotifyingListener> out = new ArrayList<>();
        REPORTS.forEach((key, channel) -> {
            Object report = config.get(key);
            if (report == null || report instanceof Boolean b && !b) {
                return;
            }
            if (!(report instanceof Map<?, ?> map)) {
                throw new InvalidSettingsException("config['" + key + "'] must be a dict of settings, not "
                        + report.getClass().getSimpleName());
            }
            Map<String, Object> settings = new LinkedHashMap<>();
            map.forEach((k, v) -> settings.put(String.valueOf(k), v));
            Object policyText = settings.remove("policy");
            NotifyPolicy policy = policyText == null ? DEFAULT_POLICY : NotifyPolicy.parse(String.valueOf(policyText));
            NotifyingListener listener = new NotifyingListener(policy, List.of(registry.create(channel, settings)));
            page.ifPresent(listener::detailsPage);
            out.add(listener);
        });
        return out;
    }
}
