package org.testfarm.notify.irc;

import java.util.Locale;

/**
 * One line from an IRC server: {@code [:prefix] COMMAND params [:trailing]}.
 *
 * @param prefix   who sent it ({@code nick!user@host} or a server name); empty if none
 * @param trailing the last parameter (after " :"), or the last word
 */
record IrcLine(String prefix, String command, String trailing) {

    static IrcLine parse(String raw) {
        String rest = raw;
        String prefix = "";
        if (rest.startsWith(":")) {
            int space = rest.indexOf(' ');
            prefix = space < 0 ? rest.substring(1) : rest.substring(1, space);
            rest = space < 0 ? "" : rest.substring(space + 1).stripLeading();
        }
        String trailing = "";
        int colon = rest.indexOf(" :");
        if (colon >= 0) {
            trailing = rest.substring(colon + 2);
            rest = rest.substring(0, colon);
        } else if (rest.startsWith(":")) {
            trailing = rest.substring(1);
            rest = "";
        }
        String[] words = rest.strip().split(" +");
        String command = words[0].toUpperCase(Locale.ROOT);
        if (colon < 0 && words.length > 1) {
            trailing = words[words.length - 1];
        }
        return new IrcLine(prefix, command, trailing);
    }

    /** The nick of the prefix {@code nick!user@host}. */
    String nick() {
        int bang = prefix.indexOf('!');
        return bang < 0 ? prefix : prefix.substring(0, bang);
    }
}
