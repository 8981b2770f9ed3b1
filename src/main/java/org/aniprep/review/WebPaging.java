package org.aniprep.review;

import org.aniprep.report.Link;
import org.aniprep.report.Pager;

import java.util.ArrayList;
import java.util.List;
import java.util.function.IntFunction;

/** Pages over a list the server holds: the browser gets one page at a time. */
record WebPaging(int page, int pages, int from, int to) {
    static WebPaging of(String pageParam, int total, int perPage) {
        int pages = Math.max(1, (total + perPage - 1) / perPage);
        int page = 1;
        try {
            page = pageParam == null ? 1 : Integer.parseInt(pageParam);
        } catch (NumberFormatException e) {
            page = 1;
        }
        page = Math.max(1, Math.min(pages, page));
        int from = (page - 1) * perPage;
        return new WebPaging(page, pages, from, Math.min(total, from + perPage));
    }

    Pager pager(IntFunction<String> href) {
        List<Link> links = new ArrayList<>();
        if (pages > 1) {
            if (page > 1) {
                links.add(new Link(href.apply(page - 1), "‹ previous"));
            }
            int lo = Math.max(1, page - 4);
            int hi = Math.min(pages, page + 4);
            if (lo > 1) {
                links.add(new Link(href.apply(1), "1"));
                if (lo > 2) {
                    links.add(new Link(null, "…"));
                }
            }
            for (int p = lo; p <= hi; p++) {
                links.add(new Link(p == page ? null : href.apply(p), String.valueOf(p)));
            }
            if (hi < pages) {
                if (hi < pages - 1) {
                    links.add(new Link(null, "…"));
                }
                links.add(new Link(href.apply(pages), String.valueOf(pages)));
            }
            if (page < pages) {
                links.add(new Link(href.apply(page + 1), "next ›"));
            }
        }
        return new Pager(page, pages, links);
    }
}
