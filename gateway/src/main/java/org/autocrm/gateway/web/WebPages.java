package org.autocrm.gateway.web;

import static org.springframework.web.reactive.function.server.RequestPredicates.GET;
import static org.springframework.web.reactive.function.server.RequestPredicates.HEAD;

import java.time.Duration;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.web.reactive.function.server.RequestPredicate;
import org.springframework.web.reactive.function.server.RouterFunction;
import org.springframework.web.reactive.function.server.RouterFunctions;
import org.springframework.web.reactive.function.server.ServerResponse;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * The web module's pages (its jar carries them under {@code static/}). A page is never cached, so a new release
 * is seen at the next load; the bundles it names carry a content hash in their file names and are cached for a
 * year. A page whose file is missing (a gateway built without the web module) is left to the 404 problem.
 */
@Configuration(proxyBeanMethods = false)
class WebPages {

    /** Each audience's entry page and the paths it answers, deep links included. */
    private static final List<Page> PAGES = List.of(
            // the emailed sign-in and password-reset links open the sign-in page (autocrm.identity.account-email.*)
            new Page("static/index.html", List.of("/", "/index.html", "/sign-in", "/reset-password")),
            new Page("static/app/index.html", List.of("/app", "/app/**")),
            new Page("static/portal/index.html", List.of("/portal", "/portal/**")),
            new Page("static/admin/index.html", List.of("/admin", "/admin/**")));
    private static final CacheControl BUNDLES = CacheControl.maxAge(Duration.ofDays(365)).cachePublic().immutable();

    record Page(String file, List<String> paths) {

        RequestPredicate predicate() {
            return paths.stream().map(path -> GET(path).or(HEAD(path))).reduce(RequestPredicate::or).orElseThrow();
        }
    }

    @Bean
    RouterFunction<ServerResponse> browserApplicationPages() {
        RouterFunctions.Builder routes = RouterFunctions.route();
        for (Page page : PAGES) {
            Resource file = new ClassPathResource(page.file());
            routes.route(page.predicate(), request -> file.exists()
                    ? ServerResponse.ok().contentType(MediaType.TEXT_HTML).cacheControl(CacheControl.noCache()).bodyValue(file)
                    : Mono.error(new ResponseStatusException(HttpStatus.NOT_FOUND, "The web application is not part of this build.")));
        }
        return routes.build().and(RouterFunctions.resources("/assets/**", new ClassPathResource("static/assets/"))
                .filter((request, next) -> {
                    request.exchange().getResponse().beforeCommit(() -> {
                        if (request.exchange().getResponse().getStatusCode() != null
                                && request.exchange().getResponse().getStatusCode().is2xxSuccessful()) {
                            request.exchange().getResponse().getHeaders().setCacheControl(BUNDLES);
                        }
                        return Mono.empty();
                    });
                    return next.handle(request);
                }));
    }
}
