package org.testfarm.client;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Fills {@code {name}} placeholders from a {@link ClientConfig}. A name is a
 * letter or underscore followed by letters, digits, {@code _ . -}. Everything
 * else in braces is left alone, so shell text such as {@code ${HOME}},
 * {@code {a,b}} or {@code awk '{print $1}'} passes unchanged; {@code {{name}}}
 * writes a literal {@code {name}}.
 */
final class Template {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{\\{([A-Za-z_][A-Za-z0-9_.-]*)}}"
            + "|(?<!\\$)\\{([A-Za-z_][A-Za-z0-9_.-]*)}");

    private Template() {
    }

    /**
     * {@code template} with its placeholders filled.
     *
     * @param where what the template belongs to, for the message: {@code command 'make -j{jobs}' of task 'Build'}
     * @throws TemplateException naming the unknown placeholder and {@code where}
     */
    static String fill(String template, ClientConfig config, String where) {
        if (template == null) {
            return null;
        }
        Matcher matcher = PLACEHOLDER.matcher(template);
        StringBuilder out = new StringBuilder();
        while (matcher.find()) {
            String replacement;
            if (matcher.group(1) != null) {
                replacement = "{" + matcher.group(1) + "}";
            } else {
                String name = matcher.group(2);
                replacement = config.get(name).orElseThrow(() -> new TemplateException(name,
                        "unknown placeholder {" + name + "} in " + where + "; the configuration has "
                                + (config.names().isEmpty() ? "no entries" : String.join(", ", config.names()))));
            }
            matcher.appendReplacement(out, Matcher.quoteReplacement(replacement));
        }
        matcher.appendTail(out);
        return out.toString();
    }
}
