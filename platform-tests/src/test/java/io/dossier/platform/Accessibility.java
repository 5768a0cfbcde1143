package io.dossier.platform;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;

/**
 * The axe-core rules (WCAG 2.1 A and AA) run in the browser on the page it shows: what they find of moderate, serious
 * or critical impact, as lines of rule, impact and the first elements concerned. The script comes from the axe-core
 * webjar and is run through the driver, beside the page's own scripts (which the page's policy keeps to its own).
 */
final class Accessibility {

    private static String axe;

    private Accessibility() {
    }

    static synchronized String script() throws IOException {
        if (axe == null) {
            try (InputStream in = Accessibility.class
                    .getResourceAsStream("/META-INF/resources/webjars/axe-core/4.6.3/axe.min.js")) {
                if (in == null) {
                    throw new IllegalStateException("axe-core is not on the test class path");
                }
                axe = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        return axe;
    }

    /** The moderate, serious and critical violations on the browser's page, one line each. */
    @SuppressWarnings("unchecked")
    static List<String> violations(WebDriver browser, String page) throws IOException {
        JavascriptExecutor js = (JavascriptExecutor) browser;
        js.executeScript(script());
        Object result = js.executeAsyncScript("const done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                + ".then(r => done(r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                + " nodes: v.nodes.slice(0, 3).map(n => n.target.join(' '))}))), e => done([{id: 'axe-error',"
                + " impact: 'critical', help: String(e), nodes: []}]));");
        List<String> out = new ArrayList<>();
        for (Map<String, Object> v : (List<Map<String, Object>>) result) {
            String impact = String.valueOf(v.get("impact"));
            String line = page + ": " + v.get("id") + " (" + impact + ") " + v.get("help") + " at " + v.get("nodes");
            if (!impact.equals("minor")) {
                out.add(line);
            } else {
                System.out.println("accessibility, " + line); // minor: in the test's output
            }
        }
        return out;
    }
}
