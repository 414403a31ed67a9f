package org.autocrm.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import org.autocrm.gateway.support.StubService;
import org.autocrm.gateway.support.StubServices;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest.WebEnvironment;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationContext;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DefaultDataBufferFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.client.MultipartBodyBuilder;
import org.springframework.test.web.reactive.server.WebTestClient;
import org.springframework.web.reactive.function.BodyInserters;
import reactor.core.publisher.Flux;

/**
 * Bodies too large (413) or of a type the services do not take (415), and request lines or headers too long for the
 * gateway to read (414, 431), are refused at the edge, each as a problem document.
 */
@SpringBootTest(webEnvironment = WebEnvironment.RANDOM_PORT, properties = {
        "autocrm.gateway.request-size.max=1KB",
        "autocrm.gateway.request-size.upload-max=8KB"})
@StubServices
class RequestLimitsIT {

    @Autowired
    private WebTestClient client;

    @LocalServerPort
    private int port;

    @Autowired
    private ApplicationContext context;

    @BeforeEach
    void signIn() {
        client = GatewayRoutesIT.signedIn(client, context); // every /api request needs a signed-in caller
    }

    @Test
    void refusesABodyWhoseDeclaredLengthIsOverTheLimitBeforeAnyServiceSeesIt() {
        client.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(2048))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(413)
                .jsonPath("$.detail").isEqualTo("The request body is larger than the 1 KB allowed here.")
                .jsonPath("$.maxBytes").isEqualTo(1024)
                .jsonPath("$.requestId").isNotEmpty();

        assertThat(StubService.named("ticket-service").received()).isEmpty();
    }

    @Test
    void refusesAStreamedBodyWithoutLengthOnceItGrowsOverTheLimit() {
        Flux<DataBuffer> chunks = Flux.range(0, 8)
                .map(i -> DefaultDataBufferFactory.sharedInstance.wrap(("\"" + "x".repeat(254) + "\",").getBytes(StandardCharsets.UTF_8)));

        client.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .body(BodyInserters.fromDataBuffers(chunks))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody().jsonPath("$.maxBytes").isEqualTo(1024);

        assertThat(StubService.named("ticket-service").received()).isEmpty();
    }

    @Test
    void passesABodyWithinTheLimitOn() {
        client.post().uri("/api/tickets")
                .contentType(MediaType.APPLICATION_JSON)
                .bodyValue(jsonOfSize(900))
                .exchange()
                .expectStatus().isCreated();
    }

    @Test
    void allowsAttachmentUploadsTheLargerLimitAndMultipart() {
        MultipartBodyBuilder body = new MultipartBodyBuilder();
        body.part("file", "x".repeat(5000).getBytes(StandardCharsets.UTF_8))
                .filename("screenshot.txt").contentType(MediaType.TEXT_PLAIN);

        client.post().uri("/api/tickets/T-1/attachments")
                .body(BodyInserters.fromMultipartData(body.build()))
                .exchange()
                .expectStatus().isCreated();
        assertThat(StubService.named("ticket-service").received()).singleElement()
                .satisfies(upload -> assertThat(upload.headers().getContentType().isCompatibleWith(MediaType.MULTIPART_FORM_DATA)).isTrue());

        MultipartBodyBuilder tooLarge = new MultipartBodyBuilder();
        tooLarge.part("file", "x".repeat(9000).getBytes(StandardCharsets.UTF_8)).filename("video.txt");
        client.post().uri("/api/tickets/T-1/attachments")
                .body(BodyInserters.fromMultipartData(tooLarge.build()))
                .exchange()
                .expectStatus().isEqualTo(413)
                .expectBody().jsonPath("$.maxBytes").isEqualTo(8192);
    }

    @Test
    void refusesANonJsonBodyToAServiceWith415() {
        client.put().uri("/api/tickets/T-1")
                .contentType(MediaType.TEXT_PLAIN)
                .bodyValue("subject=Printer on fire")
                .exchange()
                .expectStatus().isEqualTo(415)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectHeader().valueEquals(HttpHeaders.ACCEPT, "application/json")
                .expectBody()
                .jsonPath("$.detail").isEqualTo("This endpoint takes a JSON body (Content-Type: application/json), not text/plain.");

        assertThat(StubService.named("ticket-service").received()).isEmpty();
    }

    @Test
    void acceptsJsonVariantsAndRequestsWithoutBody() {
        client.patch().uri("/api/tickets/T-1")
                .contentType(MediaType.parseMediaType("application/merge-patch+json"))
                .bodyValue("{\"priority\":\"HIGH\"}")
                .exchange()
                .expectStatus().isOk();
        client.delete().uri("/api/tickets/T-1/assign").exchange().expectStatus().isOk();
    }

    @Test
    void refusesARequestLineTooLongToReadWithAProblem() {
        client.get().uri("/api/tickets?q=" + "a".repeat(5000))
                .exchange()
                .expectStatus().isEqualTo(414)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(414)
                .jsonPath("$.title").isEqualTo("URI Too Long")
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("4096 bytes"));

        assertThat(StubService.named("query-service").received()).isEmpty();
    }

    @Test
    void refusesHeadersTooLargeToReadWithAProblem() {
        client.get().uri("/api/tickets")
                .header("X-Filler", "b".repeat(9000))
                .exchange()
                .expectStatus().isEqualTo(431)
                .expectHeader().contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .expectBody()
                .jsonPath("$.status").isEqualTo(431)
                .jsonPath("$.detail").value(detail -> assertThat(detail.toString()).contains("8192 bytes"));
    }

    @Test
    void answersARequestLineTooLongWhileTheRestOfTheRequestIsStillArriving() throws IOException {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(10_000);
            OutputStream out = socket.getOutputStream();
            out.write(("POST /api/tickets?q=" + "a".repeat(5000) + " HTTP/1.1\r\nHost: localhost\r\n"
                    + "Content-Type: application/json\r\nContent-Length: 200000\r\n\r\n").getBytes(StandardCharsets.US_ASCII));
            byte[] chunk = "x".repeat(10_000).getBytes(StandardCharsets.US_ASCII);
            for (int i = 0; i < 20; i++) {
                out.write(chunk); // the gateway has answered by now; closing on unread input would reset the connection
            }
            out.flush();
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 414 ").contains("\"status\":414");
    }

    @Test
    void answersARequestItCannotParseWithAProblem() throws IOException {
        String answer;
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(5000);
            socket.getOutputStream().write("GET /api/tickets HTTP/1.x\r\nHost: localhost\r\n\r\n"
                    .getBytes(StandardCharsets.US_ASCII));
            answer = new String(socket.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        }

        assertThat(answer).startsWith("HTTP/1.1 400 ");
        assertThat(answer.toLowerCase(java.util.Locale.ROOT)).contains("content-type: application/problem+json");
        assertThat(answer).contains("\"status\":400").contains("not valid HTTP");
        assertThat(StubService.named("query-service").received()).isEmpty();
    }

    private static String jsonOfSize(int bytes) {
        String prefix = "{\"description\":\"";
        return prefix + "x".repeat(bytes - prefix.length() - 2) + "\"}";
    }
}
