package org.testfarm.server.robust;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Pattern;

import org.testfarm.server.fixture.CapturedRequest;
import org.testfarm.wire.WireRequest;

/**
 * Damages the fields of a real captured request, one way at a time: truncations,
 * flipped bytes, deep nesting, huge numbers, bad escapes, values of the wrong type,
 * junk bytes, missing, extra and empty fields, and (rarely) the multipart body itself.
 */
public final class Mutator {

    /** A damaged request: what was done, and the body to send. */
    public record Mutant(String kind, String method, byte[] body) {

        /** The mutation's family: truncate, flip, nest, number, escape, type, junk, missing, extra, empty, body. */
        public String family() {
            return kind.replaceAll(" .*", "");
        }

        /** The body's form fields as a servlet container gives them (UTF-8), or null for a damaged multipart body. */
        public Map<String, String> fields() {
            return kind.startsWith("body ") ? null : Mutator.fields(body, WireRequest.BOUNDARY);
        }
    }

    /** A real request of a captured run: its method and fields. */
    public record Sample(String method, Map<String, byte[]> fields) {

        public static Sample of(CapturedRequest request) {
            String type = request.headers().get("Content-Type");
            return new Sample(request.wireMethod(),
                    Mutator.bytes(request.body(), type.substring(type.indexOf("boundary=") + 9)));
        }
    }

    private static final String[] OTHER_TYPES = {
        "None", "True", "False", "0", "-1", "42", "42L", "0.5", "-1e-05", "1j", "'text'", "u'\\u00e9t\\u00e9'",
        "\"it's\"", "[]", "[1, 2]", "()", "(1,)", "('a', 'b', 'c')", "{}", "{'a': 1}", "{1: 'x'}", "{'k': [None]}",
        "set([1])", "'20261126-032845'", "'CaptureProject'", "[('A', 'a.c', 'r1')]", "{'x': 'y'}", "__import__('os')",
        "lambda: 1", "print 1", "'a' 'b'", "'a' + 'b'", "1 if 1 else 2", "[x for x in y]", "`1`", "...", "b'x'",
        "r'raw'", "0777", "0x1F", "0b101", "1_000", "nan", "inf", "-inf", "float('nan')", "{'a': float('inf')}"};

    private static final String[] BAD_ESCAPES = {
        "\\x4", "\\xZZ", "\\x", "\\u12", "\\uD800", "\\U99999999", "\\U0010FFFF", "\\N{LATIN SMALL LETTER A}",
        "\\777", "\\8", "\\", "\\\\\\", "\\q", "\\u", "\\U", "\\\r\n", "\\\0"};

    private final Random random;

    public Mutator(long seed) {
        this.random = new Random(seed);
    }

    /** The sample's fields as a container gives them, undamaged. */
    public Map<String, String> unchanged(Sample sample) {
        return fields(WireSender.multipart(sample.fields()), WireRequest.BOUNDARY);
    }

    public Mutant mutate(Sample sample) {
        return mutate(sample.method(), sample.fields());
    }

    Mutant mutate(String method, Map<String, byte[]> fields) {
        Map<String, byte[]> out = new LinkedHashMap<>(fields);
        List<String> names = new ArrayList<>(fields.keySet());
        String field = names.get(random.nextInt(names.size()));
        byte[] value = fields.get(field);
        int choice = random.nextInt(100);
        String kind;
        if (choice < 14) {
            kind = "truncate " + field;
            out.put(field, Arrays.copyOf(value, value.length == 0 ? 0 : random.nextInt(value.length)));
        } else if (choice < 28) {
            kind = "flip " + field;
            out.put(field, flip(value, 1 + random.nextInt(3)));
        } else if (choice < 38) {
            kind = "nest " + field;
            out.put(field, ascii(nesting()));
        } else if (choice < 48) {
            kind = "number " + field;
            out.put(field, ascii(hugeNumber()));
        } else if (choice < 58) {
            kind = "escape " + field;
            out.put(field, ascii(badEscape()));
        } else if (choice < 78) {
            kind = "type " + field;
            out.put(field, ascii(OTHER_TYPES[random.nextInt(OTHER_TYPES.length)]));
        } else if (choice < 84) {
            kind = "junk " + field;
            out.put(field, junk(value));
        } else if (choice < 88) {
            kind = "missing " + field;
            out.remove(field);
        } else if (choice < 91) {
            kind = "extra field";
            out.put(random.nextBoolean() ? "colour" : "__class__", ascii("'red'"));
        } else if (choice < 95) {
            kind = "empty " + field;
            out.put(field, new byte[0]);
        } else {
            byte[] body = WireSender.multipart(fields);
            if (random.nextBoolean()) {
                return new Mutant("body flip", method, flip(body, 1 + random.nextInt(4)));
            }
            return new Mutant("body truncate", method, Arrays.copyOf(body, random.nextInt(body.length)));
        }
        return new Mutant(kind, method, WireSender.multipart(out));
    }

