package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The browser application (module web) from the gateway's own origin: each audience's page at its path and at
 * every deep link below it, under a Content-Security-Policy that runs no inline script; bundles cached for good.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT)
@StubServices
class WebPagesIT {

    private static final Pattern BUNDLE = Pattern.compile("src=\"(/assets/[^\"]+\\.js)\"");

    @Autowired
    private WebTestClient client;

    @ParameterizedTest(name = "{0} answers the {1} page")
    @CsvSource({
            "/, signin",
            "/sign-in, signin",
            "/reset-password, signin",
            "/app, app",
            "/app/tickets/4f1c2a, app",
            "/portal, portal",
            "/portal/tickets/4f1c2a, portal",
            "/portal/new, portal",
            "/admin/users, admin"})
    void everyDeepLinkIsAnsweredByItsAudiencesPage(String path, String entry) {
        EntityExchangeResult<String> page = client.get().uri(path).accept(MediaType.TEXT_HTML).exchange()
                .expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith(MediaType.TEXT_HTML)
                .expectHeader().valueEquals("Cache-Control", "no-cache")
                .expectBody(String.class).returnResult();
        assertThat(page.getResponseBody()).contains("<div id=\"root\"></div>").containsPattern("/assets/" + entry + "-");
        String policy = page.getResponseHeaders().getFirst("Content-Security-Policy");
        assertThat(policy).contains("script-src 'self'").contains("frame-ancestors 'none'").doesNotContain("unsafe-inline");
    }

    @Test
    void thePagesCarryNoInlineScriptAndTheirBundlesAreCachedForGood() {
        String page = client.get().uri("/portal").exchange().expectBody(String.class).returnResult().getResponseBody();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)[^>]*>");
        Matcher bundle = BUNDLE.matcher(page);
        assertThat(bundle.find()).as("the page names its bundle: %s", page).isTrue();
        client.get().uri(bundle.group(1)).exchange().expectStatus().isOk()
                .expectHeader().contentTypeCompatibleWith("text/javascript")
                .expectHeader().value("Cache-Control", value -> assertThat(value).contains("max-age=31536000").contains("immutable"));
    }

    @Test
    void apiAnswersKeepTheirOwnPolicyAndAnUnknownBundleIsNotFound() {
        client.get().uri("/api/me").exchange().expectStatus().isUnauthorized()
                .expectHeader().value("Content-Security-Policy", value -> assertThat(value).startsWith("default-src 'none'"));
        client.get().uri("/assets/no-such-bundle.js").exchange().expectStatus().isNotFound();
    }
}
