package org.aniprep.review;

import gg.jte.Content;
import io.javalin.http.Context;
import org.aniprep.report.Link;
import org.aniprep.report.Pages;

import java.util.List;
import java.util.function.Supplier;

/** What a {@link ReviewView} works with: the folder, the index, the writer and the page chrome. */
public record ReviewContext(ReviewFolder folder, ReviewIndex index, ReviewWriter writer, ReviewActions actions,
                            ThumbServer thumbs, String token, Supplier<List<Link>> nav, Supplier<String> readOnly) {
    /** The chrome every page shares: title, nav, read-only notice, undo/redo labels, the token for POSTs. */
    public Chrome chrome(String title, String here) {
        OpLog.Op undo = writer.log().undoable();
        OpLog.Op redo = writer.log().redoable();
        return new Chrome(title, here, nav.get(), readOnly.get(), token, undo == null ? null : undo.label(),
                redo == null ? null : redo.label(), folder.root().toString());
    }

    /** Renders {@code template} ({@code review/characters.jte}) with {@code model} as the response. */
    public void page(Context ctx, String template, Object model) {
        ctx.contentType("text/html; charset=utf-8");
        ctx.header("Cache-Control", "no-store");
        ctx.result(Pages.render(template, model));
    }

    public record Chrome(String title, String here, List<Link> nav, String readOnly, String token, String undo,
                         String redo, String folder) {
    }
}
