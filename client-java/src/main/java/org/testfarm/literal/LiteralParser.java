package org.testfarm.literal;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads one Python 2 literal. Containers are tracked on an explicit stack rather
 * than by recursion, so no input can exhaust the thread's stack; the depth of
 * that stack is bounded by {@link LiteralLimits#maxDepth()}.
 */
final class LiteralParser {

    /** The literal's characters: indexing an array is what the parser does most. */
    private final char[] text;
    private final LiteralLimits limits;
    private final Deque<OpenContainer> open = new ArrayDeque<>();
    private int pos;

    private LiteralParser(char[] text, LiteralLimits limits) {
        this.text = text;
        this.limits = limits;
    }

    static Object parse(String text, LiteralLimits limits) {
        if (text.length() > limits.maxLength()) {
            throw new LiteralException("literal too long: " + text.length()
                    + " characters, the limit is " + limits.maxLength());
        }
        return new LiteralParser(text.toCharArray(), limits).parseWhole();
    }

    /** Reads a literal stored as UTF-8: ASCII, as most are, widened straight into the parser's characters. */
    static Object parseUtf8(byte[] utf8, LiteralLimits limits) {
        char[] text = utf8.length <= limits.maxLength() ? ascii(utf8) : null;
        if (text == null) { // not ASCII, or too long: decoded, and its length told in characters, by parse
            return parse(new String(utf8, java.nio.charset.StandardCharsets.UTF_8), limits);
        }
        return new LiteralParser(text, limits).parseWhole();
    }

    /** The bytes as characters if all are ASCII, else null. */
    private static char[] ascii(byte[] bytes) {
        char[] chars = new char[bytes.length];
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] < 0) {
                return null;
            }
            chars[i] = (char) bytes[i];
        }
        return chars;
    }

    private Object parseWhole() {
        Object value = parseValue();
        skipWhitespace();
        if (pos < text.length) {
            throw new LiteralException("unexpected " + SourceText.describe(text, pos)
                    + " after the end of the literal", pos);
        }
        return value;
    }

    /**
     * Reads a value; each opened container is pushed and its elements are read
     * by going round the outer loop again, each completed value climbs into the
     * containers that are waiting for it.
     */
    private Object parseValue() {
        descend:
        while (true) {
            skipWhitespace();
            int valueStart = pos;
            Object value;
            if (pos < text.length && isOpening(text[pos])) {
                OpenContainer container = openContainer();
                skipWhitespace();
                if (!at(container.closing)) {
                    continue;
                }
                pos++;
                open.pop();
                value = container.result();
            } else {
                value = parseScalar();
            }
            while (true) {
                OpenContainer container = open.peek();
                if (container == null) {
                    return value;
                }
                if (container.awaitsKey()) {
                    container.takeKey(value, valueStart);
                    skipWhitespace();
                    expect(':');
                    continue descend;
                }
                container.add(value);
                skipWhitespace();
                if (at(',')) {
                    pos++;
                    container.sawComma = true;
                    skipWhitespace();
                    if (!at(container.closing)) {
                        continue descend;
                    }
                } else if (!at(container.closing)) {
                    throw new LiteralException("expected ',' or '" + container.closing + "' but found "
                            + SourceText.describe(text, pos) + " (the container opened at offset "
                            + container.openedAt + ")", pos);
                }
                pos++;
                open.pop();
                value = container.result();
                valueStart = container.openedAt;
            }
        }
    }

    private static boolean isOpening(char c) {
        return c == '[' || c == '(' || c == '{';
    }

    private OpenContainer openContainer() {
        if (open.size() >= limits.maxDepth()) {
            throw new LiteralException("nested deeper than the limit of " + limits.maxDepth()
                    + " containers", pos);
        }
        OpenContainer container = new OpenContainer(text[pos], pos);
        open.push(container);
        pos++;
        return container;
    }

    private Object parseScalar() {
        if (pos >= text.length) {
            throw new LiteralException("expected a value but found end of input", pos);
        }
        char c = text[pos];
        Scanned scanned;
        if (c == '\'' || c == '"') {
            scanned = StringLiteralDecoder.decode(text, pos);
        } else if (SourceText.isNameStart(c)) {
            scanned = parseName();
        } else if (NumberLiteralDecoder.startsNumber(text, pos)) {
            scanned = NumberLiteralDecoder.decode(text, pos);
        } else {
            throw new LiteralException("expected a value but found " + SourceText.describe(text, pos), pos);
        }
        pos = scanned.end();
        return scanned.value();
    }

    /** True, False, None, or the prefix of a string literal such as {@code ur'...'}. */
    private Scanned parseName() {
        int end = pos;
        while (end < text.length && SourceText.isNameChar(text[end])) {
            end++;
        }
        // the three names, matched in place (no string prefix is one of them)
        if (isWord(pos, end, NONE)) {
            return new Scanned(null, end);
        }
        if (isWord(pos, end, TRUE)) {
            return new Scanned(Boolean.TRUE, end);
        }
        if (isWord(pos, end, FALSE)) {
            return new Scanned(Boolean.FALSE, end);
        }
        String name = SourceText.slice(text, pos, Math.min(end, pos + 40));
        if (end < text.length && StringLiteralDecoder.isPrefix(name)
                && (text[end] == '\'' || text[end] == '"')) {
            return StringLiteralDecoder.decode(text, pos);
        }
        String shown = end - pos > name.length() ? name + "..." : name;
        throw new LiteralException("unknown name '" + shown + "' (only True, False and None are literals)", pos);
    }

    private static final char[] NONE = "None".toCharArray();
    private static final char[] TRUE = "True".toCharArray();
    private static final char[] FALSE = "False".toCharArray();

    private boolean isWord(int from, int to, char[] word) {
        if (to - from != word.length) {
            return false;
        }
        for (int i = 0; i < word.length; i++) {
            if (text[from + i] != word[i]) {
                return false;
            }
        }
        return true;
    }

    private void skipWhitespace() {
        pos = SourceText.skipWhitespace(text, pos);
    }

    private boolean at(char c) {
        return pos < text.length && text[pos] == c;
    }

    private void expect(char c) {
        if (!at(c)) {
            throw new LiteralException("expected '" + c + "' but found " + SourceText.describe(text, pos), pos);
        }
        pos++;
    }

    /** A list, tuple or dict whose closing bracket has not been read yet. */
    private static final class OpenContainer {
        final char opening;
        final char closing;
        final int openedAt;
        final List<Object> items;
        final Map<Object, Object> entries;
        boolean sawComma;
        private boolean hasKey;
        private Object key;

        OpenContainer(char opening, int openedAt) {
            this.opening = opening;
            this.closing = opening == '[' ? ']' : opening == '(' ? ')' : '}';
            this.openedAt = openedAt;
            this.items = opening == '{' ? null : new ArrayList<>();
            this.entries = opening == '{' ? new LinkedHashMap<>() : null;
        }

        boolean awaitsKey() {
            return opening == '{' && !hasKey;
        }

        void takeKey(Object value, int keyStart) {
            if (!DictKeys.isHashable(value)) {
                throw new LiteralException("unhashable dict key: a key must not be a list or a dict,"
                        + " nor a tuple holding one", keyStart);
            }
            key = value;
            hasKey = true;
        }

        void add(Object value) {
            if (opening == '{') {
                entries.put(key, value);
                key = null;
                hasKey = false;
            } else {
                items.add(value);
            }
        }

        Object result() {
            switch (opening) {
                case '[':
                    return items;
                case '{':
                    return entries;
                default:
                    boolean grouping = items.size() == 1 && !sawComma;
                    return grouping ? items.get(0) : new PyTuple(items);
            }
        }
    }
}
