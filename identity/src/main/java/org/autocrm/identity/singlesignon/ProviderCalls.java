package org.autocrm.identity.singlesignon;

import io.netty.channel.ChannelOption;
import java.net.URI;
import java.time.Duration;
import java.util.function.Function;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.web.reactive.function.client.ExchangeStrategies;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * HTTP towards identity providers: bounded in time and size, every transport failure turned
 * into {@link SsoLoginFailed.Reason#PROVIDER_UNAVAILABLE}, so a provider that is down gives the
 * user a clear answer within seconds instead of a hang.
 */
final class ProviderCalls {

    /** Discovery documents, key sets and token responses are a few kilobytes. */
    private static final int MAX_BODY_BYTES = 256 * 1024;

    /** A provider's answer: status and body, read whatever the status. */
    record Answer(HttpStatusCode status, String body) {
    }

    private final WebClient webClient;
    private final Duration responseTimeout;

    ProviderCalls(Duration connectTimeout, Duration responseTimeout) {
        HttpClient http = HttpClient.create()
                .option(ChannelOption.CONNECT_TIMEOUT_MILLIS, Math.toIntExact(connectTimeout.toMillis()))
                .responseTimeout(responseTimeout);
        this.webClient = WebClient.builder()
                .clientConnector(new ReactorClientHttpConnector(http))
                .exchangeStrategies(ExchangeStrategies.builder()
                        .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(MAX_BODY_BYTES))
                        .build())
                .build();
        this.responseTimeout = responseTimeout;
    }

    Mono<Answer> get(URI uri, String what) {
        return call(webClient.get().uri(uri).accept(MediaType.APPLICATION_JSON), what);
    }

    Mono<Answer> post(URI uri, Function<WebClient.RequestBodySpec, WebClient.RequestHeadersSpec<?>> request,
            String what) {
        return call(request.apply(webClient.post().uri(uri).accept(MediaType.APPLICATION_JSON)), what);
    }

    private Mono<Answer> call(WebClient.RequestHeadersSpec<?> request, String what) {
        return request
                .exchangeToMono(response -> response.bodyToMono(String.class)
                        .defaultIfEmpty("")
                        .map(body -> new Answer(response.statusCode(), body)))
                // the connector's timeout covers one response; this one the whole call, connect included
                .timeout(responseTimeout.plus(responseTimeout))
                .onErrorMap(error -> !(error instanceof SsoLoginFailed),
                        error -> new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE,
                                "The sign-in provider did not answer (" + what + "); try again in a minute.", error));
    }

    static SsoLoginFailed unavailable(String message) {
        return new SsoLoginFailed(SsoLoginFailed.Reason.PROVIDER_UNAVAILABLE, message);
    }
}
