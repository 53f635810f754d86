package org.testfarm.notify;

/**
 * A kind of notification channel, found with {@link java.util.ServiceLoader}:
 * list implementations in {@code META-INF/services/org.testfarm.notify.NotifierProvider}.
 * Implementations need a public no-argument constructor and must be thread-safe.
 *
 * <p>Its {@link #name()} is also the middle of the metadata keys that configure it
 * on the server: {@code notify.<name>.<setting>}.
 */
public interface NotifierProvider {

    /** The short name configurations use, such as {@code mail} or {@code irc}. */
    String name();

    /**
     * A channel configured by {@code settings}.
     *
     * @throws InvalidSettingsException when a setting is missing or malformed
     */
    Notifier create(ChannelSettings settings);
}
