package org.testfarm.server.robust;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Names a project, client or execution must never have (issue 8, item 1): path
 * traversal, absolute paths, NUL and control characters, Windows device names
 * (with extensions too), Unicode look-alikes of dots and slashes, invisible and
 * bidirectional marks, overlong, leading dot or space, percent-encoded, shell and
 * NTFS stream syntax. Each is refused whatever the field.
 */
public final class HostileNames {

    private HostileNames() {}

    /** At least {@code count} distinct hostile names; those pointing into {@code outside} aim at that directory. */
    public static List<String> all(String outside) {
        Set<String> names = new LinkedHashSet<>();
        for (String traversal : List.of("..", "../", "../..", "../escaped", "..\\escaped", "a/../../escaped",
                "./a", "a/b", "a\\b", "....//escaped", "..;/escaped", ".../escaped", "a/.", "/", "\\", "//",
                "x/../..", "..\u0000/escaped")) {
            names.add(traversal);
        }
        for (String absolute : List.of("/etc/passwd", "/tmp/testfarm-escaped", "\\\\server\\share", "//server/share",
                "C:\\Windows\\escaped", "C:escaped", "c:", "~root", "~/escaped", outside + "/escaped",
                outside, "file:///etc/passwd", "\\\\?\\C:\\escaped")) {
            names.add(absolute);
        }
        for (String control : List.of("\u0000", "a\u0000b", "a\nb", "a\rb", "a\tb", "\u001b[31mred", "a\u007fb",
                "a\u0085b", "a\u2028b", "a\u2029b", "a\u0007", "a\bb", "a\u000bb", "a\fb", "\u0001", "a\u009bb")) {
            names.add(control);
        }
        List<String> reserved = new ArrayList<>(List.of("CON", "PRN", "AUX", "NUL"));
        for (int i = 1; i <= 9; i++) {
            reserved.add("COM" + i);
            reserved.add("LPT" + i);
        }
        for (String device : reserved) {
            names.add(device);
            names.add(device.toLowerCase(java.util.Locale.ROOT));
            names.add(device + ".txt");
            names.add(device.charAt(0) + device.substring(1).toLowerCase(java.util.Locale.ROOT) + ".tar.gz");
            names.add(device + " .log");
        }
        names.add("COM\u00b9");
        names.add("LPT\u00b2");
        names.add("com\u00b3.txt");
        for (String unicode : List.of("\uff0e\uff0e", "\uff0e\uff0e\uff0fescaped", "\u2024\u2024", "\ufe52\ufe52",
                "a\u2215b", "a\u2044b", "a\uff0fb", "a\uff3cb", "\u200fabc", "abc\u200e", "a\u202etxt.exe",
                "a\u202db", "a\u2066b", "a\u200bb", "a\u200db", "a\u200cb", "\ufeffabc", "a\u00adb", "a\u0338",
                "e\u0301", "\u00a0abc", "a\u00a0b", "a\u3000b", "a\u2000b", "a\ud800b", "a\udc00", "\ud83d",
                "a\ufffeb", "a\uffffb", "a\ue000b", "a\u180eb", "a\u2060b", "a\ufe0fb")) {
            names.add(unicode);
        }
        for (int length : new int[] {65, 100, 255, 256, 1024, 4096, 65536}) {
            names.add("a".repeat(length));
        }
        names.add("\u00e9".repeat(65));
        names.add("\u4e2d".repeat(65));
        names.add("\ud83d\ude00".repeat(65));
        for (String leading : List.of(".", ".hidden", ".a.b", ". a", " ", "  ", " a", " .", "..a", ".git", ".testfarm",
                ".ssh", " CON")) {
            names.add(leading);
        }
        for (String encoded : List.of("%2e%2e", "%2e%2e%2fescaped", "..%2fescaped", "%2F", "%00", "a%00b", "%252e%252e",
                "a%2fb", "%c0%ae%c0%ae", "..%c0%afescaped", "%u002e%u002e")) {
            names.add(encoded);
        }
        for (String shell : List.of("$(id)", "`id`", "a;b", "a|b", "a>b", "a<b", "*", "?", "a:b", "a::$DATA",
                "a\"b", "a'b", "a&b", "a!b", "a#b", "a=b", "a,b", "a{b}", "a[b]", "a@b", "a$b", "a^b", "a~b",
                "<script>", "a\\", "a/", "")) {
            names.add(shell);
        }
        return new ArrayList<>(names);
    }
}
