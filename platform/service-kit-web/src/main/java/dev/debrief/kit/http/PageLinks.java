package dev.debrief.kit.http;

import jakarta.ws.rs.core.UriBuilder;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/** RFC 8288 Link header values for a page of a list: first, prev, next and last, keeping the other parameters. */
public final class PageLinks {

    private PageLinks() {
    }

    public static String header(URI request, int page, int size, long total) {
        long last = total == 0 ? 0 : (total - 1) / size;
        List<String> links = new ArrayList<>(4);
        links.add(link(request, 0, size, "first"));
        if (page > 0) {
            links.add(link(request, Math.min(page - 1, last), size, "prev"));
        }
        if (page < last) {
            links.add(link(request, page + 1, size, "next"));
        }
        links.add(link(request, last, size, "last"));
        return String.join(", ", links);
    }

    private static String link(URI request, long page, int size, String rel) {
        URI target = UriBuilder.fromUri(request).replaceQueryParam("page", page).replaceQueryParam("size", size).build();
        // relative to the host: behind the gateway the service's own host is not the client's
        String path = target.getRawPath() + (target.getRawQuery() == null ? "" : "?" + target.getRawQuery());
        return "<" + path + ">; rel=\"" + rel + "\"";
    }
}
