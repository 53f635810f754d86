package org.testfarm.server.browser;

import java.util.ArrayList;
import java.util.Base64;
import java.util.List;

/**
 * 100 cross-site scripting vectors, each of which calls {@code tfXss(N)} (a
 * function the test browser exposes) if it ever runs: tags, event handlers,
 * {@code javascript:} URLs, attribute and element break-outs, encodings, mutation
 * XSS, template syntax (Velocity, Angular), XHTML in XML feeds, and terminal
 * escape sequences (OSC 8 links, colours around HTML) for the output renderer.
 */
final class XssVectors {

    static final String BINDING = "tfXss";

    private XssVectors() {}

    static List<String> all() {
        List<String> templates = List.of(
                "<script>tfXss(N)</script>",
                "<img src=x onerror=tfXss(N)>",
                "<svg onload=tfXss(N)>",
                "\"><script>tfXss(N)</script>",
                "'><img src=x onerror=tfXss(N)>",
                "<a href=\"javascript:tfXss(N)\">click</a>",
                "<iframe src=\"javascript:tfXss(N)\"></iframe>",
                "<body onload=tfXss(N)>",
                "<details open ontoggle=tfXss(N)>",
                "<input autofocus onfocus=tfXss(N)>",
                "<math><mtext><table><mglyph><style><img src=x onerror=tfXss(N)>",
                "</textarea><script>tfXss(N)</script>",
                "</title><script>tfXss(N)</script>",
                "<scr<script>ipt>tfXss(N)</scr</script>ipt>",
                "<object data=\"javascript:tfXss(N)\"></object>",
                "<embed src=\"javascript:tfXss(N)\">",
                "<form><button formaction=javascript:tfXss(N)>x</button></form>",
                "<meta http-equiv=\"refresh\" content=\"0;url=javascript:tfXss(N)\">",
                "<base href=\"javascript:tfXss(N)//\">",
                "\u001b]8;;javascript:tfXss(N)\u001b\\link\u001b]8;;\u001b\\",
                "\u001b[31m<img src=x onerror=tfXss(N)>\u001b[0m",
                "<img src=\"x\" onerror=\"tfXss(N)\"",
                "<svg><script>tfXss(N)</script></svg>",
                "<img src=x onerror=eval(atob('" + "B64" + "'))>",
                "javascript:tfXss(N)",
                "data:text/html,<script>tfXss(N)</script>",
                "\" onmouseover=\"tfXss(N)\" autofocus onfocus=\"tfXss(N)",
                "' onmouseover='tfXss(N)' autofocus onfocus='tfXss(N)",
                "` onmouseover=tfXss(N) `",
                "</script><script>tfXss(N)</script>",
                "{{constructor.constructor('tfXss(N)')()}}",
                "#set($x='<img src=x onerror=tfXss(N)>')$x",
                "${'<script>tfXss(N)</script>'}",
                "<img src=x onerror=&#116;&#102;&#88;&#115;&#115;&#40;N&#41;>",
                "<a href=\"jav&#x09;ascript:tfXss(N)\">tab</a>",
                "<svg><a xlink:href=\"javascript:tfXss(N)\"><text y=\"20\">svg link</text></a></svg>",
                "<noscript><p title=\"</noscript><img src=x onerror=tfXss(N)>\">",
                "<div onclick=tfXss(N) style=position:fixed;inset:0>",
                "<video><source onerror=tfXss(N)></video>",
                "<audio src=x onerror=tfXss(N)>",
                "<marquee onstart=tfXss(N)>m</marquee>",
                "<img/src/onerror=tfXss(N)>",
                "<svg/onload=tfXss(N)>",
                "%3Cscript%3EtfXss(N)%3C/script%3E",
                "&lt;script&gt;tfXss(N)&lt;/script&gt;",
                "<![CDATA[<script>tfXss(N)</script>]]>",
                "<x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">tfXss(N)</x:script>",
                "]]><x:script xmlns:x=\"http://www.w3.org/1999/xhtml\">tfXss(N)</x:script><![CDATA[",
                "<style>*{background:url(\"javascript:tfXss(N)\")}</style><link rel=stylesheet href=javascript:tfXss(N)>",
                "<template><img src=x onerror=tfXss(N)></template><img src=x onerror=tfXss(N)>");
        List<String> vectors = new ArrayList<>();
        for (int n = 0; n < 100; n++) {
            String template = templates.get(n % templates.size());
            String call = "tfXss(" + n + ")";
            String vector = template.replace("tfXss(N)", call).replace("(N)", "(" + n + ")")
                    .replace("B64", Base64.getEncoder().encodeToString(call.getBytes()));
            // the second fifty: inside terminal colours and after a line break, as command output carries them
            vectors.add(n < templates.size() ? vector : "\u001b[1;33mwarning:\u001b[0m\r\n" + vector + "\n");
        }
        return vectors;
    }
}
