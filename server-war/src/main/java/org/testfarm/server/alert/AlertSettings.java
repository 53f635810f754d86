package org.testfarm.server.alert;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.testfarm.notify.DetailsPage;
import org.testfarm.notify.Notifier;
import org.testfarm.notify.NotifierRegistry;
import org.testfarm.notify.NotifyPolicy;

/**
 * A project's alerts, as its metadata configures them (docs/notifications.md):
 * {@code notify.<channel>.<setting>} for each channel (such as
 * {@code notify.mail.recipients}), {@code notify.policy} (default
 * {@value #DEFAULT_POLICY}) and {@code notify.page}, the web site the links point to.
 * A project without any channel key has no alerts.
 */
public record AlertSettings(NotifyPolicy policy, Optional<DetailsPage> page, Map<String, Object> meta) {

    public static final String POLICY_KEY = NotifierRegistry.PREFIX + "policy";
    public static final String PAGE_KEY = NotifierRegistry.PREFIX + "page";
    public static final String DEFAULT_POLICY = "break,recovery,missing";

    public AlertSettings {
        meta = Map.copyOf(meta);
    }

    /**
     * The alerts of a project, if it configures any channel.
     *
     * @throws org.testfarm.notify.InvalidSettingsException when the policy or the page is malformed
     */
    public static Optional<AlertSettings> of(Map<String, Object> projectMeta, NotifierRegistry registry) {
        if (registry.configuredIn(projectMeta).isEmpty()) {
            return Optional.empty();
        }
        Object policy = projectMeta.get(POLICY_KEY);
        return Optional.of(new AlertSettings(
                NotifyPolicy.parse(policy == null ? DEFAULT_POLICY : String.valueOf(policy)),
                DetailsPage.ofNullable(projectMeta.get(PAGE_KEY)), withoutNulls(projectMeta)));
    }

    /**
     * The configured channels, made afresh.
     *
     * @throws org.testfarm.notify.InvalidSettingsException when a channel's settings are malformed
     */
    public List<Notifier> channels(NotifierRegistry registry) {
        return registry.createAll(meta);
    }

    private static Map<String, Object> withoutNulls(Map<String, Object> meta) {
        Map<String, Object> out = new LinkedHashMap<>();
        meta.forEach((k, v) -> {
            if (v != null) {
                out.put(k, v);
            }
        });
        return out;
    }
}
