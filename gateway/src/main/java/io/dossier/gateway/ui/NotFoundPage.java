package io.dossier.gateway.ui;

import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.dossier.common.problem.Problem;
import io.vertx.core.json.Json;
import io.vertx.ext.web.Router;

/**
 * An address nothing answers (no page, no API path, no file): the 404 page in the site's layout, or a 404 problem
 * under /api and /q. Installed last, after the pages, the API entry and the static files.
 */
@ApplicationScoped
public class NotFoundPage {

    void install(@Observes Router router) {
        router.route().last().handler(ctx -> {
            String path = ctx.normalizedPath();
            var response = ctx.response().setStatusCode(404).putHeader("Cache-Control", "private, no-store");
            if (path.startsWith("/api/") || path.startsWith("/q/")) {
                response.putHeader("Content-Type", Problem.MEDIA_TYPE)
                        .end(Json.encode(Problem.of(404, "Nothing at " + path).withInstance(path)));
                return;
            }
            // rendered outside the REST layer, without a request context: the layout's user part is left out
            response.putHeader("Content-Type", "text/html;charset=UTF-8").end(ErrorPages.Templates.error(null, 404,
                    ErrorPages.heading(404), "There is no page at this address. It may have moved, or the link may "
                            + "be mistyped.",
                    List.of(new ErrorPages.Step("/search", "Go to search"))).render());
        });
    }
}