    private byte[] flip(byte[] value, int times) {
        byte[] copy = value.length == 0 ? new byte[] {'\''} : value.clone();
        for (int i = 0; i < times; i++) {
            int at = random.nextInt(copy.length);
            copy[at] = random.nextBoolean() ? (byte) (copy[at] ^ (1 << random.nextInt(8))) : (byte) random.nextInt(256);
        }
        return copy;
    }

    private byte[] junk(byte[] value) {
        byte[] extra = new byte[1 + random.nextInt(16)];
        random.nextBytes(extra);
        byte[] out = Arrays.copyOf(value, value.length + extra.length);
        int at = random.nextInt(value.length + 1);
        System.arraycopy(value, at, out, at + extra.length, value.length - at);
        System.arraycopy(extra, 0, out, at, extra.length);
        return out;
    }

    private String nesting() {
        int depth = random.nextBoolean() ? 50 + random.nextInt(200) : 1_000 + random.nextInt(200_000);
        String open = switch (random.nextInt(4)) {
            case 0 -> "[";
            case 1 -> "(";
            case 2 -> "{1: ";
            default -> "[{'a': (";
        };
        String close = switch (open) {
            case "[" -> "]";
            case "(" -> ",)";
            case "{1: " -> "}";
            default -> ")}]";
        };
        StringBuilder text = new StringBuilder(open.repeat(depth)).append("1");
        if (random.nextBoolean()) {
            text.append(close.repeat(depth));
        }
        return text.toString();
    }

    private String hugeNumber() {
        int digits = random.nextBoolean() ? 19 + random.nextInt(20) : 1_000 + random.nextInt(100_000);
        String number = "9".repeat(digits);
        return switch (random.nextInt(7)) {
            case 0 -> number;
            case 1 -> "-" + number + "L";
            case 2 -> "1e" + number;
            case 3 -> number + "." + number;
            case 4 -> "0x" + "f".repeat(digits);
            case 5 -> "1e309";
            default -> "-2147483649";
        };
    }

    private String badEscape() {
        String escape = BAD_ESCAPES[random.nextInt(BAD_ESCAPES.length)];
        String prefix = random.nextBoolean() ? "u" : "";
        return random.nextBoolean() ? prefix + "'ab" + escape + "cd'" : prefix + "'" + escape;
    }

    /** The form fields of a multipart body, byte for byte. */
    static Map<String, byte[]> bytes(byte[] body, String boundary) {
        String text = new String(body, StandardCharsets.ISO_8859_1);
        Map<String, byte[]> fields = new LinkedHashMap<>();
        for (String part : text.split(Pattern.quote("--" + boundary))) {
            int headEnd = part.indexOf("\r\n\r\n");
            int nameAt = part.indexOf("name=\"");
            if (headEnd < 0 || nameAt < 0 || nameAt > headEnd) {
                continue;
            }
            String name = part.substring(nameAt + 6, part.indexOf('"', nameAt + 6));
            String value = part.substring(headEnd + 4, part.length() - 2); // the CRLF before the next delimiter
            fields.put(name, value.getBytes(StandardCharsets.ISO_8859_1));
        }
        return fields;
    }

    static Map<String, String> fields(byte[] body, String boundary) {
        Map<String, String> fields = new LinkedHashMap<>();
        bytes(body, boundary).forEach((name, value) -> fields.put(name, new String(value, StandardCharsets.UTF_8)));
        return fields;
    }

    private static byte[] ascii(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
