package org.testfarm.server.template;

import org.apache.velocity.context.Context;
import org.apache.velocity.app.event.ReferenceInsertionEventHandler;
import org.testfarm.server.markup.Html;

/**
 * Escapes every value a template inserts, so client text can never become markup;
 * only {@link Html} (escaped, rendered or sanitised already) goes in as it is, and
 * a page's body, which renders itself (escaping what it inserts).
 * The escaping suits HTML, XML and SVG alike.
 */
public final class Escaping implements ReferenceInsertionEventHandler {

    @Override
    public Object referenceInsert(Context context, String reference, Object value) {
        if (value == null || value instanceof Html || value instanceof Templates.Body) {
            return value;
        }
        return Html.escape(String.valueOf(value));
    }
}
