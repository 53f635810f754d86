package org.testfarm.notify;

/**
 * A channel: how a {@link Notification} reaches people (mail, IRC, a chat
 * webhook...). When to send is not its business: a {@link NotifyPolicy} decided
 * that already. Made by a {@link NotifierProvider} from its settings.
 *
 * <p>{@link #send} may block, but should give up within a few seconds of an
 * unreachable server (connect and read time-outs); callers also stop waiting
 * after their own deadline. Implementations must be thread-safe.
 */
public interface Notifier {

    /**
     * Delivers one notification.
     *
     * @throws NotifierException (or another runtime exception) when it cannot;
     *         callers log it and go on
     */
    void send(Notification notification);

    /** Where it sends, for log lines: {@code mail to dev@example.org via smtp.example.org:587}. */
    default String describe() {
        return getClass().getSimpleName();
    }
}
